using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public sealed class SessionStagesTests
{
    private static readonly LocalDate Enrolled = new(2026, 11, 2);

    [Fact]
    public void ACoachingGroup_InTheFirstYear_IsNotForTheStage()
    {
        Assert.False(SessionStages.IsForStage(SessionType.CoachingGroup, Enrolled, new LocalDate(2026, 12, 9)));
        Assert.False(SessionStages.IsForStage(SessionType.CoachingGroup, Enrolled, new LocalDate(2027, 11, 1)));
    }

    [Fact]
    public void ACoachingGroup_FromMonth13_IsForTheStage() =>
        Assert.True(SessionStages.IsForStage(SessionType.CoachingGroup, Enrolled, new LocalDate(2027, 11, 2)));

    [Theory]
    [InlineData(SessionType.VirtualWorkshop)]
    [InlineData(SessionType.Residential)]
    [InlineData(SessionType.Webinar)]
    public void OtherSessions_AreForEveryStage(SessionType type)
    {
        Assert.True(SessionStages.IsForStage(type, Enrolled, new LocalDate(2026, 11, 20)));
        Assert.True(SessionStages.IsForStage(type, Enrolled, new LocalDate(2028, 1, 20)));
    }
}
