using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class AttendanceRulesTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 20, 14, 0);

    [Fact]
    public void AvailabilityOf_BeforeTheStart_IsNotStarted() =>
        Assert.Equal(RegisterAvailability.NotStarted, AttendanceRules.AvailabilityOf(SessionStatus.Scheduled, Start, Start - Duration.FromSeconds(1)));

    [Fact]
    public void AvailabilityOf_FromTheStart_IsOpen_AndStaysOpenForCorrections()
    {
        Assert.Equal(RegisterAvailability.Open, AttendanceRules.AvailabilityOf(SessionStatus.Scheduled, Start, Start));
        Assert.Equal(RegisterAvailability.Open, AttendanceRules.AvailabilityOf(SessionStatus.MovedOnline, Start, Start + Duration.FromDays(400)));
        Assert.Equal(RegisterAvailability.Open, AttendanceRules.AvailabilityOf(SessionStatus.Postponed, Start, Start + Duration.FromHours(1)));
    }

    [Fact]
    public void AvailabilityOf_ACancelledSession_IsCancelled_BeforeOrAfterItsStart()
    {
        Assert.Equal(RegisterAvailability.Cancelled, AttendanceRules.AvailabilityOf(SessionStatus.Cancelled, Start, Start - Duration.FromDays(1)));
        Assert.Equal(RegisterAvailability.Cancelled, AttendanceRules.AvailabilityOf(SessionStatus.Cancelled, Start, Start + Duration.FromDays(1)));
    }

    [Fact]
    public void MarkForNoShow_WithApologies_IsExcused_OtherwiseAbsent()
    {
        Assert.Equal(AttendanceMark.Excused, AttendanceRules.MarkForNoShow(sentApologies: true));
        Assert.Equal(AttendanceMark.Absent, AttendanceRules.MarkForNoShow(sentApologies: false));
    }
}
