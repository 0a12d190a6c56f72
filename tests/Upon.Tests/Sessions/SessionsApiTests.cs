using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>The JSON API's sessions on the real host: whether each is held online, as the pages and calendar feeds say.</summary>
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
        ], listed!.Select(Where));
        Assert.Equal((moved.Id, "moved-online", true, true, Venue), Where(await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{moved.Id}")));
        var feed = Calendar.Load(await app.CreateAnonymousClient().GetStringAsync($"/calendars/strands/{strand.Slug}.ics"))!;
        Assert.Equal(["Online", Venue, "Online", "Online"], new[] { online, inPerson, moved, postponed }.Select(s => feed.Events.Single(e => e.Uid == s.Uid).Location));
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
