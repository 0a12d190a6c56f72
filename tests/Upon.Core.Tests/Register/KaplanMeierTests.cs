using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

public class KaplanMeierTests
{
    private const double Tolerance = 1e-12;

    private static (int, bool) Ended(int days) => (days, true);

    private static (int, bool) Censored(int days) => (days, false);

    private static void AssertStep(KaplanMeierStep step, int days, double survival, int atRisk, int events, int censored)
    {
        Assert.Equal(days, step.Days);
        Assert.Equal(survival, step.Survival, Tolerance);
        Assert.Equal(atRisk, step.AtRisk);
        Assert.Equal(events, step.Events);
        Assert.Equal(censored, step.Censored);
    }

    [Fact]
    public void Estimate_NoObservations_HasNoStepsAndNoMedian()
    {
        var curve = KaplanMeier.Estimate([]);
        Assert.Empty(curve.Steps);
        Assert.Null(curve.MedianDays);
    }

    [Fact]
    public void Estimate_AllEnded_IsEmpiricalSurvival()
    {
        var curve = KaplanMeier.Estimate([Ended(1), Ended(2), Ended(3), Ended(4)]);

        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 1, 0.75, 4, 1, 0),
            s => AssertStep(s, 2, 0.50, 3, 1, 0),
            s => AssertStep(s, 3, 0.25, 2, 1, 0),
            s => AssertStep(s, 4, 0.00, 1, 1, 0));
        Assert.Equal(2, curve.MedianDays);
    }

    [Fact]
    public void Estimate_TieBetweenEventAndCensoring_CountsEventFirst()
    {
        // Five observations: ended at 1, ended at 2, censored at 2, censored at 3, ended at 4.
        // t=1: 5 at risk, 1 ends: S = 4/5 = 0.8.
        // t=2: 4 at risk (the one censored at 2 is still at risk), 1 ends: S = 0.8 * 3/4 = 0.6.
        //      (Had the censoring come first, 3 would be at risk and S = 0.8 * 2/3 = 0.5333.)
        // t=3: 2 at risk, 1 censored, no events: S stays 0.6.
        // t=4: 1 at risk, 1 ends: S = 0. Median = 4, the first time S <= 0.5.
        var curve = KaplanMeier.Estimate([Ended(4), Censored(3), Censored(2), Ended(2), Ended(1)]);

        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 1, 0.8, 5, 1, 0),
            s => AssertStep(s, 2, 0.6, 4, 1, 1),
            s => AssertStep(s, 3, 0.6, 2, 0, 1),
            s => AssertStep(s, 4, 0.0, 1, 1, 0));
        Assert.Equal(4, curve.MedianDays);
    }

    [Fact]
    public void Estimate_SurvivalNeverReachesHalf_MedianIsNull()
    {
        // t=1: 4 at risk, 1 ends: S = 3/4; the rest are censored.
        var curve = KaplanMeier.Estimate([Ended(1), Censored(2), Censored(3), Censored(4)]);

        Assert.Null(curve.MedianDays);
        Assert.Equal(0.75, curve.Steps[^1].Survival, Tolerance);
    }

    [Fact]
    public void Estimate_AllCensored_SurvivalStaysOneAndMedianIsNull()
    {
        var curve = KaplanMeier.Estimate([Censored(5), Censored(5), Censored(9)]);

        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 5, 1.0, 3, 0, 2),
            s => AssertStep(s, 9, 1.0, 1, 0, 1));
        Assert.Null(curve.MedianDays);
    }

    [Fact]
    public void Estimate_SurvivalExactlyHalf_IsTheMedian()
    {
        // t=5: 4 at risk, 2 end (1 censored at the same time): S = 2/4 = 0.5, so the median is 5.
        // t=10: 1 at risk, 1 ends: S = 0.
        var curve = KaplanMeier.Estimate([Ended(5), Ended(5), Censored(5), Ended(10)]);

        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 5, 0.5, 4, 2, 1),
            s => AssertStep(s, 10, 0.0, 1, 1, 0));
        Assert.Equal(5, curve.MedianDays);
    }

    [Fact]
    public void Estimate_HalfReachedAfterCensoring_ProductOfFractionsFindsMedian()
    {
        // t=1: 9 at risk, 3 end: S = 6/9 = 2/3. t=2: 2 censored. t=3: 4 at risk, 1 ends: S = 2/3 * 3/4 = 1/2.
        var curve = KaplanMeier.Estimate(
        [
            Ended(1), Ended(1), Ended(1), Censored(2), Censored(2), Ended(3), Censored(4), Censored(4), Censored(4),
        ]);

        Assert.Equal(0.5, curve.Steps[2].Survival, Tolerance);
        Assert.Equal(3, curve.MedianDays);
    }

    [Fact]
    public void Estimate_SurvivalJustAboveHalf_IsNotTheMedian()
    {
        // t=1: 7 at risk, 3 end: S = 4/7 = 0.571; t=2: 4 at risk, 1 ends: S = 4/7 * 3/4 = 3/7 = 0.429.
        var curve = KaplanMeier.Estimate([Ended(1), Ended(1), Ended(1), Ended(2), Censored(3), Censored(3), Censored(3)]);

        Assert.Equal(4.0 / 7, curve.Steps[0].Survival, Tolerance);
        Assert.Equal(3.0 / 7, curve.Steps[1].Survival, Tolerance);
        Assert.Equal(2, curve.MedianDays);
    }

    [Fact]
    public void Estimate_CensoringBeforeEvents_ReducesAtRisk()
    {
        // t=1: 1 censored. t=2: 3 at risk, 1 ends: S = 2/3. t=3: 2 at risk, 1 ends: S = 1/3 -> median 3.
        var curve = KaplanMeier.Estimate([Censored(1), Ended(2), Ended(3), Ended(4)]);

        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 1, 1.0, 4, 0, 1),
            s => AssertStep(s, 2, 2.0 / 3, 3, 1, 0),
            s => AssertStep(s, 3, 1.0 / 3, 2, 1, 0),
            s => AssertStep(s, 4, 0.0, 1, 1, 0));
        Assert.Equal(3, curve.MedianDays);
    }

    [Fact]
    public void Estimate_SingleEvent_MedianIsItsTime()
    {
        var curve = KaplanMeier.Estimate([Ended(42)]);

        AssertStep(Assert.Single(curve.Steps), 42, 0.0, 1, 1, 0);
        Assert.Equal(42, curve.MedianDays);
    }

    [Fact]
    public void Estimate_ZeroDays_IsAllowed() =>
        Assert.Equal(0, KaplanMeier.Estimate([Ended(0), Ended(3)]).MedianDays);

    [Fact]
    public void Estimate_InputOrder_DoesNotMatter()
    {
        (int, bool)[] observations = [Ended(7), Censored(3), Ended(3), Ended(10), Censored(8), Ended(1)];
        var forwards = KaplanMeier.Estimate(observations);
        var backwards = KaplanMeier.Estimate(observations.Reverse());

        Assert.Equal(forwards.Steps, backwards.Steps);
        Assert.Equal(forwards.MedianDays, backwards.MedianDays);
    }

    [Fact]
    public void Estimate_StepsAscendAndAccountForEveryObservation()
    {
        var random = new Random(7);
        var observations = Enumerable.Range(0, 500).Select(_ => (random.Next(0, 60), random.Next(3) > 0)).ToList();

        var curve = KaplanMeier.Estimate(observations);

        Assert.Equal(observations.Select(o => o.Item1).Distinct().Order(), curve.Steps.Select(s => s.Days));
        Assert.Equal(observations.Count(o => o.Item2), curve.Steps.Sum(s => s.Events));
        Assert.Equal(observations.Count(o => !o.Item2), curve.Steps.Sum(s => s.Censored));
        Assert.Equal(500, curve.Steps[0].AtRisk);
        for (var i = 1; i < curve.Steps.Count; i++)
        {
            var before = curve.Steps[i - 1];
            Assert.Equal(before.AtRisk - before.Events - before.Censored, curve.Steps[i].AtRisk);
            Assert.True(curve.Steps[i].Survival <= before.Survival);
        }
    }

    [Fact]
    public void Estimate_NegativeDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.Estimate([Ended(-1)]));
}
