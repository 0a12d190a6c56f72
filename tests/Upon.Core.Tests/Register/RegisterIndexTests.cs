using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class RegisterIndexTests
{
    private static readonly LocalDate DayZero = new(1, 1, 1);

    [Theory]
    [InlineData("0001-01-01", 0)]
    [InlineData("0001-03-01", 59)]
    [InlineData("2024-02-29", 738944)]
    [InlineData("2024-03-01", 738945)]
    public void DayNumber_KnownDates(string date, int expected) =>
        Assert.Equal(expected, RegisterIndex.DayNumber(Date(date)));

    [Fact]
    public void DayNumber_MatchesNodaTimeOverFourCenturiesAndTheExtremes()
    {
        for (var date = new LocalDate(1899, 1, 1); date <= new LocalDate(2301, 1, 1); date = date.PlusDays(1))
        {
            Assert.Equal(Period.DaysBetween(DayZero, date), RegisterIndex.DayNumber(date));
        }
        Assert.Equal(Period.DaysBetween(DayZero, LocalDate.MaxIsoValue), RegisterIndex.DayNumber(LocalDate.MaxIsoValue));
        Assert.Equal(Period.DaysBetween(DayZero, new LocalDate(-400, 2, 29)), RegisterIndex.DayNumber(new LocalDate(-400, 2, 29)));
        Assert.Equal(Period.DaysBetween(DayZero, LocalDate.MinIsoValue), RegisterIndex.DayNumber(LocalDate.MinIsoValue));
    }
}
