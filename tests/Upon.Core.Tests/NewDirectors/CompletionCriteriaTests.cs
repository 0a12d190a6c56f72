using Upon.Core.NewDirectors;
using Upon.Core.Sessions;

namespace Upon.Core.Tests.NewDirectors;

public class CompletionCriteriaTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static readonly Journey Journey = new(D(2026, 11, 25));
    private static readonly CompletionCriteria Defaults = new();

    private static JourneySession Workshop(LocalDate date, AttendanceMark? mark, bool held = true) => new(date, SessionType.VirtualWorkshop, held, mark);

    private static JourneySession Residential(LocalDate date, AttendanceMark? mark, bool held = true) => new(date, SessionType.Residential, held, mark);

    /// <summary>Five workshops in the core year, the second Friday of December to April.</summary>
    private static List<JourneySession> FiveWorkshops(params AttendanceMark?[] marks) =>
        [.. new[] { D(2026, 12, 11), D(2027, 1, 8), D(2027, 2, 12), D(2027, 3, 12), D(2027, 4, 9) }.Select((d, i) => Workshop(d, marks.ElementAtOrDefault(i)))];

    [Fact]
    public void Defaults_AreSixtyPercentAndAResidential()
    {
        Assert.Equal(0.6, Defaults.MinCoreWorkshopShare);
        Assert.True(Defaults.RequireResidential);
        Assert.True(Defaults.IsValid);
    }

    [Theory]
    [InlineData(-0.1, false)]
    [InlineData(0.0, true)]
    [InlineData(1.0, true)]
    [InlineData(1.01, false)]
    public void IsValid_ShareFromZeroToOne(double share, bool valid) =>
        Assert.Equal(valid, new CompletionCriteria { MinCoreWorkshopShare = share }.IsValid);

    [Fact]
    public void Assess_ThreeOfFiveAndAResidential_MeetsBoth()
    {
        var sessions = FiveWorkshops(AttendanceMark.Present, AttendanceMark.Late, AttendanceMark.LeftEarly, AttendanceMark.Absent, AttendanceMark.Excused);
        sessions.Add(Residential(D(2027, 3, 2), AttendanceMark.Present));

        var progress = Defaults.Assess(Journey, sessions, D(2027, 11, 25));

        Assert.Equal(5, progress.CoreWorkshopsHeld);
        Assert.Equal(3, progress.CoreWorkshopsAttended);
        Assert.Equal(0.6, progress.CoreWorkshopShare);
        Assert.True(progress.WorkshopsMet);
        Assert.Equal(3, progress.WorkshopsNeeded);
        Assert.Equal(1, progress.CoreResidentialsAttended);
        Assert.True(progress.ResidentialMet);
        Assert.True(progress.Met);
        Assert.True(progress.CoreProgrammeOver);
    }

    [Fact]
    public void Assess_TwoOfFive_DoesNotMeetTheShare()
    {
        var progress = Defaults.Assess(Journey, FiveWorkshops(AttendanceMark.Present, AttendanceMark.Present), D(2027, 6, 1));
        Assert.Equal(2, progress.CoreWorkshopsAttended);
        Assert.Equal(0.4, progress.CoreWorkshopShare);
        Assert.False(progress.WorkshopsMet);
        Assert.False(progress.Met);
        Assert.False(progress.CoreProgrammeOver);
    }

    [Fact]
    public void Assess_NoResidential_DoesNotMeetTheResidential()
    {
        var progress = Defaults.Assess(Journey, FiveWorkshops(AttendanceMark.Present, AttendanceMark.Present, AttendanceMark.Present, AttendanceMark.Present), D(2027, 6, 1));
        Assert.True(progress.WorkshopsMet);
        Assert.Equal(0, progress.CoreResidentialsAttended);
        Assert.False(progress.ResidentialMet);
        Assert.False(progress.Met);
    }

    [Fact]
    public void Assess_ResidentialNotRequired_IsMetWithoutOne()
    {
        var criteria = new CompletionCriteria { RequireResidential = false };
        var progress = criteria.Assess(Journey, FiveWorkshops(AttendanceMark.Present, AttendanceMark.Present, AttendanceMark.Present), D(2027, 6, 1));
        Assert.True(progress.ResidentialMet);
        Assert.True(progress.Met);
    }

    [Fact]
    public void Assess_ResidentialMissedOrExcused_DoesNotCount()
    {
        var sessions = new List<JourneySession> { Residential(D(2027, 3, 2), AttendanceMark.Absent), Residential(D(2027, 9, 7), AttendanceMark.Excused) };
        Assert.Equal(0, Defaults.Assess(Journey, sessions, D(2027, 11, 25)).CoreResidentialsAttended);
    }

    [Fact]
    public void Assess_SessionsOutsideTheCoreYear_DoNotCount()
    {
        var sessions = new List<JourneySession>
        {
            Workshop(D(2026, 11, 13), AttendanceMark.Present), // before the start
            Workshop(D(2027, 11, 24), AttendanceMark.Present), // the core year's last day
            Workshop(D(2027, 11, 25), AttendanceMark.Present), // the coaching year's first day
            Workshop(D(2027, 12, 10), null),
            Residential(D(2027, 11, 30), AttendanceMark.Present), // the coaching year's residential
        };
        var progress = Defaults.Assess(Journey, sessions, D(2028, 11, 25));
        Assert.Equal(1, progress.CoreWorkshopsHeld);
        Assert.Equal(1, progress.CoreWorkshopsAttended);
        Assert.Equal(0, progress.CoreResidentialsAttended);
        Assert.False(progress.ResidentialMet);
    }

    [Fact]
    public void Assess_WorkshopsNotHeld_DoNotCount()
    {
        var sessions = FiveWorkshops(AttendanceMark.Present);
        sessions.Add(Workshop(D(2027, 5, 14), null, held: false)); // still to come, or cancelled
        var progress = Defaults.Assess(Journey, sessions, D(2027, 5, 1));
        Assert.Equal(5, progress.CoreWorkshopsHeld);
        Assert.Equal(1, progress.CoreWorkshopsAttended);
    }

    [Fact]
    public void Assess_NothingHeldYet_HasNoShareAndIsNotMet()
    {
        var progress = Defaults.Assess(Journey, [], D(2026, 11, 30));
        Assert.Equal(0, progress.CoreWorkshopsHeld);
        Assert.Null(progress.CoreWorkshopShare);
        Assert.False(progress.WorkshopsMet);
        Assert.Equal(0, progress.WorkshopsNeeded);
    }

    [Fact]
    public void Assess_NothingHeld_WithAZeroShare_IsMet() =>
        Assert.True(new CompletionCriteria { MinCoreWorkshopShare = 0 }.Assess(Journey, [], D(2026, 11, 30)).WorkshopsMet);

    [Theory]
    [InlineData(0.6, 5, 3)]
    [InlineData(0.6, 10, 6)]
    [InlineData(0.6, 11, 7)]
    [InlineData(0.6, 12, 8)]
    [InlineData(0.7, 10, 7)]
    [InlineData(1.0, 12, 12)]
    [InlineData(0.0, 12, 0)]
    public void WorkshopsNeeded_IsTheShareRoundedUp(double share, int held, int needed) =>
        Assert.Equal(needed, new CompletionCriteria { MinCoreWorkshopShare = share }.WorkshopsNeeded(held));

    [Theory]
    [InlineData(0.7, 10, 7, true)]
    [InlineData(0.7, 10, 6, false)]
    [InlineData(0.3, 10, 3, true)]
    [InlineData(0.6, 12, 8, true)]
    [InlineData(0.6, 12, 7, false)]
    public void Assess_ShareAtTheBoundary_IsMetExactly(double share, int held, int attended, bool met)
    {
        var start = D(2026, 12, 1);
        var sessions = Enumerable.Range(0, held).Select(i => Workshop(start.PlusDays(i * 7), i < attended ? AttendanceMark.Present : AttendanceMark.Absent));
        Assert.Equal(met, new CompletionCriteria { MinCoreWorkshopShare = share }.Assess(Journey, sessions, D(2027, 11, 25)).WorkshopsMet);
    }

    [Fact]
    public void Assess_EnrolledOn29February_CoreYearEndsOn27February()
    {
        var journey = new Journey(D(2024, 2, 29));
        var sessions = new List<JourneySession>
        {
            Residential(D(2025, 2, 27), AttendanceMark.Present),
            Workshop(D(2025, 2, 27), AttendanceMark.Present),
            Workshop(D(2025, 2, 28), AttendanceMark.Present),
        };
        var progress = Defaults.Assess(journey, sessions, D(2025, 3, 1));
        Assert.Equal(1, progress.CoreWorkshopsHeld);
        Assert.Equal(1, progress.CoreResidentialsAttended);
        Assert.True(progress.CoreProgrammeOver);
    }

    [Theory]
    [InlineData(AttendanceMark.Present, true)]
    [InlineData(AttendanceMark.Late, true)]
    [InlineData(AttendanceMark.LeftEarly, true)]
    [InlineData(AttendanceMark.Excused, false)]
    [InlineData(AttendanceMark.Absent, false)]
    [InlineData(null, false)]
    public void Attended_PresentLateOrLeftEarly(AttendanceMark? mark, bool attended) =>
        Assert.Equal(attended, JourneySession.IsAttendance(mark));
}
