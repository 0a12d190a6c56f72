using System.Text;
using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class AttendanceReportParserTests
{
    private static AttendanceReport Fixture(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Sessions", "Fixtures", name));
        return AttendanceReportParser.Parse(stream);
    }

    private static AttendanceReport Parse(byte[] bytes) => AttendanceReportParser.Parse(new MemoryStream(bytes));

    private static byte[] Utf16WithBom(string text) => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];

    private static AttendanceReportFormatException Rejects(string text) =>
        Assert.Throws<AttendanceReportFormatException>(() => AttendanceReportParser.ParseText(text));

    private static LocalDateTime At(int year, int month, int day, int hour, int minute, int second = 0) => new(year, month, day, hour, minute, second);

    [Fact]
    public void Teams_Utf16Report_ReadsTheParticipantsSectionOnly()
    {
        var report = Fixture("teams-attendance-report-us.csv");
        Assert.Equal(AttendanceReportFormat.Teams, report.Format);
        Assert.Equal(
            ["Robin Organiser", "Alex Example", "Sam Sample (External)", "Jo Placeholder", "Kim Demo (Unverified)"],
            report.Rows.Select(r => r.Name));
    }

    [Fact]
    public void Teams_Utf16Report_ReadsEachColumn()
    {
        var alex = Fixture("teams-attendance-report-us.csv").Rows[1];
        // The meeting title has a line break inside quotes, so the header is on line 11 and Alex on line 13.
        Assert.Equal(13, alex.Line);
        Assert.Equal("Alex.Example@Example.org", alex.Email);
        Assert.Equal(At(2024, 11, 22, 14, 1, 5), alex.FirstJoin);
        Assert.Equal(At(2024, 11, 22, 15, 59, 30), alex.LastLeave);
        Assert.Equal(112, alex.Minutes);
    }

    [Fact]
    public void Teams_Utf16Report_NoEmail_IsNull()
    {
        var kim = Fixture("teams-attendance-report-us.csv").Rows[4];
        Assert.Null(kim.Email);
        Assert.Equal(110, kim.Minutes);
    }

    [Fact]
    public void Teams_Utf16Report_DurationsRoundToNearestMinute()
    {
        var rows = Fixture("teams-attendance-report-us.csv").Rows;
        Assert.Equal(124, rows[0].Minutes); // 2h 4m 28s
        Assert.Equal(95, rows[2].Minutes); // 1h 35m 10s
        Assert.Equal(58, rows[3].Minutes); // 58m 10s
    }

    [Fact]
    public void Teams_UkReport_DayFirstTwentyFourHour()
    {
        var report = Fixture("teams-attendance-report-uk.csv");
        Assert.Equal(AttendanceReportFormat.Teams, report.Format);
        Assert.Equal(3, report.Rows.Count);
        // 05/03/2025 could be 5 March or 3 May; a 24-hour clock means the UK order.
        Assert.Equal(At(2025, 3, 5, 9, 58, 2), report.Rows[0].FirstJoin);
    }

    [Fact]
    public void Teams_UkReport_ShortRowAndEmptyLeave()
    {
        var pat = Fixture("teams-attendance-report-uk.csv").Rows[1];
        Assert.Equal("Pat Specimen", pat.Name);
        Assert.Equal(At(2025, 3, 5, 10, 4, 30), pat.FirstJoin);
        Assert.Null(pat.LastLeave);
        Assert.Equal(80, pat.Minutes);
    }

    [Fact]
    public void Teams_UkReport_QuotedNameWithComma()
    {
        var robin = Fixture("teams-attendance-report-uk.csv").Rows[2];
        Assert.Equal("Test, Robin", robin.Name);
        Assert.Equal("robin.test@example.org", robin.Email);
    }

    [Fact]
    public void Teams_LegacyActionLog_OneRowPerNameWithoutEmail()
    {
        var report = Fixture("teams-attendance-legacy.csv");
        Assert.Equal(AttendanceReportFormat.Teams, report.Format);
        Assert.Equal(2, report.Rows.Count);
        var alex = report.Rows[0];
        Assert.Equal(("Alex Example", 2, (string?)null), (alex.Name, alex.Line, alex.Email));
        Assert.Equal(At(2024, 11, 22, 14, 0, 40), alex.FirstJoin);
        Assert.Equal(At(2024, 11, 22, 16, 0), alex.LastLeave);
        Assert.Equal(114, alex.Minutes); // 29m 20s + 1h 25m
        var sam = report.Rows[1];
        Assert.Equal(At(2024, 11, 22, 13, 59), sam.FirstJoin); // "Joined before"
        Assert.Equal(61, sam.Minutes);
    }

    [Fact]
    public void Teams_LegacyActionLog_StillInTheMeeting_HasNoLeave()
    {
        var report = AttendanceReportParser.ParseText("Full Name\tUser Action\tTimestamp\nAlex Example\tJoined\t11/22/2024, 2:00:40 PM\n");
        var alex = Assert.Single(report.Rows);
        Assert.Null(alex.LastLeave);
        Assert.Null(alex.Minutes);
    }

    [Fact]
    public void Teams_LegacyActionLog_UnknownAction_NamesLine()
    {
        var error = Rejects("Full Name\tUser Action\tTimestamp\nAlex Example\tJoined\t11/22/2024, 2:00:40 PM\nAlex Example\tWaved\t11/22/2024, 2:10:00 PM\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("Waved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_OlderReportWithMeetingSummary()
    {
        const string text = "Meeting Summary\nTotal Number of Participants\t2\nMeeting Title\tSet 4\nMeeting Start Time\t3/14/2023, 9:58:00 AM\n\n" +
            "Full Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole\tParticipant ID (UPN)\n" +
            "Alex Example\t3/14/2023, 10:00:00 AM\t3/14/2023, 12:00:00 PM\t2h\talex.example@example.org\tAttendee\talex.example@example.org\n";
        var row = Assert.Single(AttendanceReportParser.ParseText(text).Rows);
        Assert.Equal(AttendanceReportFormat.Teams, AttendanceReportParser.ParseText(text).Format);
        Assert.Equal(At(2023, 3, 14, 10, 0), row.FirstJoin);
        Assert.Equal(At(2023, 3, 14, 12, 0), row.LastLeave);
        Assert.Equal(120, row.Minutes);
        Assert.Equal(7, row.Line);
    }

    [Fact]
    public void Teams_ParticipantIdColumn_IsNeverReadAsEmail()
    {
        const string text = "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tParticipant ID (UPN)\tRole\n" +
            "Alex Example\t11/22/24, 2:01:05 PM\t11/22/24, 3:59:30 PM\t1h 58m\talex.example@example.org\tAttendee\n";
        Assert.Null(Assert.Single(AttendanceReportParser.ParseText(text).Rows).Email);
    }

    [Fact]
    public void Teams_Utf16WithoutBom_IsRecognised()
    {
        var text = "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\nAlex Example\t11/22/24, 2:01:05 PM\t11/22/24, 3:59:30 PM\t1h 58m 25s\talex.example@example.org\n";
        var row = Assert.Single(Parse(Encoding.Unicode.GetBytes(text)).Rows);
        Assert.Equal("alex.example@example.org", row.Email);
    }

    [Fact]
    public void Teams_HeaderInAnyCase()
    {
        var text = "NAME\tfirst join\tLAST LEAVE\tin-meeting duration\tEMAIL\nAlex Example\t11/22/24, 2:01:05 PM\t11/22/24, 3:59:30 PM\t1h 58m 25s\talex.example@example.org\n";
        Assert.Equal(118, Assert.Single(AttendanceReportParser.ParseText(text).Rows).Minutes);
    }

    [Fact]
    public void Zoom_ReportAfterMeetingBlock()
    {
        var report = Fixture("zoom-participants.csv");
        Assert.Equal(AttendanceReportFormat.Zoom, report.Format);
        Assert.Equal(
            ["Robin Organiser", "Alex Example", "Alex Example", "Sample, Sam (Sam S)", "Jo Placeholder", "Zoë Müller"],
            report.Rows.Select(r => r.Name));
    }

    [Fact]
    public void Zoom_ReadsEachColumn()
    {
        var alex = Fixture("zoom-participants.csv").Rows[1];
        Assert.Equal(6, alex.Line);
        Assert.Equal("alex.example@example.org", alex.Email);
        Assert.Equal(At(2024, 11, 22, 14, 0, 30), alex.FirstJoin);
        Assert.Equal(At(2024, 11, 22, 14, 40), alex.LastLeave);
        Assert.Equal(40, alex.Minutes);
    }

    [Fact]
    public void Zoom_WaitingRoomRows_AreLeftOut() =>
        Assert.DoesNotContain(Fixture("zoom-participants.csv").Rows, r => r.Name == "Kim Demo");

    [Fact]
    public void Zoom_GuestWithoutEmail_IsNull() =>
        Assert.Null(Fixture("zoom-participants.csv").Rows.Single(r => r.Name == "Jo Placeholder").Email);

    [Fact]
    public void Zoom_UniqueUsersReport_MinutesOnly()
    {
        var report = Fixture("zoom-participants-unique.csv");
        Assert.Equal(AttendanceReportFormat.Zoom, report.Format);
        Assert.Equal([118, 80, 120], report.Rows.Select(r => r.Minutes));
        Assert.All(report.Rows, r => Assert.Null(r.FirstJoin));
        Assert.Equal("SAM.SAMPLE@example.org", report.Rows[1].Email);
    }

    [Fact]
    public void Zoom_OlderHeaders()
    {
        const string text = "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n" +
            "81234567890,Set 4,03/14/2023 09:58:00 AM,03/14/2023 12:01:00 PM,robin.organiser@example.org,123,2\n\n" +
            "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent\n" +
            "Alex Example,alex.example@example.org,03/14/2023 10:00:00 AM,03/14/2023 12:00:00 PM,120,No,\n";
        var row = Assert.Single(AttendanceReportParser.ParseText(text).Rows);
        Assert.Equal(At(2023, 3, 14, 10, 0), row.FirstJoin);
        Assert.Equal(120, row.Minutes);
        Assert.Equal("alex.example@example.org", row.Email);
    }

    [Fact]
    public void Zoom_Utf8WithoutBomAndNonAsciiNames()
    {
        var text = "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room\n" +
            "Zoë O'Connor-Müller,zoe@example.org,11/22/2024 02:00:00 PM,11/22/2024 04:00:00 PM,120,No,No\n";
        Assert.Equal("Zoë O'Connor-Müller", Assert.Single(Parse(Encoding.UTF8.GetBytes(text)).Rows).Name);
    }

    [Fact]
    public void Zoom_Latin1File_IsStillRead()
    {
        var text = "Name (original name),Email,Total duration (minutes),Guest\nZoë Müller,zoe@example.org,120,No\n";
        Assert.Equal("Zoë Müller", Assert.Single(Parse(Encoding.Latin1.GetBytes(text)).Rows).Name);
    }

    [Theory]
    [InlineData("11/22/24, 2:01:05 PM", 2024, 11, 22, 14, 1, 5)]
    [InlineData("11/22/24, 2:01:05\u202fPM", 2024, 11, 22, 14, 1, 5)]
    [InlineData("11/22/24, 12:00:00 AM", 2024, 11, 22, 0, 0, 0)]
    [InlineData("11/22/24, 12:30:00 PM", 2024, 11, 22, 12, 30, 0)]
    [InlineData("22/11/2024, 14:01:05", 2024, 11, 22, 14, 1, 5)]
    [InlineData("22/11/2024 14:01", 2024, 11, 22, 14, 1, 0)]
    [InlineData("22.11.2024 14:01:05", 2024, 11, 22, 14, 1, 5)]
    [InlineData("2024-11-22 14:01:05", 2024, 11, 22, 14, 1, 5)]
    [InlineData("2024-11-22T14:01:05", 2024, 11, 22, 14, 1, 5)]
    [InlineData("11/22/2024 02:01:05 PM", 2024, 11, 22, 14, 1, 5)]
    public void Dates_InTheFormsTeamsAndZoomWrite(string written, int year, int month, int day, int hour, int minute, int second)
    {
        var text = $"Name\tFirst Join\nAlex Example\t{written}\n";
        Assert.Equal(At(year, month, day, hour, minute, second), Assert.Single(AttendanceReportParser.ParseText(text).Rows).FirstJoin);
    }

    [Fact]
    public void Dates_AllAmbiguousWithAmPm_AreMonthFirst()
    {
        var text = "Name\tFirst Join\tLast Leave\nAlex Example\t3/5/25, 2:00:00 PM\t3/5/25, 4:00:00 PM\n";
        Assert.Equal(At(2025, 3, 5, 14, 0), Assert.Single(AttendanceReportParser.ParseText(text).Rows).FirstJoin);
    }

    [Fact]
    public void Dates_AllAmbiguousTwentyFourHour_AreDayFirst()
    {
        var text = "Name\tFirst Join\tLast Leave\nAlex Example\t03/05/2025, 14:00:00\t03/05/2025, 16:00:00\n";
        Assert.Equal(At(2025, 5, 3, 14, 0), Assert.Single(AttendanceReportParser.ParseText(text).Rows).FirstJoin);
    }

    [Fact]
    public void Dates_OneUnambiguousDate_DecidesForTheWholeFile()
    {
        // 3/5 alone would be read as 5 March (AM/PM); 13/5 can only be day-first, so 3/5 is 3 May.
        var text = "Name\tFirst Join\tLast Leave\nAlex Example\t3/5/25, 2:00:00 PM\t3/5/25, 4:00:00 PM\nSam Sample\t13/5/25, 2:00:00 PM\t13/5/25, 4:00:00 PM\n";
        Assert.Equal(At(2025, 5, 3, 14, 0), AttendanceReportParser.ParseText(text).Rows[0].FirstJoin);
    }

    [Fact]
    public void Dates_MixedOrders_AreRejected()
    {
        var error = Rejects("Name\tFirst Join\nAlex Example\t13/5/25, 14:00:00\nSam Sample\t5/13/25, 14:00:00\n");
        Assert.Contains("both month-first and day-first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_ImpossibleEitherWay_NamesLine()
    {
        var error = Rejects("Name\tFirst Join\nAlex Example\t11/22/24, 2:00:00 PM\nSam Sample\t31/31/24, 2:00:00 PM\n");
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("11/22/24")]
    [InlineData("2:00:00 PM")]
    [InlineData("11/22/24, 13:00:00 PM")]
    [InlineData("11/22/24, 25:00:00")]
    public void Dates_NotADateAndTime_NamesLineAndColumn(string written)
    {
        var error = Rejects($"Name\tFirst Join\nAlex Example\t11/22/24, 2:00:00 PM\nSam Sample\t{written}\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("First Join", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Line 3: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1h 52m 3s", 112)]
    [InlineData("58m 10s", 58)]
    [InlineData("58m 30s", 59)]
    [InlineData("45s", 1)]
    [InlineData("29s", 0)]
    [InlineData("3h", 180)]
    [InlineData("1h 7s", 60)]
    [InlineData("2h 5m", 125)]
    [InlineData("1:52:03", 112)]
    [InlineData("52:03", 52)]
    public void Durations_TeamsForms(string written, int minutes)
    {
        var text = $"Name\tIn-Meeting Duration\nAlex Example\t{written}\n";
        Assert.Equal(minutes, Assert.Single(AttendanceReportParser.ParseText(text).Rows).Minutes);
    }

    [Theory]
    [InlineData("about an hour")]
    [InlineData("3h 12")]
    [InlineData("12")]
    public void Durations_NotADuration_NamesLine(string written)
    {
        var error = Rejects($"Name\tIn-Meeting Duration\nAlex Example\t{written}\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("In-Meeting Duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minutes_NotANumber_NamesLine()
    {
        var error = Rejects("Name (original name),Email,Duration (minutes)\nAlex Example,alex.example@example.org,lots\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("Duration (minutes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LeaveBeforeJoin_NamesLine()
    {
        var error = Rejects("Name\tFirst Join\tLast Leave\nAlex Example\t11/22/24, 4:00:00 PM\t11/22/24, 2:00:00 PM\n");
        Assert.Equal(2, error.Line);
        Assert.Contains("before", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsRejected()
    {
        Assert.Null(Assert.Throws<AttendanceReportFormatException>(() => Parse([])).Line);
        Assert.Contains("empty", Assert.Throws<AttendanceReportFormatException>(() => Parse([0xFF, 0xFE])).Message, StringComparison.Ordinal);
        Rejects(" \r\n \r\n");
    }

    [Fact]
    public void NoParticipantTable_IsRejected()
    {
        var error = Rejects("Topic,ID,Host,Duration (minutes),Start time\nSet 4,812,Robin,120,11/22/2024 02:00:00 PM\n");
        Assert.Null(error.Line);
        Assert.Contains("No list of participants", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SomethingElseEntirely_IsRejected()
    {
        Assert.Throws<AttendanceReportFormatException>(() => Parse(Encoding.UTF8.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")));
        Assert.Throws<AttendanceReportFormatException>(() => Parse(Utf16WithBom("Dear colleagues,\r\nplease find attached.\r\n")));
    }

    [Fact]
    public void HeaderOnly_HasNoRows() =>
        Assert.Empty(AttendanceReportParser.ParseText("Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\n").Rows);

    [Fact]
    public void TooLarge_IsRejected()
    {
        var error = Assert.Throws<AttendanceReportFormatException>(() => Parse(new byte[AttendanceReportParser.MaxBytes + 1]));
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }
}
