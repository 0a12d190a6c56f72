namespace Upon.Core.Aspirants;

/// <summary>One submitted review: who wrote it, of which application, and its raw total.</summary>
/// <param name="Reviewer">The reviewer's key.</param>
/// <param name="Application">The application's key.</param>
/// <param name="RawTotal">The review's total, the weighted sum of its scores.</param>
public sealed record SubmittedReview(string Reviewer, string Application, decimal RawTotal);

/// <summary>A review with its calibrated total.</summary>
/// <param name="Review">The review.</param>
/// <param name="Calibrated">Its calibrated total (its raw total when its reviewer was not calibrated).</param>
public sealed record CalibratedReview(SubmittedReview Review, double Calibrated);

/// <summary>One reviewer's figures in a calibration.</summary>
/// <param name="Reviewer">The reviewer's key.</param>
/// <param name="Reviews">How many submitted reviews they wrote in the cohort.</param>
/// <param name="Mean">The mean of their raw totals.</param>
/// <param name="StandardDeviation">The population standard deviation of their raw totals.</param>
/// <param name="Calibrated">True when they had enough reviews to be calibrated.</param>
public sealed record ReviewerCalibration(string Reviewer, int Reviews, double Mean, double StandardDeviation, bool Calibrated);

/// <summary>The outcome of calibrating a cohort's reviews.</summary>
/// <param name="Mean">The mean of the raw totals of all the cohort's submitted reviews.</param>
/// <param name="StandardDeviation">Their population standard deviation.</param>
/// <param name="Reviewers">Each reviewer's figures, by key.</param>
/// <param name="Reviews">Every review with its calibrated total, in the order given.</param>
public sealed record CalibrationResult(
    double Mean, double StandardDeviation, IReadOnlyDictionary<string, ReviewerCalibration> Reviewers, IReadOnlyList<CalibratedReview> Reviews);

/// <summary>
/// Calibration of strict and lenient reviewers. For each reviewer with at least <see cref="MinimumReviews"/> submitted
/// reviews in the cohort, each total is standardised, z = (total - their mean) / their standard deviation (z = 0 when
/// that is 0), and mapped back onto the scale of all the cohort's reviews: calibrated = cohort mean + z x cohort
/// standard deviation. A reviewer with fewer reviews keeps their raw totals. Both standard deviations are population
/// ones; the cohort's mean and standard deviation are over the raw totals of all its submitted reviews; calibrated
/// totals are not clamped to the scale.
/// </summary>
public static class Calibration
{
    /// <summary>The fewest submitted reviews a reviewer needs in a cohort to be calibrated.</summary>
    public const int MinimumReviews = 5;

    /// <summary>Calibrates every review of one cohort.</summary>
    public static CalibrationResult Calibrate(IReadOnlyList<SubmittedReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var (mean, sd) = MeanAndPopulationSd(reviews.Select(r => (double)r.RawTotal).ToList());
        var reviewers = reviews
            .GroupBy(r => r.Reviewer, StringComparer.Ordinal)
            .Select(g =>
            {
                var (m, s) = MeanAndPopulationSd(g.Select(r => (double)r.RawTotal).ToList());
                return new ReviewerCalibration(g.Key, g.Count(), m, s, g.Count() >= MinimumReviews);
            })
            .ToDictionary(r => r.Reviewer, StringComparer.Ordinal);
        var calibrated = reviews.Select(r =>
        {
            var reviewer = reviewers[r.Reviewer];
            if (!reviewer.Calibrated)
            {
                return new CalibratedReview(r, (double)r.RawTotal);
            }
            var z = reviewer.StandardDeviation == 0 ? 0 : ((double)r.RawTotal - reviewer.Mean) / reviewer.StandardDeviation;
            return new CalibratedReview(r, mean + z * sd);
        }).ToList();
        return new CalibrationResult(mean, sd, reviewers, calibrated);
    }

    /// <summary>The mean and population standard deviation of <paramref name="values"/>; both 0 for none.</summary>
    public static (double Mean, double StandardDeviation) MeanAndPopulationSd(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return (0, 0);
        }
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        return (mean, Math.Sqrt(variance));
    }
}
