using System.Net;
using System.Text;
using AngleSharp.Dom;
using ClosedXML.Excel;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Participants;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>
/// The programme's attendance figures, their exports and missed two in a row, checked against a small programme
/// worked out by hand. Each test seeds its own strand and looks at that strand only.
/// </summary>
/// <remarks>
/// <para>The programme (test clock: 25 November 2026):</para>
/// <list type="table">
/// <item><term>S1, 11 Sep 2026, virtual workshop, no cohort</term><description>A present, B late, C absent, D excused (apologies); E only waiting: not expected.</description></item>
/// <item><term>S2, 9 Oct 2026, virtual workshop, no cohort</term><description>A present, B left early, C absent, D booked but not marked.</description></item>
/// <item><term>S3, 20 Oct 2026, taught day, the cohort</term><description>A excused, B present.</description></item>
/// <item><term>S4, 11 Dec 2026</term><description>A booked: not started, left out.</description></item>
/// <item><term>S5, 30 Oct 2026, cancelled</term><description>A booked and marked present: cancelled, left out.</description></item>
/// </list>
/// <para>So: 3 sessions, 10 expected, 9 marked, 3 present, 1 late, 1 left early, 2 excused, 2 absent, 5 attended, rate
/// 5/9 = 55.6%. No cohort (S1, S2): 2 sessions, 8 expected, 7 marked, attended 4, rate 4/7 = 57.1%. The cohort (S3):
/// 1, 2, 2, attended 1, 50%. September: 1, 4, 4, attended 2, 50%. October: 2, 6, 5, attended 3, 60%. C missed their
/// two most recent marked sessions (S1 and S2); A's most recent is excused but the one before present; D has one
/// marked session only.</para>
/// </remarks>
public abstract class AttendanceFiguresPageTests(UponApp app)
{
    private sealed record Programme(Strand Strand, Cohort Cohort, Session S1, Session S2, Session S3, Participant A, Participant B, Participant C, Participant D);

