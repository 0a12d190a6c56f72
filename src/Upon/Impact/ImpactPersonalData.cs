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

    /// <summary>Both go with the person, whom the programme's retention rule erases.</summary>
    public Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RetentionDue>>([]);
}
