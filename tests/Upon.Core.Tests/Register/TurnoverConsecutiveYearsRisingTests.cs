using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TurnoverConsecutiveYearsRisingTests
{
    /// <summary>
    /// One authority whose first director starts on 1 April <paramref name="firstStartYear"/> (not a change),
    /// then, for each year in turn, <c>changesPerYear[i]</c> new people one day after another.
    /// </summary>
    private static TurnoverCalculator WithChanges(int firstStartYear, params int[] changesPerYear)
    {
        var appointments = new List<AppointmentFact>
        {
            new("201", "p0", AppointmentType.Permanent, new LocalDate(firstStartYear, 4, 1)),
        };
        for (var i = 0; i < changesPerYear.Length; i++)
        {
            var year = new FinancialYear(firstStartYear + i);
            for (var c = 0; c < changesPerYear[i]; c++)
            {
                appointments.Add(new("201", $"y{i}c{c}", AppointmentType.Interim, year.FirstDay.PlusDays(c + 1)));
            }
        }
        return new TurnoverCalculator([Authority("201")], appointments);
    }

    [Fact]
    public void ConsecutiveYearsRising_PublishedSequence_CountsRunsOfRises()
    {
        var calculator = WithChanges(2018, 57, 39, 47, 50, 62, 51);

        var years = calculator.Years(Date("2024-03-31"));

        Assert.Equal([57, 39, 47, 50, 62, 51], years.Select(y => y.Changes));
        Assert.Equal([null, 0, 1, 2, 3, 0], years.Select(y => y.ConsecutiveYearsRising));
    }

    [Fact]
    public void ConsecutiveYearsRising_ForYear_MatchesSeries()
    {
        var calculator = WithChanges(2018, 57, 39, 47, 50, 62, 51);

        int?[] expected = [null, 0, 1, 2, 3, 0];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], calculator.ForYear(new FinancialYear(2018 + i)).ConsecutiveYearsRising);
        }
    }

    [Fact]
    public void ConsecutiveYearsRising_FirstYearOfData_IsNull() =>
        Assert.Null(WithChanges(2018, 5, 6).ForYear(Year("2018-19")).ConsecutiveYearsRising);

    [Fact]
    public void ConsecutiveYearsRising_YearBeforeData_IsNull() =>
        Assert.Null(WithChanges(2018, 5, 6).ForYear(Year("2015-16")).ConsecutiveYearsRising);

    [Fact]
    public void ConsecutiveYearsRising_Unchanged_IsZero() =>
        Assert.Equal(0, WithChanges(2018, 5, 5).ForYear(Year("2019-20")).ConsecutiveYearsRising);

    [Fact]
    public void ConsecutiveYearsRising_Fell_IsZero() =>
        Assert.Equal(0, WithChanges(2018, 5, 4).ForYear(Year("2019-20")).ConsecutiveYearsRising);

    [Fact]
    public void ConsecutiveYearsRising_RiseFromZeroFirstYear_IsOne() =>
        Assert.Equal(1, WithChanges(2018, 0, 1).ForYear(Year("2019-20")).ConsecutiveYearsRising);

    [Fact]
    public void ConsecutiveYearsRising_YearsWithoutAppointments_CountAsZeroChanges()
    {
        var calculator = WithChanges(2018, 3, 0, 0, 2);

        Assert.Equal([null, 0, 0, 1], calculator.Years(Date("2022-01-01")).Select(y => y.ConsecutiveYearsRising));
    }

    [Fact]
    public void ConsecutiveYearsRising_YearsAfterLastData_FallToZero()
    {
        var calculator = WithChanges(2018, 1, 2);

        Assert.Equal(0, calculator.ForYear(Year("2020-21")).ConsecutiveYearsRising);
        Assert.Equal(0, calculator.ForYear(Year("2030-31")).ConsecutiveYearsRising);
    }

    [Fact]
    public void ConsecutiveYearsRising_FirstYearStartsOnThirtyFirstMarch_IsYearEndingThen()
    {
        // The earliest start is 31 March 2019, so the first year of data is 2018-19.
        var calculator = Calculator(
            Permanent("201", "p1", "2019-03-31", "2019-06-30"),
            Permanent("201", "p2", "2019-07-01"));

        Assert.Null(calculator.ForYear(Year("2018-19")).ConsecutiveYearsRising);
        Assert.Equal(1, calculator.ForYear(Year("2019-20")).ConsecutiveYearsRising);
    }

    [Fact]
    public void ConsecutiveYearsRising_NoAppointments_IsNull() =>
        Assert.Null(Calculator().ForYear(Year("2023-24")).ConsecutiveYearsRising);
}
