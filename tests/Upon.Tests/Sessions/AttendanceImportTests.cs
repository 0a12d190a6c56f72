using System.Net;
using System.Text;
using AngleSharp.Dom;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Participants;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Register.Pages;

namespace Upon.Tests.Sessions;

/// <summary>
/// Importing Microsoft Teams and Zoom attendance reports into a register: a preview that saves nothing, unmatched rows
/// listed with their line and why, then a confirmation that saves the marks in one go.
/// </summary>
public abstract class AttendanceImportTests(UponApp app)
{
    /// <summary>A Teams meeting attendance report as Teams writes it: UTF-16 LE with a byte-order mark, tabs, CRLF, UK dates.</summary>
    private static byte[] TeamsReport(params string[] participantRows)
    {
        var lines = new List<string>
        {
            "1. Summary",
            "Meeting title\tLeading through inspection",
            "Attended participants\t" + participantRows.Length,
            "Start time\t20/11/2026, 13:58:00",
            "End time\t20/11/2026, 16:01:00",
            "Meeting duration\t2h 3m",
            "",
            "2. Participants",
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
        };
        lines.AddRange(participantRows);
        lines.Add("");
        lines.Add("3. In-Meeting Activities");
        lines.Add("Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole");
        return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(string.Join("\r\n", lines) + "\r\n")];
    }

    private static string TeamsRow(string name, string? email, string join, string leave, string duration) =>
        $"{name}\t20/11/2026, {join}\t20/11/2026, {leave}\t{duration}\t{email}\t{email}\tAttendee";

    /// <summary>A Zoom participants report: UTF-8 with a byte-order mark, a meeting block, a blank line, then the participants.</summary>
    private static byte[] ZoomReport(params string[] participantRows)
    {
        var lines = new List<string>
        {
            "Topic,ID,Host,Duration (minutes),Start time,End time,Participants",
            "Leading through inspection,812 3456 7890,Programme Team,125,11/20/2026 01:58:00 PM,11/20/2026 04:03:00 PM," + participantRows.Length,
            "",
            "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room",
        };
        lines.AddRange(participantRows);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];
    }

    private async Task<(Session Session, List<Participant> People)> SessionWithPeopleAsync(int count)
    {
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 10, start: AttendanceTesting.LastFriday);
        var people = await SessionSeed.ParticipantsAsync(app, strand, count);
        return (session, people);
    }

    private static IElement Row(IDocument page, string table, int participantId) =>
        page.QuerySelector($"#{table} tr[data-participant-id='{participantId}']") ?? throw new InvalidOperationException($"No row for {participantId} in #{table}.");

    [SkippableFact]
    public async Task ATeamsReport_IsPreviewedWithReasons_UnmatchedRowsListed_NothingSavedUntilConfirmed()
    {
        app.RequireDatabase();
        var (session, people) = await SessionWithPeopleAsync(5);
        var (a, b, c, d, e) = (people[0], people[1], people[2], people[3], people[4]);
        await SessionSeed.PlacesAsync(app, session, [a, b, c, e]);
        await SessionSeed.ApologyAsync(app, session, d, "Full council meeting");
        var client = app.CreateClient(Roles.PartnerStaff);
        var url = $"/sessions/{session.Id}/register/import";
        var report = TeamsReport(
            TeamsRow(a.FullName, a.Email, "13:58:00", "16:00:00", "2h 2m"),
            TeamsRow(b.FullName, b.Email.ToUpperInvariant(), "14:25:00", "16:00:00", "1h 35m"),
            TeamsRow(c.FullName, c.Email, "14:00:00", "15:10:00", "1h 10m"),
            TeamsRow("Guest (Unverified)", null, "14:05:00", "15:55:00", "1h 50m"),
            TeamsRow("Robin Stranger", "robin.stranger@example.org", "14:00:00", "16:00:00", "2h"));

        var response = await client.PostFileAsync(url, "ReportFile", "meetingAttendanceReport(Leading through inspection).csv", report);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await Html.ParseAsync(response);
        Assert.Empty(preview.ErrorSummary());
        Assert.Contains("Microsoft Teams report with 5 rows: 3 matched, 2 rows not matched, 2 expected but not in the report. Nothing has been saved yet.",
            AttendanceTesting.Squash(preview.QuerySelector("#preview-summary")!.TextContent));
        Assert.Equal("present", Row(preview, "proposed", a.Id).QuerySelector("[data-mark]")!.GetAttribute("data-mark"));
        Assert.Equal("late", Row(preview, "proposed", b.Id).QuerySelector("[data-mark]")!.GetAttribute("data-mark"));
        Assert.Contains("Joined at 14:25, 25 minutes after the start", Row(preview, "proposed", b.Id).TextContent);
        Assert.Equal("left-early", Row(preview, "proposed", c.Id).QuerySelector("[data-mark]")!.GetAttribute("data-mark"));
        Assert.Contains("left at 15:10, 50 minutes before the end", Row(preview, "proposed", c.Id).TextContent);
        var unmatched = preview.QuerySelector("#unmatched")!.Rows();
        Assert.Equal(["13", "Guest (Unverified)", "none", "The report gives no email address, and people are matched by email only."], unmatched[0]);
        Assert.Equal(["14", "Robin Stranger", "robin.stranger@example.org", "Nobody booked on this session has this email address."], unmatched[1]);
        Assert.Contains("Full council meeting", Row(preview, "not-in-report", d.Id).TextContent);
        Assert.NotNull(Row(preview, "not-in-report", e.Id));
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));

        var confirmed = await client.SubmitAsync(preview, url, "#confirm-form", new Dictionary<string, string?> { ["NotInReport"] = "absent" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/sessions/{session.Id}/register", confirmed.Headers.Location?.OriginalString);
        var marks = (await SessionSeed.MarksAsync(app, session.Id)).ToDictionary(m => m.ParticipantId);
        Assert.Equal((AttendanceMark.Present, 122, AttendanceSource.Teams), (marks[a.Id].Mark, marks[a.Id].Minutes, marks[a.Id].Source));
        Assert.Equal((AttendanceMark.Late, 95, AttendanceSource.Teams), (marks[b.Id].Mark, marks[b.Id].Minutes, marks[b.Id].Source));
        Assert.Equal((AttendanceMark.LeftEarly, 70, AttendanceSource.Teams), (marks[c.Id].Mark, marks[c.Id].Minutes, marks[c.Id].Source));
        Assert.Equal((AttendanceMark.Excused, (int?)null), (marks[d.Id].Mark, marks[d.Id].Minutes));
        Assert.Equal((AttendanceMark.Absent, (int?)null), (marks[e.Id].Mark, marks[e.Id].Minutes));
        Assert.All(marks.Values, m => Assert.Equal(UponApp.EmailFor(Roles.PartnerStaff), m.RecordedBy));
        var register = await client.GetDocumentAsync($"/sessions/{session.Id}/register");
        Assert.Contains("Attendance saved: 5 marks added. From the Microsoft Teams report; not in the report: 1 marked absent, 1 excused (apologies).",
            register.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Microsoft Teams report (122 minutes)", Row(register, "register", a.Id).QuerySelector("[data-recorded]")!.TextContent);
    }

    [SkippableFact]
    public async Task AZoomReport_CombinesRejoins_AndLeavingThoseNotInTheReportUnmarkedWritesOnlyTheMatches()
    {
        app.RequireDatabase();
        var (session, people) = await SessionWithPeopleAsync(3);
        var (a, b, c) = (people[0], people[1], people[2]);
        await SessionSeed.PlacesAsync(app, session, people);
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register/import";
        var report = ZoomReport(
            $"{a.FullName},{a.Email},11/20/2026 02:00:00 PM,11/20/2026 02:40:00 PM,40,No,No",
            $"{a.FullName},{a.Email},11/20/2026 02:45:00 PM,11/20/2026 04:00:00 PM,75,No,No",
            $"\"{b.FamilyName}, {b.GivenName}\",{b.Email},11/20/2026 02:02:00 PM,11/20/2026 03:30:00 PM,88,No,No",
            "Zed Guest,,11/20/2026 02:00:00 PM,11/20/2026 04:00:00 PM,120,Yes,No",
            $"{c.FullName},{c.Email},11/20/2026 01:50:00 PM,11/20/2026 01:55:00 PM,5,No,Yes");

        var preview = await Html.ParseAsync(await client.PostFileAsync(url, "ReportFile", "participants_81234567890.csv", report));

        Assert.Empty(preview.ErrorSummary());
        Assert.StartsWith("Zoom report with 4 rows", preview.QuerySelector("#preview-summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("(2 rows combined)", Row(preview, "proposed", a.Id).TextContent);
        Assert.Equal("left-early", Row(preview, "proposed", b.Id).QuerySelector("[data-mark]")!.GetAttribute("data-mark"));
        Assert.Equal(["8"], preview.QuerySelectorAll("#unmatched tbody tr").Select(r => r.GetAttribute("data-line")));
        Assert.NotNull(Row(preview, "not-in-report", c.Id));
        Assert.Equal("leave", preview.QuerySelector("input[name=NotInReport][checked]")!.GetAttribute("value"));
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));

        var confirmed = await client.SubmitAsync(preview, url, "#confirm-form");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var marks = await SessionSeed.MarksAsync(app, session.Id);
        Assert.Equal(
            [(a.Id, AttendanceMark.Present, (int?)115, AttendanceSource.Zoom), (b.Id, AttendanceMark.LeftEarly, 88, AttendanceSource.Zoom)],
            marks.Select(m => (m.ParticipantId, m.Mark, m.Minutes, m.Source)));
    }

    [SkippableFact]
    public async Task AMalformedReport_NamesTheLineAndWhy_AndWritesNothing()
    {
        app.RequireDatabase();
        var (session, people) = await SessionWithPeopleAsync(2);
        await SessionSeed.PlacesAsync(app, session, people);
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register/import";
        var report = ZoomReport(
            $"{people[0].FullName},{people[0].Email},11/20/2026 02:00:00 PM,11/20/2026 04:00:00 PM,120,No,No",
            $"{people[1].FullName},{people[1].Email},11/20/2026 02:00:00 PM,11/20/2026 04:00:00 PM,two hours,No,No");

        var response = await client.PostFileAsync(url, "ReportFile", "participants.csv", report);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(["Line 6 of the file: \"two hours\" in the Duration (minutes) column is not a number of minutes."], page.ErrorSummary());
        Assert.Equal("#ReportFile", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#confirm-form"));
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));

        var notAReport = await Html.ParseAsync(await client.PostFileAsync(url, "ReportFile", "notes.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n")));
        Assert.StartsWith("No list of participants was found.", Assert.Single(notAReport.ErrorSummary()), StringComparison.Ordinal);
        var wrongKind = await Html.ParseAsync(await client.PostFileAsync(url, "ReportFile", "report.xlsx", [1, 2, 3]));
        Assert.Equal(["The selected file must be a CSV: the attendance report as Teams or Zoom downloads it"], wrongKind.ErrorSummary());
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));
    }

    [SkippableFact]
    public async Task AConfirmationNamingSomeoneOutsideTheSession_IsRefused_AndWritesNothing()
    {
        app.RequireDatabase();
        var (session, people) = await SessionWithPeopleAsync(2);
        await SessionSeed.PlacesAsync(app, session, [people[0]]);
        var outsider = people[1];
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register/import";
        var preview = await Html.ParseAsync(await client.PostFileAsync(url, "ReportFile", "participants.csv", ZoomReport(
            $"{people[0].FullName},{people[0].Email},11/20/2026 02:00:00 PM,11/20/2026 04:00:00 PM,120,No,No")));

        var tampered = await client.SubmitAsync(preview, url, "#confirm-form", new Dictionary<string, string?>
        {
            ["Proposed[1].ParticipantId"] = outsider.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Proposed[1].Mark"] = "present",
            ["Proposed[1].Minutes"] = "120",
        });

        Assert.Equal(HttpStatusCode.OK, tampered.StatusCode);
        Assert.Equal(["Proposed mark 2 is for someone not expected at this session. Upload the report again"], (await Html.ParseAsync(tampered)).ErrorSummary());
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));

        var badMark = await client.SubmitAsync(preview, url, "#confirm-form", new Dictionary<string, string?> { ["Proposed[0].Mark"] = "asleep" });
        Assert.Equal([$"The proposed mark for {people[0].FullName} is not present, late, left early, excused or absent. Upload the report again"],
            (await Html.ParseAsync(badMark)).ErrorSummary());
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));
    }
}

public sealed class AttendanceImportTests_Sqlite(SqliteApp app) : AttendanceImportTests(app), IClassFixture<SqliteApp>;

public sealed class AttendanceImportTests_Postgres(PostgresApp app) : AttendanceImportTests(app), IClassFixture<PostgresApp>;
