using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class SessionTimesResolveTests
{
    [Fact]
    public void TryResolve_JulyAfternoon_IsAnHourEarlierInUtc()
    {
        Assert.True(SessionTimes.TryResolve(new LocalDateTime(2027, 7, 16, 14, 0), out var instant, out _));
        Assert.Equal(Instant.FromUtc(2027, 7, 16, 13, 0), instant);
    }

    [Fact]
    public void TryResolve_JanuaryAfternoon_IsTheSameInUtc()
    {
        Assert.True(SessionTimes.TryResolve(new LocalDateTime(2027, 1, 15, 14, 0), out var instant, out _));
        Assert.Equal(Instant.FromUtc(2027, 1, 15, 14, 0), instant);
    }

    [Fact]
    public void TryResolve_InTheSpringGap_SaysTheClocksGoForward()
    {
        Assert.False(SessionTimes.TryResolve(new LocalDateTime(2027, 3, 28, 1, 30), out _, out var problem));
        Assert.Equal("There is no 01:30 on Sunday 28 March 2027 in London: the clocks go forward from 01:00 to 02:00", problem);
    }

    [Fact]
    public void TryResolve_InTheAutumnOverlap_SaysTheTimeHappensTwice()
    {
        Assert.False(SessionTimes.TryResolve(new LocalDateTime(2027, 10, 31, 1, 30), out _, out var problem));
        Assert.Equal("01:30 on Sunday 31 October 2027 happens twice in London: the clocks go back from 02:00 to 01:00", problem);
    }

    [Theory]
    [InlineData(0, 59)]
    [InlineData(2, 0)]
    public void TryResolve_EitherSideOfTheSpringGap_Resolves(int hour, int minute) =>
        Assert.True(SessionTimes.TryResolve(new LocalDateTime(2027, 3, 28, hour, minute), out _, out _));
}
