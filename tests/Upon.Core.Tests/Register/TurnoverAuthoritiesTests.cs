using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverAuthoritiesTests
{
    private static TurnoverFigures FiguresFor(string year, AuthorityFact[] authorities, params AppointmentFact[] appointments) =>
        new TurnoverCalculator(authorities, appointments).ForYear(Year(year));

    [Fact]
    public void LocalAuthorities_AlwaysInOperation_Counted() =>
        Assert.Equal(2, FiguresFor("2023-24", [Authority("201"), Authority("202")]).LocalAuthorities);

    [Fact]
    public void LocalAuthorities_WithoutAppointments_StillCounted() =>
        Assert.Equal(2, FiguresFor("2023-24", [Authority("201"), Authority("202")], Permanent("201", "p1", "2015-01-01")).LocalAuthorities);

    [Fact]
    public void LocalAuthorities_AbolishedOnThirtyFirstMarch_CountedThatYearOnly()
    {
        var calculator = new TurnoverCalculator([Authority("201", to: "2024-03-31")], [Permanent("201", "p1", "2015-01-01")]);
        Assert.Equal(1, calculator.ForYear(Year("2023-24")).LocalAuthorities);
        Assert.Equal(0, calculator.ForYear(Year("2024-25")).LocalAuthorities);
    }

    [Fact]
    public void LocalAuthorities_AbolishedBeforeYearEnd_NotInOperation_Excluded() =>
        Assert.Equal(1, FiguresFor("2023-24", [Authority("201", to: "2024-03-30"), Authority("202")]).LocalAuthorities);

    [Fact]
    public void LocalAuthorities_CreatedOnThirtyFirstMarch_Counted() =>
        Assert.Equal(1, FiguresFor("2023-24", [Authority("201", from: "2024-03-31")]).LocalAuthorities);

    [Fact]
    public void LocalAuthorities_CreatedOnFirstApril_CountedFromThatYear()
    {
        var calculator = new TurnoverCalculator([Authority("201", from: "2024-04-01")], [Permanent("201", "p1", "2015-01-01")]);
        Assert.Equal(0, calculator.ForYear(Year("2023-24")).LocalAuthorities);
        Assert.Equal(1, calculator.ForYear(Year("2024-25")).LocalAuthorities);
    }

    [Fact]
    public void InterimShare_InterimInPostOnLastDay_Counts() =>
        Assert.Equal(1.0, Figures("2023-24", Interim("201", "p1", "2023-06-01")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_ActingInPostOnLastDay_Counts() =>
        Assert.Equal(1.0, Figures("2023-24", Acting("201", "p1", "2023-06-01")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_PermanentInPost_DoesNotCount() =>
        Assert.Equal(0.0, Figures("2023-24", Permanent("201", "p1", "2023-06-01")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_VacancyAtYearEnd_IsNotInterimButIsInDenominator()
    {
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-06-01"),
            Permanent("202", "p2", "2015-01-01", "2024-02-29"));
        Assert.Equal(2, figures.LocalAuthorities);
        Assert.Equal(0.5, figures.InterimShareAtYearEnd);
    }

    [Fact]
    public void InterimShare_InterimEndingOnThirtyFirstMarch_CountsThatYearOnly()
    {
        var calculator = Calculator(Interim("201", "p1", "2023-06-01", "2024-03-31"));
        Assert.Equal(1.0, calculator.ForYear(Year("2023-24")).InterimShareAtYearEnd);
        Assert.Equal(0.0, calculator.ForYear(Year("2024-25")).InterimShareAtYearEnd);
    }

    [Fact]
    public void InterimShare_InterimEndingOnThirtiethMarch_LeavesVacancy() =>
        Assert.Equal(0.0, Figures("2023-24", Interim("201", "p1", "2023-06-01", "2024-03-30")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_InterimStartingOnFirstApril_CountsFromThatYear()
    {
        var calculator = Calculator(
            Permanent("201", "p1", "2015-01-01", "2024-03-31"),
            Interim("201", "p2", "2024-04-01"));
        Assert.Equal(0.0, calculator.ForYear(Year("2023-24")).InterimShareAtYearEnd);
        Assert.Equal(1.0, calculator.ForYear(Year("2024-25")).InterimShareAtYearEnd);
    }

    [Fact]
    public void InterimShare_InterimStartingOnThirtyFirstMarch_Counts() =>
        Assert.Equal(1.0, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2024-03-30"),
            Interim("201", "p2", "2024-03-31")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_PermanentTakingOverOnThirtyFirstMarch_DoesNotCount() =>
        Assert.Equal(0.0, Figures(
            "2023-24",
            Interim("201", "p1", "2023-06-01", "2024-03-30"),
            Permanent("201", "p2", "2024-03-31")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_InterimMadePermanentBeforeYearEnd_DoesNotCount() =>
        Assert.Equal(0.0, Figures(
            "2023-24",
            Interim("201", "p1", "2023-06-01", "2023-09-30"),
            Permanent("201", "p1", "2023-10-01")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_ActingCoverWhilePermanentStillInPost_UsesMostRecentlyStarted() =>
        Assert.Equal(1.0, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01"),
            Acting("201", "p2", "2024-01-01", "2024-06-30")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_EarlierOpenInterimBehindClosedAppointments_IsFound() =>
        Assert.Equal(1.0, Figures(
            "2023-24",
            Interim("201", "p1", "2015-01-01"),
            Permanent("201", "p2", "2016-01-01", "2016-12-31"),
            Permanent("201", "p3", "2018-01-01", "2018-12-31")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_SharedInterimDirector_CountsInEachAuthority()
    {
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-06-01"),
            Interim("202", "p1", "2023-06-01"),
            Permanent("203", "p2", "2015-01-01"));
        Assert.Equal(0.6667, figures.InterimShareAtYearEnd);
    }

    [Fact]
    public void InterimShare_AuthorityNotInOperation_ExcludedFromBothCounts()
    {
        var figures = FiguresFor(
            "2023-24",
            [Authority("201", to: "2024-03-30"), Authority("202")],
            Interim("201", "p1", "2023-06-01"),
            Permanent("202", "p2", "2015-01-01"));
        Assert.Equal(1, figures.LocalAuthorities);
        Assert.Equal(0.0, figures.InterimShareAtYearEnd);
    }

    [Fact]
    public void InterimShare_OneThird_RoundsToFourPlaces() =>
        Assert.Equal(0.3333, Figures(
            "2023-24",
            Interim("201", "p1", "2023-06-01"),
            Permanent("202", "p2", "2015-01-01"),
            Permanent("203", "p3", "2015-01-01")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_NoLocalAuthorities_IsZero() =>
        Assert.Equal(0.0, FiguresFor("2023-24", [], Interim("201", "p1", "2023-06-01")).InterimShareAtYearEnd);

    [Fact]
    public void InterimShare_SameDayHandoverFromInterim_UsesIncomingHolderAfterHandover()
    {
        var calculator = Calculator(
            Interim("201", "p1", "2023-01-01", "2023-03-31"),
            Permanent("201", "p2", "2023-04-01"));
        Assert.Equal(1.0, calculator.ForYear(Year("2022-23")).InterimShareAtYearEnd);
        Assert.Equal(0.0, calculator.ForYear(Year("2023-24")).InterimShareAtYearEnd);
    }
}
