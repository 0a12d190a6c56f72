using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class SessionTimesTests
{
    private static LocalDateTime At(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute);

    [Fact]
    public void ToInstant_Summer_IsOneHourAheadOfUtc() =>
        Assert.Equal(Instant.FromUtc(2025, 7, 10, 13, 0), SessionTimes.ToInstant(At(2025, 7, 10, 14)));

    [Fact]
    public void ToInstant_Winter_IsUtc() =>
        Assert.Equal(Instant.FromUtc(2025, 1, 16, 14, 0), SessionTimes.ToInstant(At(2025, 1, 16, 14)));

    [Fact]
    public void ToZoned_IsInLondon()
    {
        var zoned = SessionTimes.ToZoned(At(2025, 7, 10, 14));
        Assert.Equal(Time.London, zoned.Zone);
        Assert.Equal(Offset.FromHours(1), zoned.Offset);
    }

    [Theory]
    [InlineData(2025, 3, 30, 1, 0)]
    [InlineData(2025, 3, 30, 1, 30)]
    [InlineData(2025, 3, 30, 1, 59)]
    [InlineData(2026, 3, 29, 1, 15)]
    public void ToZoned_SpringForwardGap_Throws(int year, int month, int day, int hour, int minute)
    {
        var error = Assert.Throws<SessionTimeException>(() => SessionTimes.ToZoned(At(year, month, day, hour, minute)));
        Assert.Contains("does not exist in London", error.Message, StringComparison.Ordinal);
        Assert.Contains("clocks go forward", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToZoned_SpringForwardGap_MessageNamesTheChange()
    {
        var error = Assert.Throws<SessionTimeException>(() => SessionTimes.ToZoned(At(2025, 3, 30, 1, 30)));
        Assert.Equal(
            "30 March 2025 at 01:30 does not exist in London: the clocks go forward from 30 March 2025 at 01:00 to 30 March 2025 at 02:00. Choose another time.",
            error.Message);
    }

    [Theory]
    [InlineData(2025, 10, 26, 1, 0)]
    [InlineData(2025, 10, 26, 1, 30)]
    [InlineData(2025, 10, 26, 1, 59)]
    public void ToZoned_AutumnOverlap_Throws(int year, int month, int day, int hour, int minute)
    {
        var error = Assert.Throws<SessionTimeException>(() => SessionTimes.ToZoned(At(year, month, day, hour, minute)));
        Assert.Contains("happens twice in London", error.Message, StringComparison.Ordinal);
        Assert.Contains("clocks go back", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 3, 30, 0, 59)]
    [InlineData(2025, 3, 30, 2, 0)]
    [InlineData(2025, 10, 26, 0, 59)]
    [InlineData(2025, 10, 26, 2, 0)]
    public void ToZoned_EitherSideOfAClockChange_IsFine(int year, int month, int day, int hour, int minute) =>
        SessionTimes.ToZoned(At(year, month, day, hour, minute));

    [Fact]
    public void ToInstant_WeekOfClockChange_DaytimeSessionsMoveWithTheClocks()
    {
        // Friday before and Monday after the clocks go forward on 30 March 2025.
        Assert.Equal(Instant.FromUtc(2025, 3, 28, 10, 0), SessionTimes.ToInstant(At(2025, 3, 28, 10)));
        Assert.Equal(Instant.FromUtc(2025, 3, 31, 9, 0), SessionTimes.ToInstant(At(2025, 3, 31, 10)));
    }

    [Fact]
    public void ValidateSpan_Ordinary_IsFine() => SessionTimes.ValidateSpan(At(2025, 7, 10, 14), At(2025, 7, 10, 16));

    [Fact]
    public void ValidateSpan_EndBeforeStart_Throws()
    {
        var error = Assert.Throws<SessionTimeException>(() => SessionTimes.ValidateSpan(At(2025, 7, 10, 16), At(2025, 7, 10, 14)));
        Assert.Contains("must be after the start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSpan_EndEqualsStart_Throws() =>
        Assert.Throws<SessionTimeException>(() => SessionTimes.ValidateSpan(At(2025, 7, 10, 14), At(2025, 7, 10, 14)));

    [Fact]
    public void ValidateSpan_FourteenLondonDays_IsFine() => SessionTimes.ValidateSpan(At(2025, 7, 1, 9), At(2025, 7, 14, 23, 59));

    [Fact]
    public void ValidateSpan_OnTheFifteenthDay_Throws()
    {
        var error = Assert.Throws<SessionTimeException>(() => SessionTimes.ValidateSpan(At(2025, 7, 1, 9), At(2025, 7, 15, 0, 1)));
        Assert.Contains("at most 14 days", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSpan_AcrossTheAutumnChange_CountsLondonDaysAsTheFormDoes()
    {
        // Midnight on 20 October to 23:30 on 2 November is fourteen London days but, with the hour the clocks go back,
        // fourteen days and half an hour of real time: the form takes it, so the calendar feed must too; the fifteenth
        // day is refused by both.
        SessionTimes.ValidateSpan(At(2025, 10, 20, 0), At(2025, 11, 2, 23, 30));
        Assert.True(SessionTimes.IsWithinMaxDays(new LocalDate(2025, 10, 20), new LocalDate(2025, 11, 2)));
        Assert.Throws<SessionTimeException>(() => SessionTimes.ValidateSpan(At(2025, 10, 20, 9), At(2025, 11, 3, 9)));
        Assert.False(SessionTimes.IsWithinMaxDays(new LocalDate(2025, 10, 20), new LocalDate(2025, 11, 3)));
    }

    [Fact]
    public void ValidateSpan_StartInTheSpringGap_Throws()
    {
        Assert.Throws<SessionTimeException>(() => SessionTimes.ValidateSpan(At(2025, 3, 30, 1, 30), At(2025, 3, 30, 3)));
    }

    [Fact]
    public void ValidateSpan_ResidentialOverTwoDays_IsFine() => SessionTimes.ValidateSpan(At(2025, 6, 12, 10), At(2025, 6, 13, 15));
}
