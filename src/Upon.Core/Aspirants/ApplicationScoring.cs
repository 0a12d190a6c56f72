namespace Upon.Core.Aspirants;

/// <summary>One application's scores.</summary>
/// <param name="Application">The application's key.</param>
/// <param name="RawScore">The mean of its reviews' raw totals; null when it has no submitted review.</param>
/// <param name="Score">The mean of its reviews' calibrated totals (or a moderator's score); null when it has no submitted review.</param>
/// <param name="Rank">Its rank among the scored applications (1 best, ties share); null when unscored.</param>
/// <param name="Tied">True when another scored application has the same score.</param>
/// <param name="Flagged">True when its reviews disagree (see <see cref="Disagreement"/>).</param>
/// <param name="Reviews">How many submitted reviews it has.</param>
public sealed record ApplicationScore(string Application, double? RawScore, double? Score, int? Rank, bool Tied, bool Flagged, int Reviews);

/// <summary>
/// Scores a cohort's applications: calibrates every submitted review (<see cref="Calibration"/>), takes each
/// application's score as the mean of its reviews' calibrated totals, ranks the scored ones (<see cref="Ranking"/>) and
/// flags disagreement (<see cref="Disagreement"/>).
/// </summary>
public static class ApplicationScoring
{
    /// <summary>
    /// Scores <paramref name="applications"/> (every application's key, reviewed or not) from the cohort's submitted
    /// <paramref name="reviews"/>; <paramref name="range"/> is the range of a total; <paramref name="moderatorScores"/>
    /// (optional) replaces the score of an application a moderator scored that has a submitted review (an unreviewed
    /// application stays unscored and unranked whatever a moderator gave it).
    /// </summary>
    public static (CalibrationResult Calibration, IReadOnlyList<ApplicationScore> Scores) Score(
        IEnumerable<string> applications, IReadOnlyList<SubmittedReview> reviews, decimal range,
        IReadOnlyDictionary<string, double>? moderatorScores = null)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var calibration = Calibration.Calibrate(reviews);
        var byApplication = calibration.Reviews.ToLookup(r => r.Review.Application, StringComparer.Ordinal);
        var unranked = applications.Distinct(StringComparer.Ordinal).Select(key =>
        {
            var own = byApplication[key].ToList();
            double? moderated = own.Count > 0 && moderatorScores is not null && moderatorScores.TryGetValue(key, out var m) ? m : null;
            return (
                Key: key,
                Raw: own.Count == 0 ? (double?)null : own.Average(r => (double)r.Review.RawTotal),
                Score: moderated ?? (own.Count == 0 ? null : own.Average(r => r.Calibrated)),
                Flagged: Disagreement.IsFlagged(own.Select(r => r.Review.RawTotal).ToList(), range),
                Count: own.Count);
        }).ToList();
        var ranks = Ranking.Rank(unranked.Where(u => u.Score is not null).Select(u => (u.Key, u.Score!.Value)))
            .ToDictionary(r => r.Key, StringComparer.Ordinal);
        var scores = unranked.Select(u => ranks.TryGetValue(u.Key, out var r)
                ? new ApplicationScore(u.Key, u.Raw, u.Score, r.Rank, r.Tied, u.Flagged, u.Count)
                : new ApplicationScore(u.Key, u.Raw, u.Score, null, false, u.Flagged, u.Count))
            .ToList();
        return (calibration, scores);
    }
}
