using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Aspirants;

/// <summary>
/// What Aspirant Directors holds about a person: their applications (answers, endorsement, reviews of them, learning set)
/// and, kept apart, their equality monitoring answers; and, if they review, their reviewer record.
/// </summary>
public sealed class AspirantsPersonalData(UponDbContext db, IEnumerable<IApplicationDerivedRows> derived) : IPersonalDataProvider
{
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
    /// Applications not taken up, and reviewers who no longer review. An application not selected or left on the waiting
    /// list without an offer, submitted before the data map's period (one <see cref="NextYearCycle"/> earlier when the
    /// applicant asked to be considered next year); one withdrawn, submitted (or, never submitted, started) before it; a
    /// draft never submitted, started before it, whose cohort has closed; and one whose offer of a place was declined or
    /// lapsed before it. Each is erased by the policy with everything about it, and with what other features derived
    /// from the applicant's applications (<see cref="IApplicationDerivedRows"/>: the BALI graduate record a self-declared
    /// graduate's application made) unless another application of theirs is still kept. Each applicant's rows are erased
    /// under a pseudonym of their own, so that figures matching them across tables by address still match. An application
    /// of someone who took up their place (a participant) is a programme record, erased with its participant.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        var due = new List<RetentionDue>();
        if (context.KeptSince("aspirant_applications") is { } since && await ApplicationsDueAsync(context.Today, since, cancellationToken) is { } applications)
        {
            due.Add(applications);
        }
        if (context.KeptSince("aspirant_reviewers") is { } reviewersSince && await ReviewersDueAsync(context, reviewersSince, cancellationToken) is { } reviewers)
        {
            due.Add(reviewers);
        }
        return due;
    }

    private async Task<RetentionDue?> ApplicationsDueAsync(LocalDate today, LocalDate since, CancellationToken cancellationToken)
    {
        var laterSince = since - NextYearCycle;
        var cutoff = since.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var laterCutoff = laterSince.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var todayStart = today.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var applications = await db.AspirantApplications
            .Where(a => !a.Email.EndsWith(ErasedAddresses.End) && a.ParticipantId == null && (
                (a.SubmittedAt != null && (a.Outcome == SelectionOutcome.NotSelected || (a.Outcome == SelectionOutcome.Waiting && a.Offer == null))
                    && (a.ConsiderNextYear == true ? a.SubmittedAt < laterCutoff : a.SubmittedAt < cutoff))
                || (a.Outcome == SelectionOutcome.Withdrawn && a.Offer != OfferStatus.Declined && a.Offer != OfferStatus.Expired
                    && (a.SubmittedAt != null ? a.SubmittedAt < cutoff : a.CreatedAt < cutoff))
                || (a.Status == ApplicationStatus.Draft && a.Outcome == null && a.CreatedAt < cutoff && (a.Cohort!.ClosesAt == null || a.Cohort.ClosesAt < todayStart))
                || (a.Offer == OfferStatus.Declined && a.OfferRespondedAt < cutoff)
                || (a.Offer == OfferStatus.Expired && a.OfferDeadline < cutoff)))
            .ToListAsync(cancellationToken);
        if (applications.Count == 0)
        {
            return null;
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
        var kinds = applications.GroupBy(NotTakenUp).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var counts = people.SelectMany(p => p).GroupBy(r => r.Table, StringComparer.Ordinal).Select(g => $"{g.Sum(r => r.Rows.Count)} rows of {g.Key}");
        return new RetentionDue("Applications not taken up",
            $"{applications.Count} applications ({string.Join(", ", kinds)}) of {people.Count} applicants, submitted (a draft, started; an offer, declined or lapsed) before {before} (before {laterBefore} when the applicant asked to be considered next year): {string.Join(", ", counts)}",
            People: people);
    }

    private static string NotTakenUp(AspirantApplication a) => a switch
    {
        { Offer: OfferStatus.Declined or OfferStatus.Expired } => "offer declined or lapsed",
        { Outcome: SelectionOutcome.Withdrawn } => "withdrawn",
        { Status: ApplicationStatus.Draft } => "draft never submitted",
        { Outcome: SelectionOutcome.Waiting } => "left on the waiting list",
        _ => "not selected",
    };

    /// <summary>
    /// Reviewers with no programme activity for the data map's period: their joining, the cohorts they were given, the
    /// applications assigned to them, their reviews, recusals and conflicts declared (<see cref="ReviewingActivity"/>),
    /// and what other features record under their address. The reviewer record is erased by the policy (their reviews
    /// stay for the selection record), each under a pseudonym of their own. A reviewer who is also a participant is left
    /// to the participants' rule, which erases them whole.
    /// </summary>
    private async Task<RetentionDue?> ReviewersDueAsync(RetentionContext context, LocalDate since, CancellationToken cancellationToken)
    {
        var reviewers = await db.AspirantReviewers.AsNoTracking().Where(r => !r.Email.EndsWith(ErasedAddresses.End))
            .Select(r => new { r.Id, r.Email, r.PersonKey, r.CreatedAt }).ToListAsync(cancellationToken);
        if (reviewers.Count == 0)
        {
            return null;
        }
        var dueIds = reviewers.Where(r => !context.Live.Includes(r.Email, r.PersonKey) && context.Activity.QuietBefore(r.Email, r.CreatedAt.InZone(Upon.Core.Time.London).Date, since))
            .Select(r => r.Id).ToList();
        if (dueIds.Count == 0)
        {
            return null;
        }
        var people = (await db.AspirantReviewers.Where(r => dueIds.Contains(r.Id)).ToListAsync(cancellationToken))
            .GroupBy(r => r.Email.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<PersonalRows>)[new PersonalRows("aspirant_reviewers", [.. g])])
            .ToList();
        return new RetentionDue("Reviewers who no longer review",
            $"{people.Count} reviewers whose last programme activity was before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}: {dueIds.Count} rows of aspirant_reviewers",
            People: people);
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
