using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Aspirants;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>One submitted review with its raw and calibrated totals.</summary>
public sealed record ScoredReview(int ReviewId, int ApplicationKey, int ReviewerId, decimal RawTotal, double Calibrated);

/// <summary>A cohort's scores: the calibration, each submitted review's totals and each submitted application's scores (by key).</summary>
public sealed record CohortScoreSheet(
    decimal Range, CalibrationResult Calibration, IReadOnlyList<ScoredReview> Reviews, IReadOnlyDictionary<int, ApplicationScore> Applications)
{
    public ApplicationScore? For(int applicationKey) => Applications.GetValueOrDefault(applicationKey);
}

/// <summary>
/// Scores a cohort from its submitted reviews (see <see cref="ApplicationScoring"/>): every submitted review counts, a
/// moderator's score replaces the calibrated mean of an application with a submitted review (and is ignored otherwise). Reads no names and no equality answers.
/// </summary>
public sealed class CohortScoring(UponDbContext db)
{
    public async Task<CohortScoreSheet> ScoreAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().Include(c => c.Criteria).SingleAsync(c => c.Id == cohortId, cancellationToken);
        var weights = cohort.Criteria.ToDictionary(c => c.Id, c => c.Weight);
        var range = ReviewTotals.Range(cohort.ScaleMin, cohort.ScaleMax, weights.Values);
        var applicationKeys = await db.AspirantApplications.Where(a => a.CohortId == cohortId && a.Status == ApplicationStatus.Submitted)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        var scores = await db.AspirantScores
            .Where(s => s.Review!.Status == ReviewStatus.Submitted && s.Review.Application!.CohortId == cohortId && s.Review.Application.Status == ApplicationStatus.Submitted)
            .Select(s => new { s.ReviewId, s.Review!.ApplicationId, s.Review.ReviewerId, s.CriterionId, s.Score })
            .ToListAsync(cancellationToken);
        var reviews = scores.GroupBy(s => (s.ReviewId, s.ApplicationId, s.ReviewerId))
            .OrderBy(g => g.Key.ReviewId)
            .Select(g => (g.Key, Total: ReviewTotals.Of(g.Select(s => new WeightedScore(weights.GetValueOrDefault(s.CriterionId), s.Score)))))
            .ToList();
        var moderated = (await db.AspirantModerations
                .Where(m => m.Application!.CohortId == cohortId && m.Kind == ModerationKind.ModeratorScore && m.Score != null)
                .Select(m => new { m.Id, m.ApplicationId, m.Score }).ToListAsync(cancellationToken))
            .GroupBy(m => m.ApplicationId)
            .ToDictionary(g => Key(g.Key), g => (double)g.OrderBy(m => m.Id).Last().Score!.Value, StringComparer.Ordinal);
        var submitted = reviews.Select(r => new SubmittedReview(Key(r.Key.ReviewerId), Key(r.Key.ApplicationId), r.Total)).ToList();
        var (calibration, applicationScores) = ApplicationScoring.Score(applicationKeys.Select(Key), submitted, range, moderated);
        var scored = reviews.Select((r, i) => new ScoredReview(r.Key.ReviewId, r.Key.ApplicationId, r.Key.ReviewerId, r.Total, calibration.Reviews[i].Calibrated)).ToList();
        return new CohortScoreSheet(range, calibration, scored, applicationScores.ToDictionary(s => int.Parse(s.Application, CultureInfo.InvariantCulture)));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
