using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Impact;

/// <summary>
/// What the impact work holds about a person: a past New Directors enrolment imported for the retention evaluation, and
/// being listed as a BALI graduate (which reveals ethnic origin).
/// </summary>
public sealed class ImpactPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Evaluation and equality figures";

    public IReadOnlyList<string> Tables { get; } = ["imported_enrolments", "bali_graduates"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var enrolments = await db.ImportedEnrolments.Where(e => e.Email.ToLower() == lower).ToListAsync(cancellationToken);
        var graduates = await db.BaliGraduates.Where(g => g.Email.ToLower() == lower).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return [new("imported_enrolments", enrolments), new("bali_graduates", graduates)];
    }

    /// <summary>
    /// Imported past enrolments of people with no participant record (a participant's go with them, by the participants'
    /// rule) who accepted, and had no other programme activity under the address (<see cref="IProgrammeActivity"/>),
    /// before the data map's period. Erased by the policy (the address pseudonymised; the date stays on the register
    /// record, so the retention evaluation does not change), each person under a pseudonym of their own. A BALI graduate
    /// record goes with its person or its application.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("imported_enrolments") is not { } since)
        {
            return [];
        }
        var imported = await db.ImportedEnrolments.AsNoTracking().Where(e => !e.Email.EndsWith(ErasedAddresses.End) && e.AcceptedOn < since)
            .Select(e => new { e.Id, e.Email, e.PersonKey, e.AcceptedOn }).ToListAsync(cancellationToken);
        if (imported.Count == 0)
        {
            return [];
        }
        var dueIds = imported.Where(e => !context.Live.Includes(e.Email, e.PersonKey) && context.Activity.QuietBefore(e.Email, e.AcceptedOn, since)).Select(e => e.Id).ToList();
        if (dueIds.Count == 0)
        {
            return [];
        }
        var people = (await db.ImportedEnrolments.Where(e => dueIds.Contains(e.Id)).ToListAsync(cancellationToken))
            .GroupBy(e => e.Email.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<PersonalRows>)[new PersonalRows("imported_enrolments", [.. g])])
            .ToList();
        return [new RetentionDue("Imported past enrolments",
            $"{dueIds.Count} imported enrolments of {people.Count} people who are not participants, whose last programme activity was before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}",
            People: people)];
    }
}
