using System.Net;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>Staff mark a session's register in one page: everyone expected, one mark each, saved all at once.</summary>
public abstract class AttendanceRegisterTests(UponApp app)
{
    [SkippableFact]
    public async Task TheRegister_ListsSeatsAndApologies_NotTheWaitingList_AndStartsApologiesAsExcused()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 2, start: AttendanceTesting.LastFriday);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 4);
        await SessionSeed.PlacesAsync(app, session, people[..2]);
        await SessionSeed.ApologyAsync(app, session, people[2], "Ofsted focused visit that week");
        await SessionSeed.PlacesAsync(app, session, [people[3]], BookingStatus.Waitlisted);
        var client = app.CreateClient(Roles.PartnerStaff);

        var page = await client.GetDocumentAsync($"/sessions/{session.Id}/register");

        var rows = page.QuerySelectorAll("#register tbody tr").Select(r => r.GetAttribute("data-participant-id")).ToList();
        Assert.Equal(people[..3].Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Order());
        var apologyRow = page.QuerySelector($"#register tr[data-participant-id='{people[2].Id}']")!;
        Assert.Contains("Ofsted focused visit that week", apologyRow.QuerySelector("[data-apology]")!.TextContent);
        Assert.Equal("excused", apologyRow.QuerySelector("input[type=radio][checked]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector($"#register tr[data-participant-id='{people[0].Id}'] input[checked]"));
        Assert.Equal(5, page.QuerySelectorAll($"#register tr[data-participant-id='{people[0].Id}'] .govuk-radios--small.govuk-radios--inline input[type=radio]").Length);
        Assert.Equal("Not marked yet", page.QuerySelector("#last-marked")!.TextContent.Trim());

        var preset = await client.GetDocumentAsync($"/sessions/{session.Id}/register?preset=present");
        Assert.Equal("present", preset.QuerySelector($"#register tr[data-participant-id='{people[0].Id}'] input[checked]")!.GetAttribute("value"));
        Assert.Equal("excused", preset.QuerySelector($"#register tr[data-participant-id='{people[2].Id}'] input[checked]")!.GetAttribute("value"));
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));
    }

    [SkippableFact]
    public async Task MarkingTheRegister_SavesEveryMarkInOnePost_ThenRemarkingUpdatesOnlyWhatChanged_AndIsAudited()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5, start: AttendanceTesting.LastFriday);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        await SessionSeed.PlacesAsync(app, session, people[..2]);
        await SessionSeed.ApologyAsync(app, session, people[2], "Annual leave");
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register";

        // One row left blank: the error names the person, and nothing is saved.
        var page = await client.GetDocumentAsync(url);
        var missing = await client.SubmitAsync(page, url, "#register-form", new Dictionary<string, string?> { [$"Marks[{people[0].Id}]"] = "present" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var errors = await Html.ParseAsync(missing);
        Assert.Equal([$"Select whether {people[1].FullName} was present, late, left early, excused or absent"], errors.ErrorSummary());
        Assert.Equal($"#mark-{people[1].Id}", errors.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.NotNull(errors.QuerySelector($"input#mark-{people[1].Id}"));
        Assert.Equal("present", errors.QuerySelector($"#register tr[data-participant-id='{people[0].Id}'] input[checked]")!.GetAttribute("value"));
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));

        var saved = await client.SubmitAsync(page, url, "#register-form", new Dictionary<string, string?>
        {
            [$"Marks[{people[0].Id}]"] = "present",
            [$"Marks[{people[1].Id}]"] = "left-early",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(url, saved.Headers.Location?.OriginalString);
        var marks = await SessionSeed.MarksAsync(app, session.Id);
        Assert.Equal(
            [(people[0].Id, AttendanceMark.Present), (people[1].Id, AttendanceMark.LeftEarly), (people[2].Id, AttendanceMark.Excused)],
            marks.Select(m => (m.ParticipantId, m.Mark)));
        Assert.All(marks, m =>
        {
            Assert.Equal(AttendanceSource.Register, m.Source);
            Assert.Equal(UponApp.EmailFor(Roles.Administrator), m.RecordedBy);
            Assert.Equal(app.Clock.GetCurrentInstant(), m.RecordedAt);
            Assert.Null(m.Minutes);
        });
        var after = await client.GetDocumentAsync(url);
        Assert.Contains("Attendance saved: 3 marks added.", after.QuerySelector(".govuk-notification-banner")!.TextContent);
        // "Register" means only the DCS register: a session's marks are its attendance, in every word the page shows.
        Assert.Equal($"Attendance: {session.Title}", after.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Save attendance", after.QuerySelector("#save-register")!.TextContent.Trim());
        Assert.Equal("Held", after.QuerySelector("#session-status")!.TextContent.Trim()); // last Friday's session, not "Scheduled"
        Assert.StartsWith($"Attendance: {session.Title}", after.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("register", after.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(UponApp.EmailFor(Roles.Administrator), after.QuerySelector("#last-marked")!.TextContent);
        Assert.Equal("left-early", after.QuerySelector($"#register tr[data-participant-id='{people[1].Id}'] input[checked]")!.GetAttribute("value"));

        // Marked again: one change is an update of the same row; the others are left alone.
        var remarked = await client.SubmitAsync(after, url, "#register-form", new Dictionary<string, string?> { [$"Marks[{people[1].Id}]"] = "late" });
        Assert.Equal(HttpStatusCode.Redirect, remarked.StatusCode);
        var again = await SessionSeed.MarksAsync(app, session.Id);
        Assert.Equal(marks.Select(m => m.Id), again.Select(m => m.Id));
        Assert.Equal([AttendanceMark.Present, AttendanceMark.Late, AttendanceMark.Excused], again.Select(m => m.Mark));
        Assert.Contains("Attendance saved: 1 changed, 2 unchanged.", (await client.GetDocumentAsync(url)).QuerySelector(".govuk-notification-banner")!.TextContent);

        var audit = await AttendanceTesting.AuditOfMarksAsync(app, marks.Select(m => m.Id));
        Assert.Equal(3, audit.Count(e => e.Action == AuditActions.Created));
        var update = Assert.Single(audit, e => e.Action == AuditActions.Updated);
        Assert.Equal(again[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), update.EntityId);
        Assert.Contains("LeftEarly", update.Changes, StringComparison.Ordinal);
        Assert.Contains("Late", update.Changes, StringComparison.Ordinal);
        Assert.All(audit, e => Assert.Equal(UponApp.EmailFor(Roles.Administrator), e.Actor));
    }

    [SkippableFact]
    public async Task ASessionNotStartedYet_CannotBeMarked_AndNothingIsWritten()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5, start: new LocalDateTime(2027, 1, 15, 14, 0));
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await SessionSeed.PlacesAsync(app, session, [person]);
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register";

        var page = await client.GetDocumentAsync(url);
        Assert.Contains("has not started yet", page.QuerySelector("#register-closed")!.TextContent);
        Assert.Null(page.QuerySelector("#register-form"));
        Assert.NotNull(page.QuerySelector($"#register tr[data-participant-id='{person.Id}']"));

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { [$"Marks[{person.Id}]"] = "present" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await Html.ParseAsync(response)).ErrorSummary();
        Assert.Equal(["This session has not started yet. You can mark its attendance from the start: Friday 15 January 2027, 14:00 to 16:00"], summary);
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));

        var import = await client.GetDocumentAsync($"{url}/import");
        Assert.Contains("has not started yet", import.QuerySelector("#register-closed")!.TextContent);
        Assert.Null(import.QuerySelector("#upload-form"));
    }

    [SkippableFact]
    public async Task ACancelledSession_CannotBeMarked()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5, start: AttendanceTesting.LastFriday, status: SessionStatus.Cancelled);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await SessionSeed.PlacesAsync(app, session, [person]);
        var client = app.CreateClient(Roles.PartnerStaff);
        var url = $"/sessions/{session.Id}/register";

        Assert.Contains("was cancelled", (await client.GetDocumentAsync(url)).QuerySelector("#register-closed")!.TextContent);
        var response = await client.PostFormAsync(url, new Dictionary<string, string> { [$"Marks[{person.Id}]"] = "absent" });

        Assert.Equal(["This session was cancelled, so it has no attendance to mark"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));
    }

    [SkippableFact]
    public async Task AMarkForSomeoneNotExpected_IsRefused_AndNothingIsWritten()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5, start: AttendanceTesting.LastFriday);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        await SessionSeed.PlacesAsync(app, session, [people[0]]);
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register";

        var response = await client.PostFormAsync(url, new Dictionary<string, string>
        {
            [$"Marks[{people[0].Id}]"] = "present",
            [$"Marks[{people[1].Id}]"] = "present",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("someone marked is no longer expected", Assert.Single((await Html.ParseAsync(response)).ErrorSummary()), StringComparison.Ordinal);
        Assert.Empty(await SessionSeed.MarksAsync(app, session.Id));
    }

    [SkippableFact]
    public async Task AnUnknownSession_IsNotFound()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sessions/999999/register", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/sessions/999999/register/import", UriKind.Relative))).StatusCode);
    }
}

public sealed class AttendanceRegisterTests_Sqlite(SqliteApp app) : AttendanceRegisterTests(app), IClassFixture<SqliteApp>;

public sealed class AttendanceRegisterTests_Postgres(PostgresApp app) : AttendanceRegisterTests(app), IClassFixture<PostgresApp>;
