using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Aspirants;

/// <summary>
/// What Aspirant Directors holds about a person: their applications (answers, endorsement, reviews of them, learning set)
/// and, kept apart, their equality monitoring answers; and, if they review, their reviewer record.
/// </summary>
public sealed class AspirantsPersonalData(UponDbContext db, IEnumerable<IApplicationDerivedRows> derived) : IPersonalDataProvider
{
    private const string ErasedDomain = ErasedAddresses.End;

    public string Feature => "Aspirant Directors applications";

    public IReadOnlyList<string> Tables { get; } =
    [
        "aspirant_applications", "aspirant_answers", "aspirant_redactions", "aspirant_endorsements", "aspirant_equality_monitoring", "aspirant_reviews",
        "aspirant_scores", "aspirant_conflicts", "aspirant_moderations", "aspirant_learning_set_members", "aspirant_reviewers",
        "alumni_match_rejections",
    ];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var applications = await db.AspirantApplications.Where(a => a.Email.ToLower() == lower).ToListAsync(cancellationToken);
        var reviewers = await db.AspirantReviewers.Where(r => r.Email.ToLower() == lower).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var ids = applications.Select(a => a.Id).ToList();
        var rows = await RowsOfAsync(ids, cancellationToken);
        rows.Insert(0, new("aspirant_applications", applications));
        rows.Add(new("aspirant_reviewers", reviewers));
        return rows;
    }

    /// <summary>
    /// How much longer a not-selected application is kept when the applicant asked to be considered next year: one
    /// more yearly cycle of applications beyond the data map's period.
    /// </summary>
    public static readonly NodaTime.Period NextYearCycle = NodaTime.Period.FromYears(1);

    /// <summary>
    /// Applications not selected, submitted before the data map's period (one <see cref="NextYearCycle"/> earlier when the
    /// applicant asked to be considered next year), are erased by the policy with everything about them, and with what
    /// other features derived from the applicant's applications (<see cref="IApplicationDerivedRows"/>: the BALI graduate
    /// record a self-declared graduate's application made) unless another application of theirs is still kept. Each
    /// applicant's rows are erased under a pseudonym of their own, so that figures matching them across tables by
    /// address still match.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("aspirant_applications") is not { } since)
        {
            return [];
        }
        var laterSince = since - NextYearCycle;
        var cutoff = since.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var laterCutoff = laterSince.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var applications = await db.AspirantApplications
            .Where(a => a.Outcome == SelectionOutcome.NotSelected && a.SubmittedAt != null && !a.Email.EndsWith(ErasedDomain)
                && (a.ConsiderNextYear == true ? a.SubmittedAt < laterCutoff : a.SubmittedAt < cutoff))
            .ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return [];
        }
        var before = NodaTime.Text.LocalDatePattern.Iso.Format(since);
        var laterBefore = NodaTime.Text.LocalDatePattern.Iso.Format(laterSince);
        var dueIds = applications.Select(a => a.Id).ToHashSet();
        var emails = applications.Select(a => a.Email.ToLowerInvariant()).Distinct().ToList();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var stillKept = (await db.AspirantApplications.AsNoTracking().Where(a => emails.Contains(a.Email.ToLower())).Select(a => new { a.Id, a.Email }).ToListAsync(cancellationToken))
            .Where(a => !dueIds.Contains(a.Id)).Select(a => a.Email.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
#pragma warning restore CA1862
        var people = new List<IReadOnlyList<PersonalRows>>();
        foreach (var applicant in applications.GroupBy(a => a.Email.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var rows = await RowsOfAsync([.. applicant.Select(a => a.Id)], cancellationToken);
            rows.Insert(0, new("aspirant_applications", [.. applicant]));
            if (!stillKept.Contains(applicant.Key))
            {
                foreach (var source in derived)
                {
                    rows.AddRange(await source.RowsFromApplicationsAsync(applicant.Key, cancellationToken));
                }
            }
            people.Add([.. rows.Where(r => r.Rows.Count > 0)]);
        }
        var counts = people.SelectMany(p => p).GroupBy(r => r.Table, StringComparer.Ordinal).Select(g => $"{g.Sum(r => r.Rows.Count)} rows of {g.Key}");
        return [new RetentionDue("Applications not selected",
            $"{applications.Count} applications not selected, of {people.Count} applicants, submitted before {before} (before {laterBefore} when the applicant asked to be considered next year): {string.Join(", ", counts)}",
            People: people)];
    }

    private async Task<List<PersonalRows>> RowsOfAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var answers = await db.AspirantAnswers.Where(a => ids.Contains(a.ApplicationId)).ToListAsync(cancellationToken);
        var answerIds = answers.Select(a => a.Id).ToList();
        var reviews = await db.AspirantReviews.Where(r => ids.Contains(r.ApplicationId)).ToListAsync(cancellationToken);
        var reviewIds = reviews.Select(r => r.Id).ToList();
        return
        [
            new("aspirant_answers", answers),
            new("aspirant_redactions", await db.AspirantRedactions.Where(r => answerIds.Contains(r.AnswerId)).ToListAsync(cancellationToken)),
            new("aspirant_endorsements", await db.AspirantEndorsements.Where(e => ids.Contains(e.ApplicationId)).ToListAsync(cancellationToken)),
            new("aspirant_equality_monitoring", await db.AspirantEqualityMonitoring.Where(e => ids.Contains(e.ApplicationKey)).ToListAsync(cancellationToken)),
            new("aspirant_reviews", reviews),
            new("aspirant_scores", await db.AspirantScores.Where(s => reviewIds.Contains(s.ReviewId)).ToListAsync(cancellationToken)),
            new("aspirant_conflicts", await db.AspirantConflicts.Where(c => ids.Contains(c.ApplicationId)).ToListAsync(cancellationToken)),
            new("aspirant_moderations", await db.AspirantModerations.Where(m => ids.Contains(m.ApplicationId)).ToListAsync(cancellationToken)),
            new("aspirant_learning_set_members", await db.AspirantLearningSetMembers.Where(m => ids.Contains(m.ApplicationId)).ToListAsync(cancellationToken)),
            new("alumni_match_rejections", await db.AlumniMatchRejections.Where(r => ids.Contains(r.ApplicationId)).ToListAsync(cancellationToken)),
        ];
    }
}
