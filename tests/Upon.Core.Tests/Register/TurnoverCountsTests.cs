using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverCountsTests
{
    /// <summary>
    /// 201: p1 from 1 April 2021 until 5 May 2022 (400 days), then p2. 202: p3 acting throughout. 203: p4 interim from
    /// 1 January to 30 June 2022 (181 days), then p5.
    /// </summary>
    internal static TurnoverCalculator Register() => Calculator(
        Permanent("201", "p1", "2021-04-01", "2022-05-05", unplanned: true),
        Permanent("201", "p2", "2022-05-06"),
        Acting("202", "p3", "2021-04-01"),
        Interim("203", "p4", "2022-01-01", "2022-06-30", unplanned: false),
        Permanent("203", "p5", "2022-07-01"));

    [Fact]
    public void CountsFor_YearWithAMedian()
    {
        // As at 31 March 2023: p4 ends at 181 days (5 at risk, survival 0.8); p5 is censored at 274 and p2 at 330; p1
        // ends at 400 days with 2 at risk: survival 0.4, the median.
        var counts = Register().CountsFor(Year("2022-23"));

        Assert.Equal(new TurnoverCounts(InterimAtYearEnd: 1, CompletedTenures: 2, AtRiskBehindMedian: 2), counts with { FirstTimePeople = null });
    }

    [Fact]
    public void CountsFor_YearWithoutAMedian_UsesTheLastStep()
    {
        // As at 31 March 2022 nothing has ended: p4 is censored at 90 days (3 at risk), p1 and p3 at 365 (2 at risk).
        var counts = Register().CountsFor(Year("2021-22"));

        Assert.Equal(new TurnoverCounts(InterimAtYearEnd: 2, CompletedTenures: 0, AtRiskBehindMedian: 2), counts with { FirstTimePeople = null });
    }

    [Fact]
    public void CountsFor_YearBeforeAnyTenure_IsZero() =>
        Assert.Equal(new TurnoverCounts(0, 0, 0, 0), Register().CountsFor(Year("2019-20")));
}
