using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverTenureFiguresTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void DaysPerMonth_IsAverageGregorianMonth() => Assert.Equal(365.25 / 12, TurnoverCalculator.DaysPerMonth);

    [Fact]
    public void MeanCompletedTenure_NoneEnded_IsNull() =>
        Assert.Null(Figures("2023-24", Permanent("201", "p1", "2015-01-01")).MeanCompletedTenureMonths);

    [Fact]
    public void MeanCompletedTenure_OneEnded_IsItsLengthInMonths()
    {
        // 1 April 2023 to 31 March 2024 is 366 days (29 February 2024); 366 / 30.4375 = 12.0246.
        var figures = Figures("2023-24", Permanent("201", "p1", "2023-04-01", "2024-03-31"));
        Assert.Equal(12.02, figures.MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_EndingOnThirtyFirstMarch_CountsInYearEnding()
    {
        var calculator = Calculator(Permanent("201", "p1", "2022-04-01", "2023-03-31"));
        Assert.Equal(11.99, calculator.ForYear(Year("2022-23")).MeanCompletedTenureMonths); // 365 days
        Assert.Null(calculator.ForYear(Year("2023-24")).MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_EndingOnFirstApril_CountsInYearStarting()
    {
        var calculator = Calculator(Permanent("201", "p1", "2022-04-01", "2023-04-01"));
        Assert.Null(calculator.ForYear(Year("2022-23")).MeanCompletedTenureMonths);
        Assert.Equal(12.02, calculator.ForYear(Year("2023-24")).MeanCompletedTenureMonths); // 366 days
    }

    [Fact]
    public void MeanCompletedTenure_OverLeapDay_CountsTwentyNinthOfFebruary()
    {
        Assert.Equal(12.02, Figures("2023-24", Permanent("201", "p1", "2023-03-01", "2024-02-29")).MeanCompletedTenureMonths); // 366 days
        Assert.Equal(11.99, Figures("2022-23", Permanent("201", "p1", "2022-03-01", "2023-02-28")).MeanCompletedTenureMonths); // 365 days
    }

    [Fact]
    public void MeanCompletedTenure_AveragesLengths()
    {
        // 100 and 201 days: mean 150.5 days / 30.4375 = 4.9446 months.
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2023-04-01", "2023-07-09"),
            Permanent("202", "p2", "2023-04-01", "2023-10-18"));
        Assert.Equal(4.94, figures.MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_InterimMadePermanent_IsOneTenureFromInterimStart()
    {
        // Interim 1 Jan to 31 Mar 2023 then permanent to 31 Dec 2023: one tenure of 365 days, ending in 2023-24.
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-01-01", "2023-03-31"),
            Permanent("201", "p1", "2023-04-01", "2023-12-31"));
        Assert.Equal(11.99, figures.MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_GapOf31Days_IncludesGapInOneTenure()
    {
        // 1 Apr to 31 May, then 1 Jul to 31 Jul 2023: one tenure of 122 days = 4.01 months.
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-04-01", "2023-05-31"),
            Interim("201", "p1", "2023-07-01", "2023-07-31"));
        Assert.Equal(4.01, figures.MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_GapOf32Days_IsTwoTenures()
    {
        // 1 Apr to 31 May (61 days), then 2 Jul to 31 Jul 2023 (30 days): mean 45.5 days = 1.49 months.
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-04-01", "2023-05-31"),
            Interim("201", "p1", "2023-07-02", "2023-07-31"));
        Assert.Equal(1.49, figures.MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_TenureStartedYearsEarlier_CountsWholeLength()
    {
        // 1 April 2014 to 31 March 2024 is ten financial years: 3653 days (three leap days) = 120.02 months.
        Assert.Equal(120.02, Figures("2023-24", Permanent("201", "p1", "2014-04-01", "2024-03-31")).MeanCompletedTenureMonths);
    }

    [Fact]
    public void MeanCompletedTenure_SameDayHandover_OnlyOutgoingTenureCompleted()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2023-04-01", "2023-06-30"),
            Permanent("201", "p2", "2023-07-01"));
        Assert.Equal(2.99, figures.MeanCompletedTenureMonths); // 91 days
    }

    [Fact]
    public void MeanCompletedTenure_Midpoint_RoundsAwayFromZero()
    {
        // 103 tenures of 4 days and 25 of 3 days: 487 days over 128 tenures; 487 / 128 / 30.4375 = 0.125 exactly.
        var appointments = Enumerable.Range(0, 128)
            .Select(i => Permanent($"A{i}", $"p{i}", "2023-05-01", i < 103 ? "2023-05-04" : "2023-05-03"))
            .ToArray();
        Assert.Equal(0.13, Figures("2023-24", appointments).MeanCompletedTenureMonths);
    }

    [Fact]
    public void MedianTenure_NoTenures_IsNull() =>
        Assert.Null(Calculator().ForYear(Year("2023-24")).MedianTenureMonths);

    [Fact]
    public void MedianTenure_AllStillRunning_IsNull() =>
        Assert.Null(Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01"),
            Permanent("202", "p2", "2016-01-01")).MedianTenureMonths);

    [Fact]
    public void MedianTenure_AllEnded_IsMiddleLength()
    {
        // 100, 200 and 300 days: survival 2/3 after 100 days, 1/3 after 200; median 200 days = 6.57 months.
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2023-04-01", "2023-07-09"),
            Permanent("202", "p2", "2023-04-01", "2023-10-17"),
            Permanent("203", "p3", "2023-04-01", "2024-01-25"));
        Assert.Equal(6.57, figures.MedianTenureMonths);
    }

    [Fact]
    public void MedianTenure_TieBetweenEndedAndCensoredTenure_CensoredStillAtRisk()
    {
        // On 31 March 2024:
        //   201: 1 Apr 2023 to 30 Apr 2023 -> 30 days, ended.
        //   202: 1 Apr 2023 to 30 Mar 2024 -> 365 days, ended.
        //   203: from 2 Apr 2023, still in post -> censored at 365 days (tied with 202).
        //   204: from 1 Jan 2024, still in post -> censored at 91 days.
        //   205: 1 Apr 2022 to 1 Apr 2024, ends after the year -> censored at 731 days.
        //   206: starts 1 Apr 2024 -> not included.
        // t=30: 5 at risk, 1 ends: S = 4/5 = 0.8.  t=91: 1 censored.
        // t=365: 3 at risk (including 203), 1 ends: S = 0.8 * 2/3 = 0.5333, above one half.
        // (Counting 203 out first would give 0.8 * 1/2 = 0.4 and a median of 365 days.)
        var calculator = Calculator(
            Permanent("201", "p1", "2023-04-01", "2023-04-30"),
            Permanent("202", "p2", "2023-04-01", "2024-03-30"),
            Permanent("203", "p3", "2023-04-02"),
            Permanent("204", "p4", "2024-01-01"),
            Permanent("205", "p5", "2022-04-01", "2024-04-01"),
            Permanent("206", "p6", "2024-04-01"));

        var curve = calculator.TenureSurvival(Year("2023-24"));

        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 30, 0.8, 5, 1, 0),
            s => AssertStep(s, 91, 0.8, 4, 0, 1),
            s => AssertStep(s, 365, 0.8 * 2 / 3, 3, 1, 1),
            s => AssertStep(s, 731, 0.8 * 2 / 3, 1, 0, 1));
        Assert.Null(curve.MedianDays);
        Assert.Null(calculator.ForYear(Year("2023-24")).MedianTenureMonths);
    }

    [Fact]
    public void MedianTenure_EndingOnThirtyFirstMarch_IsAnEvent()
    {
        var curve = Calculator(Permanent("201", "p1", "2023-04-01", "2024-03-31")).TenureSurvival(Year("2023-24"));
        AssertStep(Assert.Single(curve.Steps), 366, 0.0, 1, 1, 0);
        Assert.Equal(366, curve.MedianDays);
    }

    [Fact]
    public void MedianTenure_EndingOnFirstApril_IsCensoredAtThirtyFirstMarch()
    {
        var calculator = Calculator(Permanent("201", "p1", "2023-04-01", "2024-04-01"));

        AssertStep(Assert.Single(calculator.TenureSurvival(Year("2023-24")).Steps), 366, 1.0, 1, 0, 1);
        Assert.Null(calculator.ForYear(Year("2023-24")).MedianTenureMonths);
        Assert.Equal(12.06, calculator.ForYear(Year("2024-25")).MedianTenureMonths); // 367 days
    }

    [Fact]
    public void MedianTenure_StartingOnFirstApril_IsNotIncluded() =>
        Assert.Empty(Calculator(Permanent("201", "p1", "2024-04-01", "2024-04-30")).TenureSurvival(Year("2023-24")).Steps);

    [Fact]
    public void MedianTenure_StartingOnThirtyFirstMarch_IsCensoredAtOneDay() =>
        AssertStep(
            Assert.Single(Calculator(Permanent("201", "p1", "2024-03-31")).TenureSurvival(Year("2023-24")).Steps),
            1, 1.0, 1, 0, 1);

    [Fact]
    public void MedianTenure_IncludesTenuresEndedInEarlierYears()
    {
        var curve = Calculator(
            Permanent("201", "p1", "2001-04-01", "2001-04-10"),
            Permanent("201", "p2", "2001-04-11")).TenureSurvival(Year("2023-24"));
        Assert.Equal(2, curve.Steps[0].AtRisk);
        Assert.Equal(10, curve.Steps[0].Days);
    }

    [Fact]
    public void MedianTenure_InterimMadePermanent_MergesIntoOneTenure()
    {
        // Interim 1 Apr to 30 Jun 2023 then permanent to 30 Sep 2023: one tenure of 183 days = 6.01 months.
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-04-01", "2023-06-30"),
            Permanent("201", "p1", "2023-07-01", "2023-09-30"));
        Assert.Equal(6.01, figures.MedianTenureMonths);
    }

    [Fact]
    public void MedianTenure_SharedDirector_IsOneTenurePerAuthority()
    {
        var curve = Calculator(
            Permanent("201", "p1", "2023-04-01", "2023-04-30"),
            Permanent("202", "p1", "2023-04-01", "2023-05-31")).TenureSurvival(Year("2023-24"));
        Assert.Collection(
            curve.Steps,
            s => AssertStep(s, 30, 0.5, 2, 1, 0),
            s => AssertStep(s, 61, 0.0, 1, 1, 0));
        Assert.Equal(0.99, Calculator(
            Permanent("201", "p1", "2023-04-01", "2023-04-30"),
            Permanent("202", "p1", "2023-04-01", "2023-05-31")).ForYear(Year("2023-24")).MedianTenureMonths); // 30 days
    }

    [Fact]
    public void MedianTenure_MostTenuresStillRunning_IsNullWhileMeanOfCompletedIsNot()
    {
        // Two short tenures ended and three long ones are still running: the mean of the completed tenures
        // (about 3 months) understates typical tenure, while survival never falls below 3/5, so no median yet.
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2023-04-01", "2023-06-30"),
            Permanent("202", "p2", "2023-04-01", "2023-07-31"),
            Permanent("203", "p3", "2015-04-01"),
            Permanent("204", "p4", "2016-04-01"),
            Permanent("205", "p5", "2017-04-01"));
        Assert.NotNull(figures.MeanCompletedTenureMonths);
        Assert.Null(figures.MedianTenureMonths);
    }

    private static void AssertStep(KaplanMeierStep step, int days, double survival, int atRisk, int events, int censored)
    {
        Assert.Equal(days, step.Days);
        Assert.Equal(survival, step.Survival, Tolerance);
        Assert.Equal(atRisk, step.AtRisk);
        Assert.Equal(events, step.Events);
        Assert.Equal(censored, step.Censored);
    }
}
