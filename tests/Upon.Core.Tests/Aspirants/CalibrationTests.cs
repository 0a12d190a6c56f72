using Upon.Core.Aspirants;

namespace Upon.Core.Tests.Aspirants;

public class CalibrationTests
{
    private static SubmittedReview R(string reviewer, string application, decimal total) => new(reviewer, application, total);

    // Worked example: reviewer A wrote five reviews (10, 12, 14, 16, 18: mean 14, population SD √8), reviewer B two
    // (20 and 8). The cohort's seven totals have mean 14 and population SD 4 (squared deviations sum to 112; 112 / 7 = 16).
    private static readonly SubmittedReview[] Example =
    [
        R("A", "a1", 10), R("A", "a2", 12), R("A", "a3", 14), R("A", "a4", 16), R("A", "a5", 18),
        R("B", "a1", 20), R("B", "a2", 8),
    ];

    [Fact]
    public void Calibrate_WorkedExample_CohortMeanAndPopulationSd()
    {
        var result = Calibration.Calibrate(Example);
        Assert.Equal(14, result.Mean, 12);
        Assert.Equal(4, result.StandardDeviation, 12);
        Assert.Equal(Math.Sqrt(8), result.Reviewers["A"].StandardDeviation, 12);
        Assert.True(result.Reviewers["A"].Calibrated);
        Assert.False(result.Reviewers["B"].Calibrated);
    }

    [Fact]
    public void Calibrate_FiveReviews_MapsZOntoTheCohortScale()
    {
        var result = Calibration.Calibrate(Example);
        // 10: z = (10 - 14) / √8 = -√2, calibrated = 14 - √2 × 4.
        Assert.Equal(14 - Math.Sqrt(2) * 4, result.Reviews[0].Calibrated, 12);
        Assert.Equal(14 - Math.Sqrt(0.5) * 4, result.Reviews[1].Calibrated, 12);
        Assert.Equal(14, result.Reviews[2].Calibrated, 12);
        Assert.Equal(14 + Math.Sqrt(2) * 4, result.Reviews[4].Calibrated, 12);
    }

    [Fact]
    public void Calibrate_FewerThanFiveReviews_KeepsRawTotals()
    {
        var result = Calibration.Calibrate(Example);
        Assert.Equal(20, result.Reviews[5].Calibrated);
        Assert.Equal(8, result.Reviews[6].Calibrated);
    }

    [Fact]
    public void Calibrate_FourReviews_IsBelowTheThreshold()
    {
        var result = Calibration.Calibrate([R("A", "a1", 10), R("A", "a2", 12), R("A", "a3", 14), R("A", "a4", 16), R("B", "a1", 3)]);
        Assert.False(result.Reviewers["A"].Calibrated);
        Assert.Equal([10.0, 12, 14, 16, 3], result.Reviews.Select(r => r.Calibrated));
    }

    [Fact]
    public void Calibrate_ReviewerWithZeroSd_GetsTheCohortMean()
    {
        var reviews = Enumerable.Range(1, 5).Select(i => R("A", $"a{i}", 15)).Append(R("B", "a1", 5)).ToList();
        var result = Calibration.Calibrate(reviews);
        var cohortMean = (15 * 5 + 5) / 6.0;
        Assert.All(result.Reviews.Take(5), r => Assert.Equal(cohortMean, r.Calibrated, 12));
    }

    [Fact]
    public void Calibrate_IsNotClampedToTheScale()
    {
        // One criterion on 1 to 5: A's 5 is two of A's SDs above A's mean, beyond the cohort's top.
        var reviews = new[] { R("A", "a1", 1), R("A", "a2", 1), R("A", "a3", 1), R("A", "a4", 1), R("A", "a5", 5), R("B", "a1", 5), R("B", "a2", 5) };
        var result = Calibration.Calibrate(reviews);
        var (mean, sd) = Calibration.MeanAndPopulationSd([1, 1, 1, 1, 5, 5, 5]);
        Assert.Equal(mean + 2 * sd, result.Reviews[4].Calibrated, 12);
        Assert.True(result.Reviews[4].Calibrated > 5);
    }

    [Fact]
    public void Score_IsTheMeanOfCalibratedTotals_AndUnreviewedHaveNone()
    {
        var (_, scores) = ApplicationScoring.Score(["a1", "a2", "a3", "a4", "a5", "a9"], Example, range: 16);
        var a1 = scores.Single(s => s.Application == "a1");
        Assert.Equal(15, a1.RawScore!.Value, 12);
        Assert.Equal(((14 - Math.Sqrt(2) * 4) + 20) / 2, a1.Score!.Value, 12);
        var a9 = scores.Single(s => s.Application == "a9");
        Assert.Null(a9.RawScore);
        Assert.Null(a9.Score);
        Assert.Null(a9.Rank);
    }

    [Fact]
    public void Score_ModeratorScoreReplacesTheCalibratedMean()
    {
        var (_, scores) = ApplicationScoring.Score(["a1", "a2"], Example, range: 16, new Dictionary<string, double> { ["a2"] = 30 });
        Assert.Equal(30, scores.Single(s => s.Application == "a2").Score);
        Assert.Equal(1, scores.Single(s => s.Application == "a2").Rank);
    }

    [Fact]
    public void Score_AModeratorScoreOfAnUnreviewedApplication_IsIgnored()
    {
        var (_, scores) = ApplicationScoring.Score(["a1", "a9"], Example, range: 16, new Dictionary<string, double> { ["a9"] = 30 });
        var a9 = scores.Single(s => s.Application == "a9");
        Assert.Null(a9.RawScore);
        Assert.Null(a9.Score);
        Assert.Null(a9.Rank);
    }
}
