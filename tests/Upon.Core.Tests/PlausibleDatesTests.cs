using NodaTime;

namespace Upon.Core.Tests;

public class PlausibleDatesTests
{
    private static readonly LocalDate Today = new(2026, 11, 25);

    [Theory]
    [InlineData(2000, 1, 1, true)]
    [InlineData(1999, 12, 31, false)]
    [InlineData(2027, 11, 25, true)]
    [InlineData(2027, 11, 26, false)]
    [InlineData(1, 4, 1, false)]
    [InlineData(9999, 12, 31, false)]
    [InlineData(-1, 1, 1, false)]
    public void AppointmentDates_RunFrom2000ToAYearAhead(int year, int month, int day, bool plausible)
    {
        var date = new LocalDate(year, month, day);
        Assert.Equal(plausible, PlausibleDates.IsPlausibleAppointmentDate(date, Today));
        Assert.Equal(plausible, PlausibleDates.CheckAppointmentDate(date, Today, "the start date") is null);
    }

    [Fact]
    public void SessionDates_RunFrom2000ToFiveYearsAhead()
    {
        Assert.True(PlausibleDates.IsPlausibleSessionDate(new LocalDate(2031, 11, 25), Today));
        Assert.False(PlausibleDates.IsPlausibleSessionDate(new LocalDate(2031, 11, 26), Today));
        Assert.Equal("The session date must be between 1 January 2000 and 25 November 2031.",
            PlausibleDates.CheckSessionDate(new LocalDate(9999, 1, 1), Today, "the session date"));
    }
}
