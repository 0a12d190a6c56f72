using NodaTime;
using Upon.Core.Coaching;

namespace Upon.Core.Tests.Coaching;

public sealed class CoachingDueTests
{
    private static readonly LocalDate Enrolled = new(2025, 1, 31);

    [Theory]
    [InlineData(2026, 1, 30, false)] // last day of month 12
    [InlineData(2026, 1, 31, true)] // first day of month 13
    [InlineData(2027, 1, 30, true)] // last day of month 24
    [InlineData(2027, 1, 31, false)] // journey finished
    public void NewDirector_IsDueInTheCoachingYearOnly(int year, int month, int day, bool due) =>
        Assert.Equal(due, CoachingDue.NewDirector(Enrolled, new LocalDate(year, month, day)));

    [Fact]
    public void Aspirant_IsDueOnlyAfterTheLastTaughtDay()
    {
        var last = new LocalDate(2026, 6, 30);
        Assert.False(CoachingDue.Aspirant(last, last));
        Assert.True(CoachingDue.Aspirant(last, last.PlusDays(1)));
        Assert.False(CoachingDue.Aspirant(null, last.PlusDays(1)));
    }

    [Fact]
    public void RegionName_NamesEveryRegion() =>
        Assert.All(CoachingModes.RegionCodes, c => Assert.NotEqual(c, CoachingModes.RegionName(c)));

    [Theory]
    [InlineData(RequestedMode.Online, null, "Online")]
    [InlineData(RequestedMode.InPerson, "E12000007", "In person, in London")]
    [InlineData(RequestedMode.Either, "E12000007", "Online or in person")]
    public void Describe_SaysHowARequestAsksToBeCoached(RequestedMode mode, string? region, string expected) =>
        Assert.Equal(expected, mode.Describe(region));
}
