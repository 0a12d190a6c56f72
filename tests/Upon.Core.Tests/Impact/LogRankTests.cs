using Upon.Core.Impact;

namespace Upon.Core.Tests.Impact;

public class LogRankTests
{
    private static SurvivalObservation Ended(int days) => new(days, true);

    private static SurvivalObservation Censored(int days) => new(days, false);

    [Fact]
    public void HandCalculation_SmallGroups()
    {
        // A: 2, 3+, 4.  B: 1, 3, 5+.
        // t=1: nA 3 of 6, d 1, dA 0: E 0.5,  V 1·½·½·5/5 = 0.25
        // t=2: nA 3 of 5, d 1, dA 1: E 0.6,  V 0.6·0.4·4/4 = 0.24
        // t=3: nA 2 of 4 (the censored 3 still at risk), d 1, dA 0: E 0.5, V 0.25
        // t=4: nA 1 of 2, d 1, dA 1: E 0.5, V 0.25
        // O 2, E 2.1, V 0.99: chi-square 0.01 / 0.99.
        var result = LogRank.Compare([Ended(2), Censored(3), Ended(4)], [Ended(1), Ended(3), Censored(5)]);

        Assert.Equal(2, result.Observed);
        Assert.Equal(2.1, result.Expected, 1e-12);
        Assert.Equal(0.99, result.Variance, 1e-12);
        Assert.Equal(0.01 / 0.99, result.ChiSquare!.Value, 1e-12);
        Assert.Equal(0.9199443808170075, result.PValue!.Value, 1e-12);
    }

    private static readonly int[] PlaceboWeeks = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];

    [Fact]
    public void PublishedExample_Freireich_SixMpAgainstPlacebo()
    {
        // Placebo arm of the same trial: 21 relapses. R's survdiff: Chisq = 16.8 on 1 df, p = 4.17e-05;
        // 6-MP observed 9, expected 19.25.
        SurvivalObservation[] placebo = [.. PlaceboWeeks.Select(Ended)];

        var result = LogRank.Compare(SurvivalEstimateTests.SixMp, placebo);

        Assert.Equal(9, result.Observed);
        Assert.Equal(19.25, result.Expected, 0.01);
        Assert.Equal(16.79294098921654, result.ChiSquare!.Value, 1e-9);
        Assert.Equal(4.1688091093345274e-05, result.PValue!.Value, 1e-12);
    }

    [Fact]
    public void Symmetric_SwappingTheGroupsGivesTheSameStatistic()
    {
        SurvivalObservation[] a = [Ended(100), Ended(200), Censored(250), Ended(400)];
        SurvivalObservation[] b = [Ended(150), Censored(200), Ended(200), Ended(300), Censored(500)];
        Assert.Equal(LogRank.Compare(a, b).ChiSquare!.Value, LogRank.Compare(b, a).ChiSquare!.Value, 1e-12);
    }

    [Fact]
    public void EmptyGroup_VarianceZero_IsNull()
    {
        var result = LogRank.Compare([Ended(100), Censored(200)], []);
        Assert.Null(result.ChiSquare);
        Assert.Null(result.PValue);
    }

    [Fact]
    public void NoEvents_IsNull()
    {
        var result = LogRank.Compare([Censored(100)], [Censored(200)]);
        Assert.Null(result.ChiSquare);
    }

    [Fact]
    public void OnlyEventWhenOneIsAtRisk_VarianceZero_IsNull()
    {
        // The one event happens when only its own group is at risk: n 1, so V adds nothing.
        var result = LogRank.Compare([Ended(300)], [Censored(100)]);
        Assert.Null(result.ChiSquare);
    }
}
