using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverUnplannedTests
{
    [Fact]
    public void Unplanned_EndedOnThirtyFirstMarch_CountsInYearEnding()
    {
        var calculator = Calculator(Permanent("201", "p1", "2015-01-01", "2024-03-31", unplanned: true));
        Assert.Equal(1, calculator.ForYear(Year("2023-24")).AuthoritiesWithUnplannedChange);
        Assert.Equal(0, calculator.ForYear(Year("2024-25")).AuthoritiesWithUnplannedChange);
    }

    [Fact]
    public void Unplanned_EndedOnFirstApril_CountsInYearStarting()
    {
        var calculator = Calculator(Permanent("201", "p1", "2015-01-01", "2024-04-01", unplanned: true));
        Assert.Equal(0, calculator.ForYear(Year("2023-24")).AuthoritiesWithUnplannedChange);
        Assert.Equal(1, calculator.ForYear(Year("2024-25")).AuthoritiesWithUnplannedChange);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Unplanned_NotMarkedUnplanned_DoesNotCount(bool? unplanned) =>
        Assert.Equal(0, Figures("2023-24", Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned)).AuthoritiesWithUnplannedChange);

    [Fact]
    public void Unplanned_StillInPost_DoesNotCount() =>
        Assert.Equal(0, Figures("2023-24", Permanent("201", "p1", "2015-01-01", unplanned: true)).AuthoritiesWithUnplannedChange);

    [Fact]
    public void Unplanned_TwoInOneAuthority_CountsAuthorityOnce() =>
        Assert.Equal(1, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned: true),
            Interim("201", "p2", "2023-07-01", "2023-09-30", unplanned: true),
            Permanent("201", "p3", "2023-10-01")).AuthoritiesWithUnplannedChange);

    [Fact]
    public void Unplanned_InterimEnding_Counts() =>
        Assert.Equal(1, Figures(
            "2023-24",
            Interim("201", "p1", "2023-04-01", "2023-06-30", unplanned: true)).AuthoritiesWithUnplannedChange);

    [Fact]
    public void Unplanned_SharedDirectorLeavingBoth_CountsEachAuthority() =>
        Assert.Equal(2, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned: true),
            Permanent("202", "p1", "2018-01-01", "2023-06-30", unplanned: true)).AuthoritiesWithUnplannedChange);

    [Fact]
    public void UnplannedChangeRate_IsShareOfLocalAuthorities()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned: true),
            Permanent("202", "p2", "2015-01-01", "2023-06-30", unplanned: false),
            Permanent("203", "p3", "2015-01-01"),
            Permanent("204", "p4", "2015-01-01"));
        Assert.Equal(4, figures.LocalAuthorities);
        Assert.Equal(0.25, figures.UnplannedChangeRate);
    }

    [Fact]
    public void UnplannedChangeRate_OneThird_RoundsToFourPlaces() =>
        Assert.Equal(0.3333, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned: true),
            Permanent("202", "p2", "2015-01-01"),
            Permanent("203", "p3", "2015-01-01")).UnplannedChangeRate);

    [Fact]
    public void UnplannedChangeRate_TwoThirds_RoundsToFourPlaces() =>
        Assert.Equal(0.6667, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned: true),
            Permanent("202", "p2", "2015-01-01", "2023-06-30", unplanned: true),
            Permanent("203", "p3", "2015-01-01")).UnplannedChangeRate);

    [Fact]
    public void UnplannedChangeRate_Midpoint_RoundsAwayFromZero()
    {
        // 1 / 32 = 0.03125 exactly: away from zero gives 0.0313 (to-even would give 0.0312).
        var appointments = Enumerable.Range(0, 32)
            .Select(i => Permanent($"A{i}", $"p{i}", "2015-01-01", i == 0 ? "2023-06-30" : null, unplanned: i == 0 ? true : null))
            .ToArray();
        Assert.Equal(0.0313, Figures("2023-24", appointments).UnplannedChangeRate);
    }

    [Fact]
    public void UnplannedChangeRate_NoLocalAuthorities_IsZero()
    {
        var calculator = new Core.Register.TurnoverCalculator(
            [], [Permanent("201", "p1", "2015-01-01", "2023-06-30", unplanned: true)]);
        var figures = calculator.ForYear(Year("2023-24"));
        Assert.Equal(0, figures.LocalAuthorities);
        Assert.Equal(1, figures.AuthoritiesWithUnplannedChange);
        Assert.Equal(0, figures.UnplannedChangeRate);
    }
}
