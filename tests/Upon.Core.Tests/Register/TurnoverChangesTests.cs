using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverChangesTests
{
    [Fact]
    public void Changes_FirstRecordedAppointment_IsNotAChange()
    {
        var figures = Figures("2023-24", Permanent("201", "p1", "2023-06-01"));
        Assert.Equal(0, figures.Changes);
        Assert.Equal(0, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_NewPersonAfterPrevious_IsAChange()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Permanent("201", "p2", "2023-06-01"));
        Assert.Equal(1, figures.Changes);
        Assert.Equal(1, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_InterimMadePermanent_IsNotAChange()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Interim("201", "p2", "2023-06-01", "2023-09-30"),
            Permanent("201", "p2", "2023-10-01"));
        Assert.Equal(1, figures.Changes);
    }

    [Fact]
    public void Changes_InterimAppointments_Count()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Interim("201", "p2", "2023-06-01", "2023-09-30"),
            Acting("201", "p3", "2023-10-01", "2023-11-30"),
            Permanent("201", "p4", "2023-12-01"));
        Assert.Equal(3, figures.Changes);
        Assert.Equal(1, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_StartingOnThirtyFirstMarch_CountsInYearEnding()
    {
        var calculator = Calculator(
            Permanent("201", "p1", "2015-01-01", "2024-03-30"),
            Permanent("201", "p2", "2024-03-31"));
        Assert.Equal(1, calculator.ForYear(Year("2023-24")).Changes);
        Assert.Equal(0, calculator.ForYear(Year("2024-25")).Changes);
    }

    [Fact]
    public void Changes_StartingOnFirstApril_CountsInYearStarting()
    {
        var calculator = Calculator(
            Permanent("201", "p1", "2015-01-01", "2024-03-31"),
            Permanent("201", "p2", "2024-04-01"));
        Assert.Equal(0, calculator.ForYear(Year("2023-24")).Changes);
        Assert.Equal(1, calculator.ForYear(Year("2024-25")).Changes);
    }

    [Fact]
    public void AuthoritiesWithChange_OnThirtyFirstMarchAndFirstApril_FallInDifferentYears()
    {
        var calculator = Calculator(
            Permanent("201", "p1", "2015-01-01", "2024-03-30"),
            Permanent("201", "p2", "2024-03-31"),
            Permanent("202", "p3", "2015-01-01", "2024-03-31"),
            Permanent("202", "p4", "2024-04-01"));
        Assert.Equal(1, calculator.ForYear(Year("2023-24")).AuthoritiesWithChange);
        Assert.Equal(1, calculator.ForYear(Year("2024-25")).AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_SameDayHandover_IsOneChange()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-06-30"),
            Permanent("201", "p2", "2023-07-01"));
        Assert.Equal(1, figures.Changes);
    }

    [Fact]
    public void Changes_PreviousInEarlierYear_StillMakesAChange()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2001-01-01", "2010-12-31"),
            Permanent("201", "p2", "2023-06-01"));
        Assert.Equal(1, figures.Changes);
    }

    [Fact]
    public void Changes_ReturningDirector_IsAChangeEachTime()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Interim("201", "p2", "2023-06-01", "2023-08-31"),
            Permanent("201", "p1", "2023-09-01"));
        Assert.Equal(2, figures.Changes);
        Assert.Equal(1, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_PreviousIsLatestStartingBefore_NotLatestEnding()
    {
        // p1 is still in post (open, so ending latest) when p2 acts and is then made permanent. The permanent
        // appointment's previous is p2's acting one (latest start), so only the acting appointment is a change.
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01"),
            Acting("201", "p2", "2023-05-01", "2023-05-31"),
            Permanent("201", "p2", "2023-06-01"));
        Assert.Equal(1, figures.Changes);
    }

    [Fact]
    public void Changes_AppointmentsGivenOutOfOrder_AreOrderedByStart()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p2", "2023-10-01"),
            Interim("201", "p2", "2023-06-01", "2023-09-30"),
            Permanent("201", "p1", "2015-01-01", "2023-05-31"));
        Assert.Equal(1, figures.Changes);
    }

    [Fact]
    public void Changes_TwoStartingSameDay_BothCompareWithEarlierAppointment()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Interim("201", "p2", "2023-06-01", "2023-06-15"),
            Interim("201", "p3", "2023-06-01", "2023-06-30"));
        Assert.Equal(2, figures.Changes);
    }

    [Fact]
    public void Changes_SamePersonAgainOnSameDayAsSomeoneElse_OnlyTheOtherIsAChange()
    {
        var figures = Figures(
            "2023-24",
            Interim("201", "p1", "2023-04-10", "2023-05-31"),
            Permanent("201", "p1", "2023-06-01"),
            Acting("201", "p2", "2023-06-01", "2023-06-30"));
        Assert.Equal(1, figures.Changes);
    }

    [Fact]
    public void Changes_FirstAppointmentInAuthority_IsNotAChangeEvenIfPersonWasElsewhere()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Permanent("202", "p1", "2023-06-01"));
        Assert.Equal(0, figures.Changes);
    }

    [Fact]
    public void Changes_SharedDirectorJoiningTwoAuthorities_IsAChangeInEach()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-08-31"),
            Permanent("202", "p2", "2016-01-01", "2023-08-31"),
            Permanent("201", "p3", "2023-09-01"),
            Permanent("202", "p3", "2023-09-01"));
        Assert.Equal(2, figures.Changes);
        Assert.Equal(2, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_SharedDirectorTakingOverNeighbour_IsAChangeOnlyInNeighbour()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01"),
            Permanent("202", "p2", "2016-01-01", "2023-08-31"),
            Permanent("202", "p1", "2023-09-01"));
        Assert.Equal(1, figures.Changes);
        Assert.Equal(1, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void AuthoritiesWithChange_SeveralChangesInOneAuthority_CountsOnce()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Interim("201", "p2", "2023-06-01", "2023-07-31"),
            Permanent("201", "p3", "2023-08-01"),
            Permanent("202", "p4", "2015-01-01", "2023-05-31"),
            Permanent("202", "p5", "2023-06-01"),
            Permanent("203", "p6", "2015-01-01"));
        Assert.Equal(3, figures.Changes);
        Assert.Equal(2, figures.AuthoritiesWithChange);
    }

    [Fact]
    public void Changes_InOtherYears_AreNotCounted()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2019-05-31"),
            Permanent("201", "p2", "2019-06-01", "2025-05-31"),
            Permanent("201", "p3", "2025-06-01"));
        Assert.Equal(0, figures.Changes);
        Assert.Equal(0, figures.AuthoritiesWithChange);
    }
}
