using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>The public strand feeds and the participants' private feeds, read back with a real iCalendar parser.</summary>
public abstract class CalendarFeedTests(UponApp app)
{
    private static Calendar Parse(string text) => Calendar.Load(text) ?? throw new InvalidOperationException("Not an iCalendar.");

    [SkippableFact]
    public async Task TheStrandFeed_IsPublic_HasEverySessionInLondonTime_AndNoVideoLinks()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app, "New Directors test");
        var july = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 7, 9, 14, 0));
        var january = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 1, 15, 14, 0));
        var residential = await SessionSeed.SessionAsync(app, strand, 30, new LocalDateTime(2027, 3, 9, 10, 0), hours: 30,
            venue: "Conference Centre, 1 Example Road, Leeds", videoLink: null, type: SessionType.Residential, title: "Residential");
        await app.WithDbAsync(async db =>
        {
            var s = await db.Sessions.SingleAsync(x => x.Id == january.Id);
            s.Status = SessionStatus.Cancelled;
            s.Sequence = 2;
            await db.SaveChangesAsync();
        });

        var response = await app.CreateAnonymousClient().GetAsync($"/calendars/strands/{strand.Slug}.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("meet.example.org", text);
        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZID=Europe/London", text);
        var calendar = Parse(text);
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.Equal(3, events.Count);
        Assert.Equal(new DateTime(2027, 7, 9, 13, 0, 0, DateTimeKind.Utc), events[july.Uid].Start!.AsUtc);
        Assert.Equal(new DateTime(2027, 1, 15, 14, 0, 0, DateTimeKind.Utc), events[january.Uid].Start!.AsUtc);
        Assert.Equal("CANCELLED", events[january.Uid].Status);
        Assert.Equal(2, events[january.Uid].Sequence);
        var twoDays = events[residential.Uid];
        Assert.Equal((new DateTime(2027, 3, 9, 10, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 10, 16, 0, 0, DateTimeKind.Utc)), (twoDays.Start!.AsUtc, twoDays.End!.AsUtc));
        Assert.Equal("Conference Centre, 1 Example Road, Leeds", twoDays.Location);
        // A reminder a day before each session that still happens; none for a cancelled one.
        Assert.All(calendar.Events.Where(e => e.Status != "CANCELLED"), e => Assert.Single(e.Alarms));
        Assert.Empty(events[january.Uid].Alarms);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateAnonymousClient().GetAsync("/calendars/strands/no-such-strand.ics")).StatusCode);
    }

    [SkippableFact]
    public async Task MovingASessionOnline_ShowsInMyFeed_WithAHigherSequenceAndTheLink_AndIsEmailed()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var residential = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 9, 10, 0), hours: 30,
            venue: "Conference Centre, 1 Example Road, Leeds", videoLink: null, type: SessionType.Residential, title: "Spring residential");
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().BookAsync(residential.Id, me.Id, null, onBehalf: false));
        var client = app.CreateClient(Roles.Participant);
        var made = await Html.ParseAsync(await client.PostFormAsync("/my/calendar", new Dictionary<string, string>(), "/my/calendar?handler=New"));
        var feedPath = new Uri(made.QuerySelector("#feed-url")!.TextContent.Trim()).PathAndQuery;
        var before = Parse(await app.CreateAnonymousClient().GetStringAsync(feedPath)).Events.Single(e => e.Uid == residential.Uid);

        var moved = await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().MoveOnlineAsync(residential.Id, "https://meet.example.org/spring-online", "Storm warning"));

        Assert.True(moved.Succeeded);
        var after = Parse(await app.CreateAnonymousClient().GetStringAsync(feedPath)).Events.Single(e => e.Uid == residential.Uid);
        Assert.Equal(before.Sequence + 1, after.Sequence);
        Assert.Equal("https://meet.example.org/spring-online", after.Location);
        Assert.Equal("https://meet.example.org/spring-online", after.Url?.ToString());
        Assert.Equal("CONFIRMED", after.Status);
        var emails = await SessionSeed.EmailsToAsync(app, me.Email);
        Assert.Contains(emails, m => m.TextBody.Contains("https://meet.example.org/spring-online", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task APrivateFeed_HasMyBookedSessionsWithTheLink_UntilIReplaceOrTurnItOff()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var booked = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 2, 12, 14, 0), title: "Booked one");
        var notBooked = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 2, 19, 14, 0), title: "Not booked");
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().BookAsync(booked.Id, me.Id, null, onBehalf: false));
        var client = app.CreateClient(Roles.Participant);

        var made = await Html.ParseAsync(await client.PostFormAsync("/my/calendar", new Dictionary<string, string>(), "/my/calendar?handler=New"));
        var url = new Uri(made.QuerySelector("#feed-url")!.TextContent.Trim());
        var anonymous = app.CreateAnonymousClient();
        var feed = await anonymous.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("no-store", feed.Headers.CacheControl?.ToString());
        var calendar = Parse(await feed.Content.ReadAsStringAsync());
        // The test participant may hold places from other tests of this class: look at this test's sessions.
        var evt = Assert.Single(calendar.Events, e => e.Uid == booked.Uid);
        Assert.Equal("https://meet.example.org/upon-test", evt.Url?.ToString());
        Assert.DoesNotContain(calendar.Events, e => e.Uid == notBooked.Uid);
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == me.Id));
        Assert.DoesNotContain(url.Segments[^1].Replace(".ics", ""), stored.CalendarTokenHash!);

        var remade = await Html.ParseAsync(await client.PostFormAsync("/my/calendar", new Dictionary<string, string>(), "/my/calendar?handler=New"));
        var newUrl = new Uri(remade.QuerySelector("#feed-url")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(newUrl.PathAndQuery)).StatusCode);

        await client.PostFormAsync("/my/calendar", new Dictionary<string, string>(), "/my/calendar?handler=Revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(newUrl.PathAndQuery)).StatusCode);
    }
}

