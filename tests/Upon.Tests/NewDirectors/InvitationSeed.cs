using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Register;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.NewDirectors;

/// <summary>Appointments recorded through the appointment service (as the form does), each in an authority of its own.</summary>
public static class InvitationSeed
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>An authority in operation with no appointments yet, so that tests sharing a database never clash.</summary>
    public static async Task<string> FreeAuthorityAsync(UponApp app)
    {
        await Gate.WaitAsync();
        try
        {
            return await app.WithScopeAsync(async s =>
            {
                var db = s.GetRequiredService<UponDbContext>();
                var taken = await db.Appointments.Select(a => a.AuthorityCode).Distinct().ToListAsync();
                var code = await db.Authorities.Where(a => a.OperatingTo == null && a.OperatingFrom == null && !taken.Contains(a.Code)).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync();
                // Claim it at once with a long-past appointment of nobody in particular, so the next caller moves on.
                db.Appointments.Add(new Appointment
                {
                    AuthorityCode = code,
                    Person = new Person { PersonId = $"CLAIM-{code}-{Guid.NewGuid():N}"[..40], GivenName = "Former", FamilyName = "Director" },
                    Type = AppointmentType.Permanent,
                    StartDate = new LocalDate(2001, 1, 1),
                    EndDate = new LocalDate(2001, 12, 31),
                });
                await db.SaveChangesAsync();
                return code;
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Records an appointment the way the form does; returns the person's identifier.</summary>
    public static async Task<string> RecordAsync(UponApp app, LocalDate start, LocalDate? end = null, string? email = "", string? personId = null, string? authority = null,
        AppointmentType type = AppointmentType.Interim)
    {
        authority ??= await FreeAuthorityAsync(app);
        personId ??= $"ND-{Guid.NewGuid():N}"[..20];
        email = email == "" ? $"{personId.ToLowerInvariant()}@example.org" : email;
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentService>().AddAsync(new AppointmentChange(
            authority, personId, "Robin", "Example", email, type, start, end, end is null ? null : LeavingReason.MovedToAnotherDcsPost, end is null ? null : false)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return personId;
    }

    public static Task<List<DirectorInvitation>> InvitationsOfAsync(UponApp app, string personId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().DirectorInvitations.AsNoTracking().Include(i => i.Person)
            .Where(i => i.Person!.PersonId == personId).OrderBy(i => i.Id).ToListAsync());

    public static Task<InvitationRunResult> RunAsync(UponApp app, LocalDate asOf) =>
        app.Services.GetRequiredService<InvitationRunner>().RunAsync(asOf);

    /// <summary>The secret of the link in the invitation email sent to <paramref name="email"/>.</summary>
    public static async Task<string> SecretFromEmailAsync(UponApp app, string email)
    {
        var messages = await Sessions.SessionSeed.EmailsToAsync(app, email);
        var body = Assert.Single(messages, m => m.Subject == "Your place on the New Directors programme").TextBody;
        var match = System.Text.RegularExpressions.Regex.Match(body, @"/invitations/([A-Za-z0-9_-]+)");
        Assert.True(match.Success, body);
        return match.Groups[1].Value;
    }
}
