using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Shared;

namespace Upon.Tests.Sessions;

/// <summary>A host that keeps what it logs in <see cref="Logs"/>, to see the warnings a stored session outside the bounds gives.</summary>
public abstract class LoggingApp(DatabaseProvider provider) : UponApp(provider)
{
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    /// <summary>The warnings logged so far that name the session.</summary>
    public List<string> WarningsAbout(int sessionId) =>
        Logs.Entries.Where(e => e.Level == LogLevel.Warning && (e.Message.StartsWith($"Session {sessionId} ", StringComparison.Ordinal)
                || e.Message.StartsWith($"Session {sessionId}'s ", StringComparison.Ordinal)))
            .Select(e => e.Message).ToList();
}

public sealed class LoggingSqliteApp() : LoggingApp(DatabaseProvider.Sqlite);

public sealed class LoggingPostgresApp() : LoggingApp(DatabaseProvider.Postgres);

/// <summary>
/// A session stored before the forms and the API kept today's bounds (over 14 London days, a video link that is not an
/// absolute https address), written straight through the DbContext as <see cref="CalendarFeedBoundsTests"/> does, never
/// fails a booking or a change: the email still goes, without the <c>.ics</c> whose times cannot be an event, or with the
/// bad link left off it and out of its words, as the feeds do, and a warning names the session.
/// </summary>
public abstract class StoredSessionEmailTests(LoggingApp app)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record BookingJson(int Id, int SessionId, int ParticipantId, string Status, int? WaitingPosition);

    /// <summary>A residential of twenty days, stored before the 14-day bound.</summary>
    private async Task<Session> TwentyDaysAsync(Strand strand, int capacity) =>
        await SessionSeed.SessionAsync(app, strand, capacity, new LocalDateTime(2027, 2, 1, 9, 0), hours: 20 * 24, title: "Twenty days",
            venue: "Conference Centre, 1 Example Road, Leeds", videoLink: null, type: SessionType.Residential);

    private static async Task<BookingJson> BookAsync(HttpClient client, int sessionId, int participantId)
    {
        var response = await client.PostAsJsonAsync($"/api/sessions/{sessionId}/bookings", new { participantId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BookingJson>(Json))!;
    }

    [SkippableFact]
    public async Task BookingAndCancelling_ASessionOverFourteenDays_SucceedAndEmailWithoutTheIcs()
    {
        app.RequireDatabase();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var strand = await SessionSeed.StrandAsync(app);
        var session = await TwentyDaysAsync(strand, capacity: 1);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        var (first, second) = (people[0], people[1]);

        var booked = await BookAsync(staff, session.Id, first.Id);
        var waiting = await BookAsync(staff, session.Id, second.Id);
        // The seat given up goes to the person waiting, who is emailed that it is theirs.
        var cancelled = await staff.DeleteAsync($"/api/sessions/{session.Id}/bookings/{booked.Id}");

        Assert.Equal(("booked", "waitlisted", HttpStatusCode.NoContent), (booked.Status, waiting.Status, cancelled.StatusCode));
        var toFirst = await SessionSeed.EmailsToAsync(app, first.Email);
        var toSecond = await SessionSeed.EmailsToAsync(app, second.Email);
        Assert.Equal(["Booked: Twenty days", "Cancelled: your booking for Twenty days"], toFirst.Select(m => m.Subject));
        Assert.Equal(["On the waiting list: Twenty days", "A place is yours: Twenty days"], toSecond.Select(m => m.Subject));
        Assert.All(toFirst.Concat(toSecond), m => Assert.Empty(m.Attachments));
        Assert.DoesNotContain("attached", toFirst[0].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("attached", toFirst[1].TextBody, StringComparison.Ordinal);
        var warnings = app.WarningsAbout(session.Id);
        Assert.Equal(2, warnings.Count(w => w.Contains("without its session.ics", StringComparison.Ordinal)));
        Assert.Single(warnings, w => w.Contains("without its cancelled.ics", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task BookingASessionWithALinkWithoutAScheme_AttachesTheIcsWithoutTheLink()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 5, 14, 0), title: "No scheme", videoLink: "meet.example.org/no-scheme");
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];

        await BookAsync(app.CreateApiClient(Roles.PartnerStaff), session.Id, person.Id);

        var mail = Assert.Single(await SessionSeed.EmailsToAsync(app, person.Email));
        var ics = Assert.Single(mail.Attachments, a => a.FileName == "session.ics");
        var calendarEvent = Assert.Single(Calendar.Load(Encoding.UTF8.GetString(ics.Content))!.Events);
        Assert.Equal((session.Uid, "Online", (Uri?)null), (calendarEvent.Uid, calendarEvent.Location, calendarEvent.Url));
        // Nor is it in the email's words: the link will follow, as for a session with none.
        Assert.Contains("Where: Online (the link will follow)", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("no-scheme", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(app.WarningsAbout(session.Id), w => w.Contains("without its video link", StringComparison.Ordinal));
    }

    /// <summary>
    /// A session in person with a stored link that is not an https address, moved online: the move's email gives the new
    /// link and never the old text; cancelled after, its email says it was online (the link to follow), not its old venue.
    /// </summary>
    [SkippableFact]
    public async Task MovingOnlineThenCancelling_ASessionWithAStoredLinkThatIsNotHttps_NeverEmailsTheOldText_OrTheOldVenue()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 19, 10, 0), title: "Hybrid day",
            venue: "Conference Centre, 1 Example Road, Leeds", videoLink: "meet.example.org/no-scheme", type: SessionType.TaughtDay);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await SessionSeed.PlacesAsync(app, session, [person]);
        var client = app.CreateClient();

        var moved = await client.PostFormAsync($"/sessions/{session.Id}/move-online",
            new Dictionary<string, string> { ["VideoLink"] = "https://meet.example.org/hybrid", ["Reason"] = "Rail strikes." });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        // The link as stored before the rule, as a session moved online long ago may hold it.
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var held = (await db.Sessions.FindAsync(session.Id))!;
            held.VideoLink = "meet.example.org/no-scheme-again";
            return await db.SaveChangesAsync();
        });
        var cancelled = await client.PostFormAsync($"/sessions/{session.Id}/cancel", new Dictionary<string, string> { ["Reason"] = "Too few people could come." });

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var mails = await SessionSeed.EmailsToAsync(app, person.Email);
        Assert.Equal(["Moved online: Hybrid day", "Cancelled: Hybrid day"], mails.Select(m => m.Subject.Split(',')[0]));
        Assert.All(mails, m => Assert.DoesNotContain("no-scheme", m.TextBody, StringComparison.Ordinal));
        Assert.Contains("https://meet.example.org/hybrid", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Where: online (the link will follow)", mails[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Example Road", mails[1].TextBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stored link that is not an https address (here a script) is never a live link: the staff page shows it as text
    /// with what is wrong, and a participant with a place sees it as text.
    /// </summary>
    [SkippableFact]
    public async Task AStoredLinkThatIsNotAnHttpsAddress_IsShownAsText_NeverAsALink()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2027, 3, 12, 14, 0), title: "Script link", videoLink: "javascript:alert(1)");
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        await SessionSeed.PlacesAsync(app, session, [me]);

        var staffPage = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"/sessions/{session.Id}");
        var mine = await app.CreateClient(Roles.Participant).GetDocumentAsync($"/my/sessions/{session.Id}");

        foreach (var page in new[] { staffPage, mine })
        {
            Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        }
        Assert.Contains("javascript:alert(1)", staffPage.QuerySelector("#video-link")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(staffPage.QuerySelector("#video-link-problem"));
        Assert.Equal("javascript:alert(1)", mine.QuerySelector("#video-link")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task StaffMovingOnlineThenCancelling_ASessionOverFourteenDays_EmailEveryoneWithoutTheIcs()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await TwentyDaysAsync(strand, capacity: 1);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        await SessionSeed.PlacesAsync(app, session, [people[0]]);
        await SessionSeed.PlacesAsync(app, session, [people[1]], BookingStatus.Waitlisted);
        var client = app.CreateClient();

        var moved = await client.PostFormAsync($"/sessions/{session.Id}/move-online",
            new Dictionary<string, string> { ["VideoLink"] = "https://meet.example.org/twenty-days", ["Reason"] = "Rail strikes." });
        var cancelled = await client.PostFormAsync($"/sessions/{session.Id}/cancel", new Dictionary<string, string> { ["Reason"] = "Too few people could come." });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (moved.StatusCode, cancelled.StatusCode));
        var held = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Sessions.FindAsync(session.Id).AsTask());
        Assert.Equal(SessionStatus.Cancelled, held!.Status);
        foreach (var person in people)
        {
            var mails = await SessionSeed.EmailsToAsync(app, person.Email);
            Assert.Equal(["Moved online: Twenty days", "Cancelled: Twenty days"], mails.Select(m => m.Subject.Split(',')[0]));
            Assert.All(mails, m => Assert.Empty(m.Attachments));
        }
        Assert.Single(app.WarningsAbout(session.Id), w => w.Contains("without its cancelled.ics", StringComparison.Ordinal));
    }
}

public sealed class StoredSessionEmailTests_Sqlite(LoggingSqliteApp app) : StoredSessionEmailTests(app), IClassFixture<LoggingSqliteApp>;

public sealed class StoredSessionEmailTests_Postgres(LoggingPostgresApp app) : StoredSessionEmailTests(app), IClassFixture<LoggingPostgresApp>;
