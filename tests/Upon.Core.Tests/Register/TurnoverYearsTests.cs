using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverYearsTests
{
    [Fact]
    public void Years_NoAppointments_IsEmpty() =>
        Assert.Empty(new TurnoverCalculator([Authority("201")], []).Years(Date("2024-06-01")));

    [Fact]
    public void Years_RunFromYearOfEarliestStartToYearOfToday()
    {
        var calculator = Calculator(
            Permanent("201", "p2", "2022-06-01"),
            Permanent("202", "p1", "2021-03-31"));

        Assert.Equal(
            ["2020-21", "2021-22", "2022-23", "2023-24"],
            calculator.Years(Date("2024-03-31")).Select(y => y.FinancialYear));
    }

    [Fact]
    public void Years_TodayFirstOfApril_IncludesNewYear() =>
        Assert.Equal(
            ["2023-24", "2024-25"],
            Calculator(Permanent("201", "p1", "2023-04-01")).Years(Date("2024-04-01")).Select(y => y.FinancialYear));

    [Fact]
    public void Years_EarliestStartOnFirstApril_StartsThatYear() =>
        Assert.Equal(
            "2023-24",
            Calculator(Permanent("201", "p1", "2023-04-01")).Years(Date("2024-01-01"))[0].FinancialYear);

    [Fact]
    public void Years_TodayInFirstYear_IsOneYear() =>
        Assert.Single(Calculator(Permanent("201", "p1", "2023-04-01")).Years(Date("2023-04-01")));

    [Fact]
    public void Years_TodayBeforeEarliestStart_IsEmpty() =>
        Assert.Empty(Calculator(Permanent("201", "p1", "2023-04-01")).Years(Date("2023-03-31")));

    [Fact]
    public void Years_EachYear_EqualsForYear()
    {
        var calculator = RandomRegister.Calculator(seed: 11, out _, out _);

        var years = calculator.Years(Date("2025-06-01"));

        Assert.NotEmpty(years);
        foreach (var figures in years)
        {
            // ForYear knows no today: only the series marks its last year, the one containing today, as to date.
            Assert.Equal(calculator.ForYear(Year(figures.FinancialYear)), figures with { ToDate = false });
            Assert.Equal(figures.FinancialYear == "2025-26", figures.ToDate);
        }
    }

    [Fact]
    public void ForYear_LabelsTheYear() =>
        Assert.Equal("1999-00", Calculator(Permanent("201", "p1", "1999-06-01")).ForYear(new FinancialYear(1999)).FinancialYear);

    [Fact]
    public void ForYear_BeforeAnyData_IsAllZero()
    {
        var figures = Calculator(Permanent("201", "p1", "2015-01-01")).ForYear(Year("2000-01"));

        Assert.Equal(new TurnoverFigures("2000-01", 1, 0, 0, 0, 0, 0, 0, null, null, null), figures);
    }

    [Fact]
    public void ForYear_SameDayHandover_AllFigures()
    {
        var figures = Figures(
            "2023-24",
            Permanent("201", "p1", "2020-04-01", "2023-06-30", unplanned: true),
            Interim("201", "p2", "2023-07-01"));

        Assert.Equal(
            new TurnoverFigures(
                FinancialYear: "2023-24",
                LocalAuthorities: 1,
                Changes: 1,
                AuthoritiesWithChange: 1,
                AuthoritiesWithUnplannedChange: 1,
                UnplannedChangeRate: 1,
                FirstTimeDirectors: 1,
                InterimShareAtYearEnd: 1,
                MeanCompletedTenureMonths: 38.97, // 1 Apr 2020 to 30 Jun 2023: 1186 days = 38.9651 months
                MedianTenureMonths: 38.97,        // p2 censored at 275 days, then p1 ends at 1186: S = 0
                ConsecutiveYearsRising: 1),
            figures);
    }

    [Fact]
    public void Years_AppointmentOrder_DoesNotMatter()
    {
        var calculator = RandomRegister.Calculator(seed: 21, out var authorities, out var appointments);
        var shuffled = (AppointmentFact[])appointments.Clone();
        new Random(3).Shuffle(shuffled);

        Assert.Equal(
            calculator.Years(Date("2025-06-01")),
            new TurnoverCalculator(authorities, shuffled).Years(Date("2025-06-01")));
    }

    [Fact]
    public void Constructor_NullAuthorities_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new TurnoverCalculator(null!, []));

    [Fact]
    public void Constructor_NullAppointments_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new TurnoverCalculator([], null!));
}