/// <summary>
/// A session stored before the forms and the API kept today's bounds (over 14 London days, a video link that is not an
/// absolute https address), written straight through the DbContext, never fails a feed: a session whose times cannot be
/// an event is left out, and a bad link is left off.
/// </summary>
public abstract class CalendarFeedBoundsTests(UponApp app)
{
    private static Calendar Parse(string text) => Calendar.Load(text) ?? throw new InvalidOperationException("Not an iCalendar.");

    [SkippableFact]
    public async Task StoredSessionsOutsideTheBounds_LeaveTheFeedsWorking()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var good = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 1, 15, 14, 0), title: "Good");
        var tooLong = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 2, 1, 9, 0), hours: 20 * 24, title: "Twenty days",
            venue: "Conference Centre, 1 Example Road, Leeds", videoLink: null, type: SessionType.Residential);
        var badLink = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 5, 14, 0), title: "No scheme", videoLink: "meet.example.org/no-scheme");
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await SessionSeed.PlacesAsync(app, good, [person]);
        await SessionSeed.PlacesAsync(app, tooLong, [person]);
        await SessionSeed.PlacesAsync(app, badLink, [person]);
        var secret = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            return await s.GetRequiredService<CalendarFeeds>().NewPrivateFeedAsync(await db.Participants.FindAsync(person.Id) ?? throw new InvalidOperationException());
        });

        var strandFeed = await app.CreateAnonymousClient().GetAsync($"/calendars/strands/{strand.Slug}.ics");
        var privateFeed = await app.CreateAnonymousClient().GetAsync(CalendarFeeds.PrivateFeedPath(secret));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (strandFeed.StatusCode, privateFeed.StatusCode));
        var @public = Parse(await strandFeed.Content.ReadAsStringAsync()).Events.ToDictionary(e => e.Uid!);
        var mine = Parse(await privateFeed.Content.ReadAsStringAsync()).Events.ToDictionary(e => e.Uid!);
        Assert.Equal(new[] { good.Uid, badLink.Uid }.Order(), @public.Keys.Order());
        Assert.Equal(new[] { good.Uid, badLink.Uid }.Order(), mine.Keys.Order());
        Assert.Equal(new Uri("https://meet.example.org/upon-test"), mine[good.Uid].Url);
        Assert.Null(mine[badLink.Uid].Url);
        Assert.Equal("Online", mine[badLink.Uid].Location);
    }
}

public sealed class CalendarFeedBoundsTests_Sqlite(SqliteApp app) : CalendarFeedBoundsTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarFeedBoundsTests_Postgres(PostgresApp app) : CalendarFeedBoundsTests(app), IClassFixture<PostgresApp>;

public sealed class CalendarFeedTests_Sqlite(SqliteApp app) : CalendarFeedTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarFeedTests_Postgres(PostgresApp app) : CalendarFeedTests(app), IClassFixture<PostgresApp>;
