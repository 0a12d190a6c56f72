using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Shared;

namespace Upon.Tests.Sessions;

/// <summary>
/// The JSON API's sessions on the real host: whether each is held online, as the pages and calendar feeds say; a session
/// whose place is to be confirmed (a residential with neither venue nor link) is not, and the pages and emails say so.
/// </summary>
public abstract class SessionsApiTests(UponApp app)
{
    private const string Venue = "Conference Centre, 1 Example Road, Leeds";

    private static (int Id, string Status, bool Online, bool MovedOnline, string? Venue) Where(JsonElement session) => (
        session.GetProperty("id").GetInt32(), session.GetProperty("status").GetString()!, session.GetProperty("online").GetBoolean(),
        session.GetProperty("movedOnline").GetBoolean(), session.GetProperty("venue").GetString());

    [SkippableFact]
    public async Task Sessions_SayWhetherHeldOnline_PlannedOnline_InPerson_MovedOnline_AndMovedOnlineThenPostponed()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var online = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 9, 14, 0));
        var inPerson = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 10, 10, 0), venue: Venue, videoLink: null, type: SessionType.TaughtDay);
        var moved = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 11, 10, 0), venue: Venue, videoLink: null, type: SessionType.TaughtDay);
        var postponed = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 12, 10, 0), venue: Venue, videoLink: null, type: SessionType.TaughtDay);
        // A residential with neither venue nor link: its place is to be confirmed, so it is not online.
        var unplaced = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 30, 10, 0), venue: null, videoLink: null, type: SessionType.Residential);
        await app.WithScopeAsync(async s =>
        {
            var changes = s.GetRequiredService<SessionChanges>();
            Assert.True((await changes.MoveOnlineAsync(moved.Id, "https://meet.example.org/moved", "Storm warning")).Succeeded);
            Assert.True((await changes.MoveOnlineAsync(postponed.Id, "https://meet.example.org/postponed", "Storm warning")).Succeeded);
            Assert.True((await changes.PostponeAsync(postponed.Id, new LocalDateTime(2027, 3, 19, 10, 0), new LocalDateTime(2027, 3, 19, 12, 0), "Snow")).Succeeded);
            return true;
        });
        var client = app.CreateApiClient(Roles.Participant);

        var listed = await client.GetFromJsonAsync<List<JsonElement>>($"/api/sessions?strand={strand.Slug}");

        // The venue planned stays in the answer once a session moves online; "online" says where it is held.
        Assert.Equal([
            (online.Id, "scheduled", true, false, null),
            (inPerson.Id, "scheduled", false, false, Venue),
            (moved.Id, "moved-online", true, true, Venue),
            (postponed.Id, "postponed", true, true, Venue),
            (unplaced.Id, "scheduled", false, false, null),
        ], listed!.Select(Where));
        Assert.Equal((moved.Id, "moved-online", true, true, Venue), Where(await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{moved.Id}")));
        var feed = Calendar.Load(await app.CreateAnonymousClient().GetStringAsync($"/calendars/strands/{strand.Slug}.ics"))!;
        Assert.Equal(["Online", Venue, "Online", "Online", null], new[] { online, inPerson, moved, postponed, unplaced }.Select(s => feed.Events.Single(e => e.Uid == s.Uid).Location));
    }

    [SkippableFact]
    public async Task ASessionWhosePlaceIsToBeConfirmed_IsSaidToBeSo_OnThePages_AndInItsBookingEmail()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 4, 6, 10, 0), venue: null, videoLink: null,
            type: SessionType.Residential, title: "Spring residential");
        var me = await SessionSeed.TestParticipantAsync(app, strand);

        var booked = await app.CreateApiClient(Roles.PartnerStaff).PostAsJsonAsync($"/api/sessions/{session.Id}/bookings", new { participantId = me.Id });

        Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode);
        var mail = Assert.Single(await SessionSeed.EmailsToAsync(app, me.Email));
        Assert.Contains("Where: Place to be confirmed", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Online", mail.TextBody, StringComparison.Ordinal);
        var ics = Assert.Single(mail.Attachments, a => a.FileName == "session.ics");
        Assert.Null(Assert.Single(Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.Content))!.Events).Location);
        var participant = app.CreateClient(Roles.Participant);
        var mine = await participant.GetDocumentAsync($"/my/sessions/{session.Id}");
        Assert.Equal("Place to be confirmed", mine.QuerySelector("#where")!.TextContent.Trim());
        var list = await participant.GetDocumentAsync("/my/sessions");
        Assert.Contains("Place to be confirmed", list.QuerySelector($"tr[data-session-id='{session.Id}']")!.TextContent, StringComparison.Ordinal);
        var programme = await app.CreateAnonymousClient().GetDocumentAsync($"/programme/sessions/{session.Id}");
        Assert.Equal("Place to be confirmed", programme.QuerySelector("#where")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task OpenApi_DescribesWhetherASessionIsHeldOnline()
    {
        app.RequireDatabase();

        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("SessionItem").GetProperty("properties");
        Assert.Equal(("boolean", "boolean"), (properties.GetProperty("online").GetProperty("type").GetString(), properties.GetProperty("movedOnline").GetProperty("type").GetString()));
    }
}

public sealed class SessionsApiTests_Sqlite(SqliteApp app) : SessionsApiTests(app), IClassFixture<SqliteApp>;

public sealed class SessionsApiTests_Postgres(PostgresApp app) : SessionsApiTests(app), IClassFixture<PostgresApp>;
