using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.NewDirectors;

/// <summary>What New Directors holds about a person: the invitations sent to them (by address, or to their register record).</summary>
public sealed class NewDirectorsPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "New Directors invitations";

    public IReadOnlyList<string> Tables { get; } = ["director_invitations"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
        var normalised = subject.Email.ToUpperInvariant();
        var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var personKeys = await db.People.Where(p => p.Email != null && p.Email.ToLower() == lower).Select(p => p.Id)
            .Concat(db.Participants.Where(p => p.PersonKey != null && (p.Email.ToLower() == lower || (p.UserId != null && userIds.Contains(p.UserId)))).Select(p => p.PersonKey!.Value))
            .ToListAsync(cancellationToken);
        var invitations = await db.DirectorInvitations.Where(i => (i.Email != null && i.Email.ToLower() == lower) || personKeys.Contains(i.PersonKey)).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return [new("director_invitations", invitations)];
    }

    /// <summary>
    /// Invitations of people who never joined (no participant record: a participant's go with them, by the participants'
    /// rule) whose last step (recorded, sent, reminded, answered, lapsed) and other programme activity under the address
    /// (<see cref="IProgrammeActivity"/>) are older than the data map's period. Erased by the policy (the address, link and
    /// reason blanked; the invitation stays for the invitation figures), each person's together.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("director_invitations") is not { } since)
        {
            return [];
        }
        var held = await db.DirectorInvitations.AsNoTracking()
            .Where(i => i.Email != null || i.TokenHash != null || i.ProtectedToken != null || i.DeclineReason != null).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return [];
        }
        var dueIds = new List<int>();
        foreach (var person in held.GroupBy(i => i.PersonKey))
        {
            var last = person.Max(LastStep);
            if (person.All(i => !context.Live.Includes(i.Email, i.PersonKey) && context.Activity.QuietBefore(i.Email, last, since)))
            {
                dueIds.AddRange(person.Select(i => i.Id));
            }
        }
        if (dueIds.Count == 0)
        {
            return [];
        }
        var people = (await db.DirectorInvitations.Where(i => dueIds.Contains(i.Id)).ToListAsync(cancellationToken))
            .GroupBy(i => i.PersonKey)
            .Select(g => (IReadOnlyList<PersonalRows>)[new PersonalRows("director_invitations", [.. g])])
            .ToList();
        return [new RetentionDue("Invitations never taken up",
            $"{dueIds.Count} invitations of {people.Count} people who never became participants, whose last programme activity was before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}",
            People: people)];
    }

    private static LocalDate LastStep(DirectorInvitation i) =>
        new[] { i.RecordedOn, i.SendOn, i.SentOn, i.AnsweredOn, Day(i.CreatedAt), Day(i.FirstReminderAt), Day(i.SecondReminderAt), Day(i.ExpiresAt) }.Max()!.Value;

    private static LocalDate? Day(Instant? at) => at?.InZone(Upon.Core.Time.London).Date;
}
