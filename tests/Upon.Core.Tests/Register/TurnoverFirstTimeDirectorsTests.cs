using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverFirstTimeDirectorsTests
{
    [Fact]
    public void FirstTimeDirectors_FirstAppointmentInYear_Counts() =>
        Assert.Equal(1, Figures("2023-24", Permanent("201", "p1", "2023-06-01")).FirstTimeDirectors);

    [Fact]
    public void FirstTimeDirectors_EarlierAppointmentElsewhere_DoesNotCount() =>
        Assert.Equal(0, Figures(
            "2023-24",
            Permanent("201", "p1", "2015-01-01", "2023-05-31"),
            Permanent("202", "p1", "2023-06-01")).FirstTimeDirectors);

    [Fact]
    public void FirstTimeDirectors_InterimMadePermanent_CountsOnlyTheInterim()
    {
        var calculator = Calculator(
            Interim("201", "p1", "2023-01-01", "2023-06-30"),
            Permanent("201", "p1", "2023-07-01"));
        Assert.Equal(1, calculator.ForYear(Year("2022-23")).FirstTimeDirectors);
        Assert.Equal(0, calculator.ForYear(Year("2023-24")).FirstTimeDirectors);
    }

    [Fact]
    public void FirstTimeDirectors_TwoSharedPostsOnSameFirstDay_CountsTwice() =>
        Assert.Equal(2, Figures(
            "2023-24",
            Permanent("201", "p1", "2023-06-01"),
            Permanent("202", "p1", "2023-06-01")).FirstTimeDirectors);

    [Fact]
    public void FirstTimeDirectors_SecondSharedPostLater_CountsOnce() =>
        Assert.Equal(1, Figures(
            "2023-24",
            Permanent("201", "p1", "2023-06-01"),
            Permanent("202", "p1", "2023-09-01")).FirstTimeDirectors);

    [Fact]
    public void FirstTimeDirectors_StartingOnThirtyFirstMarch_CountsInYearEnding()
    {
        var calculator = Calculator(Permanent("201", "p1", "2024-03-31"));
        Assert.Equal(1, calculator.ForYear(Year("2023-24")).FirstTimeDirectors);
        Assert.Equal(0, calculator.ForYear(Year("2024-25")).FirstTimeDirectors);
    }

    [Fact]
    public void FirstTimeDirectors_StartingOnFirstApril_CountsInYearStarting()
    {
        var calculator = Calculator(Permanent("201", "p1", "2024-04-01"));
        Assert.Equal(0, calculator.ForYear(Year("2023-24")).FirstTimeDirectors);
        Assert.Equal(1, calculator.ForYear(Year("2024-25")).FirstTimeDirectors);
    }

    [Fact]
    public void FirstTimeDirectors_ReturningAfterYearsAway_DoesNotCount() =>
        Assert.Equal(0, Figures(
            "2023-24",
            Permanent("201", "p1", "2001-01-01", "2005-12-31"),
            Permanent("301", "p1", "2023-06-01")).FirstTimeDirectors);

    [Fact]
    public void FirstTimeDirectors_EarlierAppointmentGivenLater_StillFound() =>
        Assert.Equal(0, Figures(
            "2023-24",
            Permanent("202", "p1", "2023-06-01"),
            Permanent("201", "p1", "2015-01-01", "2023-05-31")).FirstTimeDirectors);

    [Fact]
    public void FirstTimeDirectors_IncludesFirstAppointmentsThatAreNotChanges()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2023-04-01"),
            Permanent("201", "p2", "2023-09-01"),
            Permanent("202", "p3", "2023-10-01"));
        Assert.Equal(3, figures.FirstTimeDirectors);
        Assert.Equal(1, figures.Changes);
    }
}
