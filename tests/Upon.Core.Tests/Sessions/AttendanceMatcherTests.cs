using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class AttendanceMatcherTests
{
    private static readonly LocalDateTime Start = new(2024, 11, 22, 14, 0);
    private static readonly LocalDateTime End = new(2024, 11, 22, 16, 0);

    private static readonly ExpectedAttendee Alex = new(1, "alex.example@example.org", "Alex Example");
    private static readonly ExpectedAttendee Sam = new(2, "sam.sample@example.org", "Sam Sample");
    private static readonly ExpectedAttendee Jo = new(3, "jo.placeholder@example.org", "Jo Placeholder");
    private static readonly ExpectedAttendee Pat = new(4, "pat.specimen@example.org", "Pat Specimen");
    private static readonly ExpectedAttendee Kim = new(5, "kim.demo@example.org", "Kim Demo");

    private static LocalDateTime T(int hour, int minute, int second = 0) => new(2024, 11, 22, hour, minute, second);

    private static AttendanceReportRow Row(int line, string? email, LocalDateTime? join, LocalDateTime? leave, int? minutes = null, string name = "Someone") =>
        new(line, name, email, join, leave, minutes);

    private static AttendanceMatchResult Match(IReadOnlyList<ExpectedAttendee> expected, params AttendanceReportRow[] rows) =>
        AttendanceMatcher.Match(new AttendanceReport(AttendanceReportFormat.Teams, rows), expected, Start, End, AttendanceMatchOptions.Default);

    private static AttendanceReport Fixture(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Sessions", "Fixtures", name));
        return AttendanceReportParser.Parse(stream);
    }

    private static ProposedMark MarkOf(AttendanceMatchResult result, ExpectedAttendee person) =>
        Assert.Single(result.Marks, m => m.ParticipantId == person.ParticipantId);

    [Fact]
    public void OnTime_IsPresent()
    {
        var mark = MarkOf(Match([Alex], Row(2, Alex.Email, T(14, 2), T(15, 58), 116)), Alex);
        Assert.Equal(AttendanceMark.Present, mark.Mark);
        Assert.Equal(116, mark.Minutes);
        Assert.Equal("Joined at 14:02; left at 15:58.", mark.Reason);
    }

    [Theory]
    [InlineData(14, 10, 0, AttendanceMark.Present)]
    [InlineData(14, 10, 1, AttendanceMark.Late)]
    [InlineData(14, 11, 0, AttendanceMark.Late)]
    [InlineData(13, 50, 0, AttendanceMark.Present)]
    public void Late_IsMoreThanTenMinutesAfterTheStart(int hour, int minute, int second, AttendanceMark expected) =>
        Assert.Equal(expected, MarkOf(Match([Alex], Row(2, Alex.Email, T(hour, minute, second), T(16, 0))), Alex).Mark);

    [Theory]
    [InlineData(15, 50, 0, AttendanceMark.Present)]
    [InlineData(15, 49, 59, AttendanceMark.LeftEarly)]
    [InlineData(15, 10, 0, AttendanceMark.LeftEarly)]
    [InlineData(16, 30, 0, AttendanceMark.Present)]
    public void LeftEarly_IsMoreThanTenMinutesBeforeTheEnd(int hour, int minute, int second, AttendanceMark expected) =>
        Assert.Equal(expected, MarkOf(Match([Alex], Row(2, Alex.Email, T(14, 0), T(hour, minute, second))), Alex).Mark);

    [Fact]
    public void Late_ReasonSaysByHowMuch() =>
        Assert.Equal("Joined at 14:25, 25 minutes after the start; left at 16:00.",
            MarkOf(Match([Sam], Row(2, Sam.Email, T(14, 25), T(16, 0))), Sam).Reason);

    [Fact]
    public void LateAndLeftEarly_IsLateAndTheReasonSaysBoth()
    {
        var mark = MarkOf(Match([Sam], Row(2, Sam.Email, T(14, 30), T(15, 0))), Sam);
        Assert.Equal(AttendanceMark.Late, mark.Mark);
        Assert.Contains("30 minutes after the start", mark.Reason, StringComparison.Ordinal);
        Assert.Contains("60 minutes before the end", mark.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ChangeTheThresholds()
    {
        var report = new AttendanceReport(AttendanceReportFormat.Zoom, [Row(2, Alex.Email, T(14, 12), T(15, 45))]);
        var strict = AttendanceMatcher.Match(report, [Alex], Start, End, AttendanceMatchOptions.Default);
        var relaxed = AttendanceMatcher.Match(report, [Alex], Start, End, new AttendanceMatchOptions { LateAfterMinutes = 15, LeftEarlyMinutes = 20 });
        Assert.Equal(AttendanceMark.Late, strict.Marks[0].Mark);
        Assert.Equal(AttendanceMark.Present, relaxed.Marks[0].Mark);
    }

    [Fact]
    public void EmailMatch_IgnoresCaseAndSpaces()
    {
        var result = Match([Alex], Row(2, "  ALEX.Example@EXAMPLE.org ", T(14, 0), T(16, 0)));
        Assert.Equal(AttendanceMark.Present, MarkOf(result, Alex).Mark);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void ExpectedEmail_WithSpacesAndCapitals_StillMatches()
    {
        var person = new ExpectedAttendee(9, " Alex.Example@Example.org ", "Alex Example");
        Assert.Single(Match([person], Row(2, "alex.example@example.org", T(14, 0), T(16, 0))).Marks);
    }

    [Fact]
    public void NameAlone_NeverMatches()
    {
        var result = Match([Alex], Row(2, null, T(14, 0), T(16, 0), name: "Alex Example"));
        Assert.Empty(result.Marks);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal((2, "Alex Example", (string?)null), (unmatched.Line, unmatched.Name, unmatched.Email));
        Assert.Contains("no email", unmatched.Reason, StringComparison.Ordinal);
        Assert.Equal([Alex], result.NotInReport);
    }

    [Fact]
    public void UnknownEmail_IsUnmatched()
    {
        var result = Match([Alex], Row(2, "someone.else@example.org", T(14, 0), T(16, 0), name: "Alex Example"));
        Assert.Contains("Nobody booked", Assert.Single(result.Unmatched).Reason, StringComparison.Ordinal);
        Assert.Empty(result.Marks);
    }

    [Fact]
    public void Rejoining_RowsCombine()
    {
        var result = Match([Alex],
            Row(5, Alex.Email, T(14, 40), T(16, 0), 80),
            Row(3, Alex.Email, T(14, 1), T(14, 30), 29));
        var mark = MarkOf(result, Alex);
        Assert.Equal(AttendanceMark.Present, mark.Mark);
        Assert.Equal(109, mark.Minutes);
        Assert.Contains("2 rows combined", mark.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejoining_LateFirstVisitDecides()
    {
        var mark = MarkOf(Match([Alex], Row(2, Alex.Email, T(14, 20), T(15, 0)), Row(3, Alex.Email, T(15, 5), T(16, 0))), Alex);
        Assert.Equal(AttendanceMark.Late, mark.Mark);
    }

    [Fact]
    public void Rejoining_RowsWithoutMinutes_CountTheirTimes() =>
        Assert.Equal(100, MarkOf(Match([Alex], Row(2, Alex.Email, T(14, 0), T(15, 0)), Row(3, Alex.Email, T(15, 20), T(16, 0))), Alex).Minutes);

    [Fact]
    public void NoLeaveTime_IsNotHeldAgainstThem()
    {
        var mark = MarkOf(Match([Pat], Row(2, Pat.Email, T(14, 4), null, 80)), Pat);
        Assert.Equal(AttendanceMark.Present, mark.Mark);
        Assert.Equal("Joined at 14:04 (the report gives no leave time).", mark.Reason);
    }

    [Theory]
    [InlineData(90, AttendanceMark.Present)]
    [InlineData(89, AttendanceMark.LeftEarly)]
    [InlineData(120, AttendanceMark.Present)]
    [InlineData(150, AttendanceMark.Present)]
    [InlineData(1, AttendanceMark.LeftEarly)]
    public void MinutesOnly_SeventyFivePercentIsPresent(int minutes, AttendanceMark expected)
    {
        var mark = MarkOf(Match([Alex], Row(2, Alex.Email, null, null, minutes)), Alex);
        Assert.Equal(expected, mark.Mark);
        Assert.Equal(minutes, mark.Minutes);
    }

    [Fact]
    public void MinutesOnly_ReasonGivesTheShare() =>
        Assert.Equal("In the meeting for 80 of 120 minutes (67%); 75% or more counts as present.",
            MarkOf(Match([Sam], Row(2, Sam.Email, null, null, 80)), Sam).Reason);

    [Fact]
    public void MinutesOnly_RowsAddUp() =>
        Assert.Equal(AttendanceMark.Present, MarkOf(Match([Alex], Row(2, Alex.Email, null, null, 50), Row(3, Alex.Email, null, null, 45)), Alex).Mark);

    [Fact]
    public void NoTimesOrMinutes_ListedIsPresent()
    {
        var mark = MarkOf(Match([Alex], Row(2, Alex.Email, null, null)), Alex);
        Assert.Equal(AttendanceMark.Present, mark.Mark);
        Assert.Null(mark.Minutes);
        Assert.Contains("no times or minutes", mark.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NotInReport_GetsNoMarkAndIsListed()
    {
        var result = Match([Alex, Pat, Jo], Row(2, Alex.Email, T(14, 0), T(16, 0)));
        Assert.Equal([1], result.Marks.Select(m => m.ParticipantId));
        Assert.Equal([Pat, Jo], result.NotInReport);
    }

    [Fact]
    public void TimesOutsideTheSession_GetNoMarkAndSaySo()
    {
        var result = Match([Alex, Sam],
            Row(2, Alex.Email, new LocalDateTime(2024, 11, 21, 14, 0), new LocalDateTime(2024, 11, 21, 16, 0)),
            Row(3, Sam.Email, T(13, 30), T(13, 55)));
        Assert.Empty(result.Marks);
        Assert.Empty(result.NotInReport);
        Assert.Equal([2, 3], result.Unmatched.Select(u => u.Line));
        Assert.All(result.Unmatched, u => Assert.Contains("Check that the report is for this session", u.Reason, StringComparison.Ordinal));
        Assert.Contains("21 Nov 2024 14:00", result.Unmatched[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void JoinedAfterTheEnd_GetsNoMark() =>
        Assert.Empty(Match([Alex], Row(2, Alex.Email, T(16, 0), T(16, 30))).Marks);

    [Fact]
    public void SharedEmail_IsNeitherGuessedNorNotInReport()
    {
        var twin = new ExpectedAttendee(7, Alex.Email, "Alex Example (second account)");
        var result = Match([Alex, twin], Row(2, Alex.Email, T(14, 0), T(16, 0)));
        Assert.Empty(result.Marks);
        Assert.Empty(result.NotInReport);
        Assert.Contains("2 people booked", Assert.Single(result.Unmatched).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SamePersonExpectedTwice_IsOnePerson()
    {
        var result = Match([Alex, Alex], Row(2, Alex.Email, T(14, 0), T(16, 0)));
        Assert.Single(result.Marks);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Results_AreInExpectedAndFileOrder()
    {
        var result = Match([Jo, Alex, Sam],
            Row(9, "x@example.org", null, null, 5),
            Row(2, Alex.Email, T(14, 0), T(16, 0)),
            Row(4, Jo.Email, T(14, 0), T(16, 0)),
            Row(3, null, null, null, 5));
        Assert.Equal([3, 1], result.Marks.Select(m => m.ParticipantId));
        Assert.Equal([3, 9], result.Unmatched.Select(u => u.Line));
        Assert.Equal([Sam], result.NotInReport);
    }

    [Fact]
    public void SessionAcrossTheAutumnClockChange_MeasuresRealMinutes()
    {
        // 00:30 to 03:30 on 27 October 2024 lasts four hours: the hour from 01:00 happens twice.
        var start = new LocalDateTime(2024, 10, 27, 0, 30);
        var end = new LocalDateTime(2024, 10, 27, 3, 30);
        var report = new AttendanceReport(AttendanceReportFormat.Zoom, [Row(2, Alex.Email, null, null, 180)]);
        var mark = AttendanceMatcher.Match(report, [Alex], start, end, AttendanceMatchOptions.Default).Marks[0];
        Assert.Equal(AttendanceMark.Present, mark.Mark);
        Assert.Contains("of 240 minutes", mark.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var report = new AttendanceReport(AttendanceReportFormat.Zoom, []);
        Assert.Throws<ArgumentException>(() => AttendanceMatcher.Match(report, [Alex], End, Start, AttendanceMatchOptions.Default));
        Assert.Throws<ArgumentException>(() => AttendanceMatcher.Match(report, [Alex], Start, End, new AttendanceMatchOptions { LateAfterMinutes = -1 }));
        Assert.Throws<ArgumentException>(() => AttendanceMatcher.Match(report, [Alex], Start, End, new AttendanceMatchOptions { PresentShare = 0 }));
        Assert.Throws<ArgumentException>(() => AttendanceMatcher.Match(report, [Alex], Start, End, new AttendanceMatchOptions { PresentShare = 1.5 }));
    }

    [Fact]
    public void TeamsFixture_EndToEnd()
    {
        var result = AttendanceMatcher.Match(Fixture("teams-attendance-report-us.csv"), [Alex, Sam, Jo, Pat, Kim], Start, End, AttendanceMatchOptions.Default);
        Assert.Equal(AttendanceMark.Present, MarkOf(result, Alex).Mark);
        Assert.Equal(AttendanceMark.Late, MarkOf(result, Sam).Mark);
        Assert.Equal(AttendanceMark.LeftEarly, MarkOf(result, Jo).Mark);
        Assert.Equal([Pat, Kim], result.NotInReport);
        // The organiser is nobody booked; Kim joined as an unverified guest with no email, so is not matched by name.
        Assert.Equal(["Robin Organiser", "Kim Demo (Unverified)"], result.Unmatched.Select(u => u.Name));
    }

    [Fact]
    public void ZoomFixture_EndToEnd()
    {
        var result = AttendanceMatcher.Match(Fixture("zoom-participants.csv"), [Alex, Sam, Jo, Kim], Start, End, AttendanceMatchOptions.Default);
        var alex = MarkOf(result, Alex);
        Assert.Equal((AttendanceMark.Present, 117), (alex.Mark, alex.Minutes));
        Assert.Equal(AttendanceMark.LeftEarly, MarkOf(result, Sam).Mark);
        // Kim never left the waiting room; Jo joined as a guest without an email.
        Assert.Equal([Jo, Kim], result.NotInReport);
        Assert.Equal(["Robin Organiser", "Jo Placeholder", "Zoë Müller"], result.Unmatched.Select(u => u.Name));
    }

    [Fact]
    public void ZoomUniqueFixture_EndToEnd()
    {
        var result = AttendanceMatcher.Match(Fixture("zoom-participants-unique.csv"), [Alex, Sam], Start, End, AttendanceMatchOptions.Default);
        Assert.Equal(AttendanceMark.Present, MarkOf(result, Alex).Mark);
        Assert.Equal(AttendanceMark.LeftEarly, MarkOf(result, Sam).Mark);
    }
}
