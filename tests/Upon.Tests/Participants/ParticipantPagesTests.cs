using System.Globalization;
using System.Net;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Participants;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Participants;

/// <summary>Staff's participant list and record pages, and a participant's own attendance record.</summary>
public abstract class ParticipantPagesTests(UponApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [SkippableFact]
    public async Task TheList_SearchesByNameOrEmail_FiltersByStrandAndStatus_AndCountsEachStatus()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var other = await SessionSeed.StrandAsync(app);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        var batch = people[0].FamilyName;
        await app.WithDbAsync(async db =>
        {
            var finished = await db.Enrolments.FindAsync(people[1].Enrolments[0].Id);
            finished!.EndsOn = new LocalDate(2026, 6, 30);
            var starting = await db.Enrolments.FindAsync(people[2].Enrolments[0].Id);
            starting!.StartsOn = new LocalDate(2027, 1, 1);
            await db.SaveChangesAsync();
        });
        var elsewhere = (await SessionSeed.ParticipantsAsync(app, other, 1))[0];
        var session = await SessionSeed.SessionAsync(app, strand, 5, AttendanceTesting.LastFriday);
        await SessionSeed.PlacesAsync(app, session, [people[0]]);
        await SessionSeed.MarkAsync(app, session, people[0], AttendanceMark.Late);
        var client = app.CreateClient(Roles.PartnerStaff);

        var found = await client.GetDocumentAsync($"/participants?q={Uri.EscapeDataString(batch.ToUpperInvariant())}");

        var ids = found.QuerySelectorAll("#participants tbody tr").Select(r => r.GetAttribute("data-participant-id")).ToList();
        Assert.Equal(people.Select(p => Id(p.Id)).Order(), ids.Order());
        string Count(string status) => found.QuerySelector($"#status-filter tr[data-status='{status}'] [data-count]")!.TextContent.Trim();
        Assert.Equal(("3", "1", "1", "1", "0"), (Count("all"), Count("current"), Count("starting"), Count("finished"), Count("not-enrolled")));
        Assert.Equal("100.0%", found.QuerySelector($"#participants tr[data-participant-id='{people[0].Id}'] [data-rate]")!.TextContent.Trim().Split('\n')[0].Trim());

        var current = await client.GetDocumentAsync($"/participants?q={batch}&status=current");
        Assert.Equal([Id(people[0].Id)], current.QuerySelectorAll("#participants tbody tr").Select(r => r.GetAttribute("data-participant-id")));
        Assert.Equal("3", current.QuerySelector("#status-filter tr[data-status='all'] [data-count]")!.TextContent.Trim());

        var byEmail = await client.GetDocumentAsync($"/participants?q={Uri.EscapeDataString(elsewhere.Email)}");
        Assert.Equal([Id(elsewhere.Id)], byEmail.QuerySelectorAll("#participants tbody tr").Select(r => r.GetAttribute("data-participant-id")));

        var byStrand = await client.GetDocumentAsync($"/participants?strand={other.Id}");
        Assert.Equal([Id(elsewhere.Id)], byStrand.QuerySelectorAll("#participants tbody tr").Select(r => r.GetAttribute("data-participant-id")));

        var unknown = await client.GetDocumentAsync("/participants?strand=999999");
        Assert.Equal(["Select a strand from the list"], unknown.ErrorSummary());
    }

    [SkippableFact]
    public async Task TheRecordPage_ShowsDetailsEnrolmentsPlacesToComeAndTheAttendanceRecord()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        var (me, other) = (people[0], people[1]);
        var first = await SessionSeed.SessionAsync(app, strand, 5, new LocalDateTime(2026, 10, 9, 14, 0), title: "October workshop");
        var second = await SessionSeed.SessionAsync(app, strand, 5, AttendanceTesting.LastFriday, title: "November workshop");
        var third = await SessionSeed.SessionAsync(app, strand, 5, new LocalDateTime(2026, 11, 23, 14, 0), title: "Unmarked workshop");
        var coming = await SessionSeed.SessionAsync(app, strand, 5, new LocalDateTime(2027, 1, 15, 14, 0), title: "January workshop");
        await SessionSeed.PlacesAsync(app, first, [me, other]);
        await SessionSeed.PlacesAsync(app, third, [me]);
        await SessionSeed.PlacesAsync(app, coming, [me]);
        await SessionSeed.ApologyAsync(app, second, me, "Court hearing");
        await SessionSeed.MarkAsync(app, first, me, AttendanceMark.Absent);
        await SessionSeed.MarkAsync(app, first, other, AttendanceMark.Present);
        await SessionSeed.MarkAsync(app, second, me, AttendanceMark.Excused);
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync($"/participants/{me.Id}");

        Assert.Equal(me.FullName, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(me.Email, page.QuerySelector("#details")!.TextContent);
        Assert.Equal("Current", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("#enrolments tbody tr"));
        Assert.Equal([Id(coming.Id)], page.QuerySelectorAll("#upcoming tbody tr").Select(r => r.GetAttribute("data-session-id")));
        Assert.Equal([Id(third.Id), Id(second.Id), Id(first.Id)], page.QuerySelectorAll("#attendance tbody tr").Select(r => r.GetAttribute("data-session-id")));
        Assert.Equal(["", "excused", "absent"], page.QuerySelectorAll("#attendance tbody tr [data-mark]").Select(c => c.GetAttribute("data-mark")));
        Assert.Contains("Apologies: Court hearing", page.QuerySelector($"#attendance tr[data-session-id='{second.Id}']")!.TextContent);
        Assert.StartsWith("0.0% attendance: 0 of 2 marked sessions attended.", AttendanceTesting.Squash(page.QuerySelector("#attendance-rate")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("missed the two most recent marked sessions", page.QuerySelector("#missed-two")!.TextContent);
        Assert.Equal($"/sessions/{first.Id}/register", page.QuerySelector($"#attendance tr[data-session-id='{first.Id}'] a")!.GetAttribute("href"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/participants/999999", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task AParticipant_SeesTheirOwnAttendanceRecordOnly()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var other = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var mine = await SessionSeed.SessionAsync(app, strand, 5, new LocalDateTime(2026, 11, 13, 14, 0), title: "Mine");
        var theirs = await SessionSeed.SessionAsync(app, strand, 5, new LocalDateTime(2026, 11, 6, 14, 0), title: "Theirs only");
        await SessionSeed.PlacesAsync(app, mine, [me, other]);
        await SessionSeed.PlacesAsync(app, theirs, [other]);
        await SessionSeed.MarkAsync(app, mine, me, AttendanceMark.Late, AttendanceSource.Teams, minutes: 100);
        await SessionSeed.MarkAsync(app, mine, other, AttendanceMark.Absent);
        await SessionSeed.MarkAsync(app, theirs, other, AttendanceMark.Absent);
        var client = app.CreateClient(Roles.Participant);

        var page = await client.GetDocumentAsync("/my/attendance");

        var rows = page.QuerySelectorAll("#attendance tbody tr").Select(r => r.GetAttribute("data-session-id")).ToList();
        Assert.Contains(Id(mine.Id), rows);
        Assert.DoesNotContain(Id(theirs.Id), rows);
        var row = page.QuerySelector($"#attendance tr[data-session-id='{mine.Id}']")!;
        Assert.Equal("late", row.QuerySelector("[data-mark]")!.GetAttribute("data-mark"));
        Assert.Contains("Microsoft Teams report (100 minutes)", row.TextContent);
        Assert.DoesNotContain("seed@upon.test", page.Body!.TextContent);
        Assert.DoesNotContain(other.FullName, page.Body.TextContent);
        Assert.Equal($"/my/sessions/{mine.Id}", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [SkippableTheory]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Coach)]
    [InlineData(Roles.Funder)]
    public async Task OtherRoles_AreRefusedTheStaffPages_AndCannotMarkARegister(string role)
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var session = await SessionSeed.SessionAsync(app, strand, 5, AttendanceTesting.LastFriday);
        await SessionSeed.PlacesAsync(app, session, [person]);
        var client = app.CreateClient(role);

        foreach (var url in new[]
        {
            "/participants", $"/participants/{person.Id}", "/sessions/attendance", "/sessions/attendance.csv", "/sessions/attendance.xlsx",
            "/sessions/attendance/marks.csv", $"/sessions/{session.Id}/register", $"/sessions/{session.Id}/register/import",
        })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
                $"{role} got {(int)response.StatusCode} from {url}");
        }
        var token = (await client.GetDocumentAsync("/account")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync(new Uri($"/sessions/{session.Id}/register", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [$"Marks[{person.Id}]"] = "present",
            ["__RequestVerificationToken"] = token,
        }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));
    }
}

public sealed class ParticipantPagesTests_Sqlite(SqliteApp app) : ParticipantPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ParticipantPagesTests_Postgres(PostgresApp app) : ParticipantPagesTests(app), IClassFixture<PostgresApp>;