    private async Task<Programme> SeedAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var strand = await SessionSeed.StrandAsync(app, $"Figures {suffix}");
        var cohort = await SessionSeed.CohortAsync(app, strand, $"2026-27 cohort {suffix}");
        var people = await SessionSeed.ParticipantsAsync(app, strand, 5);
        var (a, b, c, d, e) = (people[0], people[1], people[2], people[3], people[4]);
        var s1 = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 9, 11, 14, 0), title: "September workshop");
        var s2 = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 10, 9, 14, 0), title: "October workshop");
        var s3 = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 10, 20, 9, 30), hours: 7, type: SessionType.TaughtDay, title: "Finance and resources", cohort: cohort);
        var s4 = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 12, 11, 14, 0), title: "December workshop");
        var s5 = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 10, 30, 14, 0), title: "Cancelled workshop", status: SessionStatus.Cancelled);

        await SessionSeed.PlacesAsync(app, s1, [a, b, c]);
        await SessionSeed.PlacesAsync(app, s1, [e], BookingStatus.Waitlisted);
        await SessionSeed.ApologyAsync(app, s1, d, "Unwell");
        await SessionSeed.MarkAsync(app, s1, a, AttendanceMark.Present);
        await SessionSeed.MarkAsync(app, s1, b, AttendanceMark.Late);
        await SessionSeed.MarkAsync(app, s1, c, AttendanceMark.Absent);
        await SessionSeed.MarkAsync(app, s1, d, AttendanceMark.Excused);

        await SessionSeed.PlacesAsync(app, s2, [a, b, c, d]);
        await SessionSeed.MarkAsync(app, s2, a, AttendanceMark.Present);
        await SessionSeed.MarkAsync(app, s2, b, AttendanceMark.LeftEarly, AttendanceSource.Zoom, minutes: 88);
        await SessionSeed.MarkAsync(app, s2, c, AttendanceMark.Absent);

        await SessionSeed.PlacesAsync(app, s3, [a, b]);
        await SessionSeed.MarkAsync(app, s3, a, AttendanceMark.Excused);
        await SessionSeed.MarkAsync(app, s3, b, AttendanceMark.Present);

        await SessionSeed.PlacesAsync(app, s4, [a]);
        await SessionSeed.PlacesAsync(app, s5, [a]);
        await SessionSeed.MarkAsync(app, s5, a, AttendanceMark.Present);
        return new Programme(strand, cohort, s1, s2, s3, a, b, c, d);
    }

    /// <summary>Sessions, expected, marked, present, late, left early, excused, absent, attended, rate, as the table shows them.</summary>
    private static string[] Figures(IDocument page, string table, string key)
    {
        var row = page.QuerySelector($"#{table} tr[data-key='{key}']") ?? throw new InvalidOperationException($"No row {key} in #{table}.");
        return [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
    }

    [SkippableFact]
    public async Task TheFigures_MatchTheProgrammeWorkedOutByHand_WithTheirDefinitions()
    {
        app.RequireDatabase();
        var p = await SeedAsync();
        var client = app.CreateClient(Roles.PartnerStaff);

        var page = await client.GetDocumentAsync($"/sessions/attendance?Strand={p.Strand.Id}");

        Assert.Empty(page.ErrorSummary());
        Assert.Equal("26", page.QuerySelector("#From-day")!.GetAttribute("value"));
        Assert.Equal("2025", page.QuerySelector("#From-year")!.GetAttribute("value"));
        Assert.Equal("25", page.QuerySelector("#To-day")!.GetAttribute("value"));
        Assert.Equal("55.6%", page.QuerySelector("#total-rate")!.TextContent.Trim());
        Assert.Equal(["3", "10", "9", "3", "1", "1", "2", "2", "5", "55.6%"], Figures(page, "by-strand", p.Strand.Name));
        Assert.Equal(["1", "2", "2", "1", "0", "0", "1", "0", "1", "50.0%"], Figures(page, "by-cohort", p.Cohort.Name));
        Assert.Equal(["2", "8", "7", "2", "1", "1", "1", "2", "4", "57.1%"], Figures(page, "by-cohort", ""));
        Assert.Equal("No cohort", page.QuerySelector("#by-cohort tr[data-key=''] th")!.TextContent.Trim());
        Assert.Equal(["2", "8", "7", "2", "1", "1", "1", "2", "4", "57.1%"], Figures(page, "by-session-type", "virtual-workshop"));
        Assert.Equal(["1", "2", "2", "1", "0", "0", "1", "0", "1", "50.0%"], Figures(page, "by-session-type", "taught-day"));
        Assert.Equal(["1", "4", "4", "1", "1", "0", "1", "1", "2", "50.0%"], Figures(page, "by-month", "2026-09"));
        Assert.Equal(["2", "6", "5", "2", "0", "1", "1", "1", "3", "60.0%"], Figures(page, "by-month", "2026-10"));
        Assert.Equal(["2026-09", "2026-10"], page.QuerySelectorAll("#by-month tbody tr").Select(r => r.GetAttribute("data-key")));

        var definitions = AttendanceTesting.Squash(page.QuerySelector("#definitions")!.TextContent);
        Assert.Contains("Attended Marked present, late or left early. Excused (apologies) and absent are not attended.", definitions, StringComparison.Ordinal);
        Assert.Contains("Attendance rate Attended ÷ marked.", definitions, StringComparison.Ordinal);
        Assert.Equal($"/sessions/attendance.xlsx?from=2025-11-26&to=2026-11-25&strand={p.Strand.Id}", page.QuerySelector("#download-xlsx")!.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task MissedTwoInARow_ListsWhoMissedTheirTwoMostRecentMarkedSessions_WithinTheDates()
    {
        app.RequireDatabase();
        var p = await SeedAsync();
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync($"/sessions/attendance?Strand={p.Strand.Id}");

        var listed = page.QuerySelectorAll("#missed tbody tr").Select(r => r.GetAttribute("data-participant-id")).ToList();
        Assert.Equal([p.C.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], listed);
        var row = page.QuerySelector($"#missed tr[data-participant-id='{p.C.Id}']")!;
        Assert.Equal($"/participants/{p.C.Id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("11 September 2026: September workshop", AttendanceTesting.Squash(row.TextContent), StringComparison.Ordinal);
        Assert.Contains("9 October 2026: October workshop", AttendanceTesting.Squash(row.TextContent), StringComparison.Ordinal);

        // October only: C has one marked session in the dates, so is not listed; the figures are October's.
        var october = await client.GetDocumentAsync(
            $"/sessions/attendance?From.day=1&From.month=10&From.year=2026&To.day=31&To.month=10&To.year=2026&Strand={p.Strand.Id}");
        Assert.NotNull(october.QuerySelector("#no-missed"));
        Assert.Equal(["2", "6", "5", "2", "0", "1", "1", "1", "3", "60.0%"], Figures(october, "by-strand", p.Strand.Name));
    }

    [SkippableFact]
    public async Task DatesTheWrongWayRound_OrNotReal_AreErrors()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var backwards = await client.GetDocumentAsync("/sessions/attendance?From.day=31&From.month=10&From.year=2026&To.day=1&To.month=10&To.year=2026");
        Assert.Equal(["The end date must be the same as or after the start date"], backwards.ErrorSummary());
        Assert.Null(backwards.QuerySelector("#by-strand"));

        var unreal = await client.GetDocumentAsync("/sessions/attendance?From.day=30&From.month=2&From.year=2026&To.day=1&To.month=10&To.year=2026&Strand=abc");
        Assert.Equal(["Start date must be a real date", "Select a strand from the list"], unreal.ErrorSummary());
    }

    [SkippableFact]
    public async Task TheCsv_HasEveryGroupingWithAGroupingColumn_OrOneGroupingWithBy()
    {
        app.RequireDatabase();
        var p = await SeedAsync();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri($"/sessions/attendance.csv?strand={p.Strand.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"upon-attendance-2025-11-26-to-2026-11-25-{p.Strand.Slug}.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "grouping,key,label,sessions,expected,marked,present,late,left_early,excused,absent,attended,attendance_rate",
            $"strand,{p.Strand.Name},{p.Strand.Name},3,10,9,3,1,1,2,2,5,0.5556",
            $"cohort,{p.Cohort.Name},{p.Cohort.Name},1,2,2,1,0,0,1,0,1,0.5",
            "cohort,,No cohort,2,8,7,2,1,1,1,2,4,0.5714",
            "session-type,virtual-workshop,Virtual workshop,2,8,7,2,1,1,1,2,4,0.5714",
            "session-type,taught-day,Taught day,1,2,2,1,0,0,1,0,1,0.5",
            "month,2026-09,September 2026,1,4,4,1,1,0,1,1,2,0.5",
            "month,2026-10,October 2026,2,6,5,2,0,1,1,1,3,0.6",
        ], lines);

        var byMonth = await client.GetAsync(new Uri($"/sessions/attendance.csv?by=month&from=2026-10-01&to=2026-10-31&strand={p.Strand.Id}", UriKind.Relative));
        Assert.Equal($"upon-attendance-2026-10-01-to-2026-10-31-{p.Strand.Slug}-by-month.csv", byMonth.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(["month,2026-10,October 2026,2,6,5,2,0,1,1,1,3,0.6"],
            (await byMonth.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/sessions/attendance.csv?by=weekday", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri("/sessions/attendance.csv?from=2026-10-31&to=2026-10-01", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task TheMarksCsv_HasARowForEveryMark_WithTheSessionAndThePerson()
    {
        app.RequireDatabase();
        var p = await SeedAsync();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri($"/sessions/attendance/marks.csv?strand={p.Strand.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("session_id,session_date,session_start,session_title,strand,cohort,session_type,participant_id,participant,email,mark,minutes,source,recorded_at,recorded_by", lines[0]);
        Assert.Equal(10, lines.Length);
        Assert.Contains($"{p.S2.Id},2026-10-09,14:00,October workshop,{p.Strand.Name},,virtual-workshop,{p.B.Id},{p.B.FullName},{p.B.Email},left-early,88,zoom,2026-10-10T15:00:00Z,seed@upon.test", lines);
        Assert.Contains($"{p.S3.Id},2026-10-20,09:30,Finance and resources,{p.Strand.Name},{p.Cohort.Name},taught-day,{p.A.Id},{p.A.FullName},{p.A.Email},excused,,register,2026-10-21T15:30:00Z,seed@upon.test", lines);
        Assert.DoesNotContain(lines, l => l.Contains("Cancelled workshop", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task TheWorkbook_HasAWorksheetPerGroupingAndOneForMissedTwoInARow_WithBoldHeadersAndPercentages()
    {
        app.RequireDatabase();
        var p = await SeedAsync();
        var client = app.CreateClient(Roles.PartnerStaff);

        var response = await client.GetAsync(new Uri($"/sessions/attendance.xlsx?strand={p.Strand.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Strand", "Cohort", "Session type", "Month", "Missed two in a row"], workbook.Worksheets.Select(w => w.Name));

        var strand = workbook.Worksheet("Strand");
        Assert.Equal(["Strand", "Sessions", "Expected", "Marked", "Present", "Late", "Left early", "Excused", "Absent", "Attended", "Attendance rate"],
            Enumerable.Range(1, 11).Select(c => strand.Cell(1, c).GetString()));
        Assert.All(Enumerable.Range(1, 11), c => Assert.True(strand.Cell(1, c).Style.Font.Bold));
        Assert.Equal(p.Strand.Name, strand.Cell(2, 1).GetString());
        Assert.Equal([3, 10, 9, 3, 1, 1, 2, 2, 5], Enumerable.Range(2, 9).Select(c => strand.Cell(2, c).GetValue<int>()));
        Assert.Equal(0.5556, strand.Cell(2, 11).GetDouble());
        Assert.Equal("0.0%", strand.Cell(2, 11).Style.NumberFormat.Format);
        Assert.Equal("All sessions", strand.Cell(3, 1).GetString());

        var month = workbook.Worksheet("Month");
        Assert.Equal(["September 2026", "October 2026", "All sessions"], Enumerable.Range(2, 3).Select(r => month.Cell(r, 1).GetString()));
        Assert.Equal(0.6, month.Cell(3, 11).GetDouble());
        var cohort = workbook.Worksheet("Cohort");
        Assert.Equal("No cohort", cohort.Cell(3, 1).GetString());
        Assert.Equal(0.5714, cohort.Cell(3, 11).GetDouble());

        var missed = workbook.Worksheet("Missed two in a row");
        Assert.True(missed.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(p.C.FullName, missed.Cell(2, 1).GetString());
        Assert.Equal(p.C.Email, missed.Cell(2, 2).GetString());
        Assert.Equal("September workshop", missed.Cell(2, 3).GetString());
        Assert.Equal(new DateTime(2026, 9, 11), missed.Cell(2, 4).GetDateTime());
        Assert.Equal("Absent", missed.Cell(2, 8).GetString());
        Assert.True(missed.Cell(3, 1).IsEmpty());
    }
}

public sealed class AttendanceFiguresPageTests_Sqlite(SqliteApp app) : AttendanceFiguresPageTests(app), IClassFixture<SqliteApp>;

public sealed class AttendanceFiguresPageTests_Postgres(PostgresApp app) : AttendanceFiguresPageTests(app), IClassFixture<PostgresApp>;
