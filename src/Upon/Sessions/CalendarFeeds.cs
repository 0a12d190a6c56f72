using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>
/// The iCalendar feeds: a public one per strand, and a private one per participant with the sessions they have a place
/// on and the events of every <see cref="Upon.Shared.Calendars.ICalendarEntrySource"/> (their coaching sessions), reached
/// by a secret address. Only the secret's hash is kept; a new address replaces the old, which stops working.
/// Cancelled sessions stay in the feeds as cancelled, so calendars show the change rather than losing the event.
/// A session stored before today's rules whose times cannot be an event is left out, and a video link that is not an
/// absolute https address is left off its session, each with a warning in the log, so one bad row never fails a feed.
/// </summary>
public sealed class CalendarFeeds(UponDbContext db, IClock clock, IConfiguration configuration, IEnumerable<Upon.Shared.Calendars.ICalendarEntrySource> otherEntries,
    ILogger<CalendarFeeds> logger)
{
    /// <summary>How far back the feeds reach: a term of past sessions is enough to see what happened.</summary>
    public static readonly Duration History = Duration.FromDays(180);

    public string BaseUrl => Upon.Shared.AppLinks.BaseUrl(configuration);

    public static string StrandFeedPath(string slug) => $"/calendars/strands/{slug}.ics";

    public static string PrivateFeedPath(string secret) => $"/calendars/private/{secret}.ics";

    /// <summary>The strand's public feed, or null when there is no such strand.</summary>
    public async Task<string?> StrandFeedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var strand = await db.Strands.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (strand is null)
        {
            return null;
        }
        var since = clock.GetCurrentInstant() - History;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StrandId == strand.Id && s.EndUtc >= since)
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        return SessionCalendar.Feed($"{strand.Name} (Upon)", EntriesOf(sessions, @public: true), clock.GetCurrentInstant());
    }

    /// <summary>The feed the secret opens, or null when no participant has that secret (never issued, or replaced or revoked).</summary>
    public async Task<string?> PrivateFeedAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(secret);
        var participant = await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.CalendarTokenHash == hash, cancellationToken);
        if (participant is null)
        {
            return null;
        }
        var since = clock.GetCurrentInstant() - History;
        var sessions = await db.Bookings.AsNoTracking()
            .Where(b => b.ParticipantId == participant.Id && b.Status == BookingStatus.Booked && b.Session!.EndUtc >= since)
            .Select(b => b.Session!).OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var entries = EntriesOf(sessions, @public: false);
        var owner = new Upon.Shared.Calendars.CalendarOwner(participant.Id, participant.Email);
        foreach (var source in otherEntries)
        {
            entries.AddRange(await source.EntriesAsync(owner, since, cancellationToken));
        }
        return SessionCalendar.Feed($"Your programme sessions (Upon)", entries, clock.GetCurrentInstant());
    }

    /// <summary>The sessions as events, leaving out any whose times cannot be one; logs what it leaves out or off.</summary>
    private List<CalendarEntry> EntriesOf(List<Session> sessions, bool @public)
    {
        var entries = new List<CalendarEntry>(sessions.Count);
        foreach (var session in sessions)
        {
            if (SessionCalendarEntries.TimesProblem(session) is { } problem)
            {
                logger.LogWarning("Session {SessionId} is left out of a calendar feed: its times cannot be an event ({Problem})", session.Id, problem);
                continue;
            }
            if (!@public && session.IsOnline && session.HasUnusableVideoLink)
            {
                logger.LogWarning("Session {SessionId} is in a calendar feed without its video link, which is not an absolute https address", session.Id);
            }
            entries.Add(SessionCalendarEntries.For(session, BaseUrl, @public));
        }
        return entries;
    }

    /// <summary>Issues a new secret address for the participant's feed; any earlier one stops working. The secret is shown once.</summary>
    public async Task<string> NewPrivateFeedAsync(Participant participant, CancellationToken cancellationToken = default)
    {
        var secret = SecretTokens.New();
        participant.CalendarTokenHash = SecretTokens.Hash(secret);
        participant.CalendarTokenCreatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task RevokePrivateFeedAsync(Participant participant, CancellationToken cancellationToken = default)
    {
        participant.CalendarTokenHash = null;
        participant.CalendarTokenCreatedAt = null;
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Serves the feeds: anonymous by design, since calendar apps cannot sign in; the private one needs its secret.</summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/calendars").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/strands/{slug}.ics", async (string slug, CalendarFeeds feeds, HttpContext context, CancellationToken cancellationToken) =>
            await feeds.StrandFeedAsync(slug, cancellationToken) is { } feed ? Calendar(feed, context, isPrivate: false) : NotFound(context));
        group.MapGet("/private/{secret}.ics", async (string secret, CalendarFeeds feeds, HttpContext context, CancellationToken cancellationToken) =>
            await feeds.PrivateFeedAsync(secret, cancellationToken) is { } feed ? Calendar(feed, context, isPrivate: true) : NotFound(context));
        return app;
    }

    /// <summary>A bare 404: a calendar app has no use for the HTML error page, and an unknown secret learns nothing.</summary>
    public static IResult NotFound(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        return Results.NotFound();
    }

    /// <summary>The feed as text/calendar; a private feed is never cached, a public one for 15 minutes.</summary>
    public static IResult Calendar(string feed, HttpContext context, bool isPrivate)
    {
        context.Response.Headers.CacheControl = isPrivate ? "no-store" : "public, max-age=900";
        return Results.Text(feed, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
