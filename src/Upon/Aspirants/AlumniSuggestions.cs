using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>Staff said a suggested register person is not this alumnus: the pair is never suggested again.</summary>
public class AlumniMatchRejection
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
    public int PersonKey { get; set; }
    public Instant RejectedAt { get; set; }
    public required string RejectedBy { get; set; }

    public const int MaxActorLength = 320;
}

/// <summary>A register person who may be an alumnus whose email the register does not have, for staff to confirm or reject.</summary>
public sealed record AlumniSuggestion(
    int ApplicationKey, string Cohort, string Reference, string ApplicantName, string AppliedFrom,
    int PersonKey, string PersonId, string PersonName, IReadOnlyList<string> Posts);

/// <summary>Thrown when a confirmation or rejection no longer matches a suggestion (already decided, or the data changed).</summary>
public sealed class AlumniSuggestionException(string message) : Exception(message);

/// <summary>
/// Suggests, for each alumnus (an application whose applicant completed the programme year) that no register person
/// matches by email and staff have not yet confirmed, the register people with the same given and family names
/// (ignoring case and surrounding spaces) who held a DCS post in the authority the alumnus applied from. Staff confirm
/// one (it becomes the application's <see cref="AspirantApplication.ConfirmedPersonKey"/>, which the alumni figures
/// read) or reject it (never suggested again). Each decision is audited in the same transaction.
/// </summary>
public sealed class AlumniSuggestions(UponDbContext db, IClock clock, AuditLog audit, IAuditActor actor)
{
    public const string ConfirmedAction = "AlumniMatchConfirmed";
    public const string RejectedAction = "AlumniMatchRejected";

    public async Task<IReadOnlyList<AlumniSuggestion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var alumni = await db.AspirantApplications.AsNoTracking()
            .Where(a => a.Completed == true && a.ConfirmedPersonKey == null && a.AuthorityCode != null)
            .Select(a => new { a.Id, Cohort = a.Cohort!.Name, a.ApplicationId, a.GivenName, a.FamilyName, a.Email, AuthorityCode = a.AuthorityCode!, Authority = a.Authority!.Name })
            .ToListAsync(cancellationToken);
        if (alumni.Count == 0) return [];

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in alumni.Select(a => a.Email.ToLowerInvariant()).Distinct().Chunk(500))
        {
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
            emails.UnionWith(await db.People.Where(p => p.Email != null && chunk.Contains(p.Email.ToLower())).Select(p => p.Email!).ToListAsync(cancellationToken));
#pragma warning restore CA1862
        }
        var unmatched = alumni.Where(a => !emails.Contains(a.Email)).ToList();

        // DCS posts in the authorities the unmatched alumni applied from, with their holders' names.
        var posts = new List<(int PersonKey, string PersonId, string GivenName, string FamilyName, string AuthorityCode, string Authority, LocalDate Start, LocalDate? End)>();
        foreach (var chunk in unmatched.Select(a => a.AuthorityCode).Distinct().Chunk(500))
        {
            posts.AddRange((await db.Appointments.AsNoTracking().Where(p => chunk.Contains(p.AuthorityCode))
                    .Select(p => new { p.PersonKey, p.Person!.PersonId, p.Person.GivenName, p.Person.FamilyName, p.AuthorityCode, Authority = p.Authority!.Name, p.StartDate, p.EndDate })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.PersonKey, p.PersonId, p.GivenName, p.FamilyName, p.AuthorityCode, p.Authority, p.StartDate, p.EndDate)));
        }
        var keys = unmatched.Select(a => a.Id).ToList();
        var rejected = new HashSet<(int, int)>();
        foreach (var chunk in keys.Chunk(500))
        {
            foreach (var r in await db.AlumniMatchRejections.AsNoTracking().Where(r => chunk.Contains(r.ApplicationId)).Select(r => new { r.ApplicationId, r.PersonKey }).ToListAsync(cancellationToken))
            {
                rejected.Add((r.ApplicationId, r.PersonKey));
            }
        }

        var result = new List<AlumniSuggestion>();
        foreach (var a in unmatched.OrderBy(a => a.Cohort, StringComparer.Ordinal).ThenBy(a => a.ApplicationId, StringComparer.Ordinal))
        {
            foreach (var person in posts.Where(p => p.AuthorityCode == a.AuthorityCode && SameName(p.GivenName, a.GivenName) && SameName(p.FamilyName, a.FamilyName))
                         .GroupBy(p => p.PersonKey).OrderBy(g => g.Key))
            {
                if (rejected.Contains((a.Id, person.Key))) continue;
                var first = person.First();
                result.Add(new AlumniSuggestion(a.Id, a.Cohort, a.ApplicationId, $"{a.GivenName} {a.FamilyName}".Trim(), a.Authority,
                    person.Key, first.PersonId, $"{first.GivenName} {first.FamilyName}",
                    [.. person.OrderBy(p => p.Start).Select(p => $"DCS of {p.Authority} from {p.Start:yyyy-MM-dd}{(p.End is { } end ? $" to {end:yyyy-MM-dd}" : "")}")]));
            }
        }
        return result;
    }

    /// <summary>Staff confirm the suggested person is the alumnus: the alumni record and figures count them from now on.</summary>
    public async Task ConfirmAsync(int applicationKey, int personKey, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var suggestion = await SuggestedAsync(applicationKey, personKey, cancellationToken);
        var application = await db.AspirantApplications.SingleAsync(a => a.Id == applicationKey, cancellationToken);
        application.ConfirmedPersonKey = personKey;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(ConfirmedAction, nameof(AspirantApplication), Key(applicationKey),
            $"application {suggestion.Reference} is register person {suggestion.PersonId}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Staff say the suggested person is not the alumnus: the pair is not suggested again.</summary>
    public async Task RejectAsync(int applicationKey, int personKey, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var suggestion = await SuggestedAsync(applicationKey, personKey, cancellationToken);
        db.AlumniMatchRejections.Add(new AlumniMatchRejection
        {
            ApplicationId = applicationKey, PersonKey = personKey, RejectedAt = clock.GetCurrentInstant(),
            RejectedBy = actor.Name.Length > AlumniMatchRejection.MaxActorLength ? actor.Name[..AlumniMatchRejection.MaxActorLength] : actor.Name,
        });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(RejectedAction, nameof(AspirantApplication), Key(applicationKey),
            $"application {suggestion.Reference} is not register person {suggestion.PersonId}", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<AlumniSuggestion> SuggestedAsync(int applicationKey, int personKey, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(s => s.ApplicationKey == applicationKey && s.PersonKey == personKey)
        ?? throw new AlumniSuggestionException("This suggestion is no longer open: it was confirmed or rejected, or the register or application changed.");

    private static bool SameName(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase) && a.Trim().Length > 0;

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
