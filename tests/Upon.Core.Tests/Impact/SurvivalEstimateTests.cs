using Upon.Core.Impact;

namespace Upon.Core.Tests.Impact;

public class SurvivalEstimateTests
{
    private static SurvivalObservation Ended(int days) => new(days, true);

    private static SurvivalObservation Censored(int days) => new(days, false);

    /// <summary>
    /// Freireich et al. (1963), the 6-MP arm of the leukaemia remission trial, weeks (Kleinbaum and Klein, Survival
    /// Analysis, table 2.1; R's <c>survfit(conf.type = "log-log")</c>): 21 patients, 9 relapses.
    /// </summary>
    public static SurvivalObservation[] SixMp { get; } =
    [
        Ended(6), Ended(6), Ended(6), Ended(7), Ended(10), Ended(13), Ended(16), Ended(22), Ended(23),
        Censored(6), Censored(9), Censored(10), Censored(11), Censored(17), Censored(19), Censored(20), Censored(25),
        Censored(32), Censored(32), Censored(34), Censored(35),
    ];

    [Fact]
    public void PublishedExample_SixMp_MatchesTheTextbookCurveAndBands()
    {
        var curve = new SurvivalEstimate(SixMp);

        Assert.Equal(21, curve.N);
        Assert.Equal(9, curve.Events);
        // The published survival: 0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448.
        double[] published = [0.857, 0.807, 0.753, 0.690, 0.627, 0.538, 0.448];
        int[] times = [6, 7, 10, 13, 16, 22, 23];
        for (var i = 0; i < times.Length; i++)
        {
            Assert.Equal(published[i], curve.SurvivalAt(times[i])!.Value, 0.0006);
        }
        // Greenwood on the log-log scale at week 6: 0.620 to 0.952 (R, lifelines).
        var band = curve.BandAt(6)!.Value;
        Assert.Equal(0.6197179552659838, band.Lower, 1e-12);
        Assert.Equal(0.951551747646997, band.Upper, 1e-12);
        Assert.Equal(23, curve.MedianDays);
        Assert.Equal(23 / 30.4375, curve.MedianMonths!.Value, 1e-12);
    }

    [Fact]
    public void HandCalculation_ProductLimitWithATie_EventsBeforeCensorings()
    {
        // 10, 20 (event and censoring tied), 30, 40+: at 20 the censored one is still at risk, so 4 are.
        // S(10) = 4/5; S(20) = 4/5 * 3/4 = 3/5; S(30) = 3/5 * 1/2 = 3/10 (had the censoring come first: 4/5 * 2/3).
        var curve = new SurvivalEstimate([Ended(10), Ended(20), Censored(20), Ended(30), Censored(40), ]);

        Assert.Equal(1.0, curve.SurvivalAt(9));
        Assert.Equal(0.8, curve.SurvivalAt(10)!.Value, 1e-12);
        Assert.Equal(0.6, curve.SurvivalAt(25)!.Value, 1e-12);
        Assert.Equal(0.3, curve.SurvivalAt(40)!.Value, 1e-12);
        Assert.Equal(4, curve.Steps[1].AtRisk);
        // Median: the first time survival is at most 1/2 is 30.
        Assert.Equal(30, curve.MedianDays);
        // Greenwood at 20: 1/(5*4) + 1/(4*3).
        var v = 1.0 / 20 + 1.0 / 12;
        var s = 0.6;
        var spread = SurvivalEstimate.Z95 * Math.Sqrt(v) / Math.Abs(Math.Log(s));
        Assert.Equal(Math.Pow(s, Math.Exp(spread)), curve.Steps[1].Lower, 1e-12);
        Assert.Equal(Math.Pow(s, Math.Exp(-spread)), curve.Steps[1].Upper, 1e-12);
    }

    [Fact]
    public void SurvivalAt_BeyondTheLongestObservation_IsNull()
    {
        var curve = new SurvivalEstimate([Ended(100), Censored(300)]);

        Assert.Equal(0.5, curve.SurvivalAt(300));
        Assert.Null(curve.SurvivalAt(300.5));
        Assert.Null(curve.SurvivalAtMonths(12)); // 365.25 days
    }

    [Fact]
    public void SurvivalAtMonths_TwelveMonthsIs365Point25Days_ATenureOf365DaysEndedBefore()
    {
        // 365 days (a year counting both ends) ends before 365.25; 366 days lasts beyond.
        var curve = new SurvivalEstimate([Ended(365), Ended(366), Censored(800), Censored(800)]);

        Assert.Equal(0.75, curve.SurvivalAtMonths(12));
        Assert.Equal(0.5, curve.SurvivalAtMonths(24));
        Assert.Null(curve.SurvivalAtMonths(36));
    }

    [Fact]
    public void Median_NotReached_IsNull()
    {
        var curve = new SurvivalEstimate([Ended(100), Censored(200), Censored(300)]);
        Assert.Null(curve.MedianMonths);
    }

    [Fact]
    public void Empty_HasNoFigures()
    {
        var curve = new SurvivalEstimate([]);
        Assert.Equal(0, curve.N);
        Assert.Null(curve.MedianMonths);
        Assert.Null(curve.SurvivalAtMonths(12));
        Assert.Equal(0, curve.AtRiskAt(0));
    }

    [Fact]
    public void AtRiskAt_CountsThoseObservedAtLeastThatLong()
    {
        var curve = new SurvivalEstimate([Ended(90), Censored(120), Ended(120), Ended(400)]);
        Assert.Equal(4, curve.AtRiskAt(0));
        Assert.Equal(4, curve.AtRiskAt(90));
        Assert.Equal(3, curve.AtRiskAt(91));
        Assert.Equal(3, curve.AtRiskAt(120));
        Assert.Equal(1, curve.AtRiskAt(365.25));
        Assert.Equal(0, curve.AtRiskAt(401));
    }

    [Fact]
    public void Bands_WhereEveryoneEnded_AreZero()
    {
        var curve = new SurvivalEstimate([Ended(5), Ended(5)]);
        Assert.Equal((0.0, 0.0), curve.BandAt(5));
    }
}
