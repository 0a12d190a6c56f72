using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Audit;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Coaching;

/// <summary>
/// A coach's own private calendar feed: the coaching sessions they coach, reached by a secret address, so a coach who is
/// not a participant has one too. Only the secret's hash is kept; a new address replaces the old, which stops working.
/// Nothing a participant asked for is written: the events are the sessions' day, length and mode.
/// </summary>
public sealed class CoachCalendarFeed(UponDbContext db, IClock clock, AuditLog audit, CoachingCalendarEntries entries, IConfiguration configuration)
{
    public const string IssuedAction = "CoachCalendarFeedIssued";
    public const string RevokedAction = "CoachCalendarFeedRevoked";

    public string BaseUrl => Upon.Shared.AppLinks.BaseUrl(configuration);

    public static string FeedPath(string secret) => $"/calendars/coach/{secret}.ics";

    /// <summary>The feed the secret opens, or null when no coach has that secret (never issued, replaced or turned off).</summary>
    public async Task<string?> FeedAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100) return null;
        var hash = SecretTokens.Hash(secret);
        var coach = await db.CoachProfiles.AsNoTracking().Where(c => c.CalendarTokenHash == hash).Select(c => new { c.Id }).FirstOrDefaultAsync(cancellationToken);
        if (coach is null) return null;
        var since = clock.GetCurrentInstant() - CalendarFeeds.History;
        var sessions = await entries.CoachEntriesAsync(coach.Id, since, cancellationToken);
        return SessionCalendar.Feed("Your coaching sessions (Upon)", sessions, clock.GetCurrentInstant());
    }

    /// <summary>Issues a new secret address, audited in the same transaction; any earlier one stops working. The secret is shown once.</summary>
    public async Task<string> NewAsync(int coachId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var coach = await db.CoachProfiles.SingleAsync(c => c.Id == coachId, cancellationToken);
        var secret = SecretTokens.New();
        var replaced = coach.CalendarTokenHash is not null;
        coach.CalendarTokenHash = SecretTokens.Hash(secret);
        coach.CalendarTokenCreatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(IssuedAction, nameof(CoachProfile), Id(coachId), replaced ? "a new calendar address; the old one stops working" : "a calendar address", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(int coachId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var coach = await db.CoachProfiles.SingleAsync(c => c.Id == coachId, cancellationToken);
        coach.CalendarTokenHash = null;
        coach.CalendarTokenCreatedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(RevokedAction, nameof(CoachProfile), Id(coachId), "calendar address turned off", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Serves the coach's feed: anonymous by design, since calendar apps cannot sign in; it needs its secret.</summary>
public static class CoachCalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCoachCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendars/coach/{secret}.ics", async (string secret, CoachCalendarFeed feeds, HttpContext context, CancellationToken cancellationToken) =>
            await feeds.FeedAsync(secret, cancellationToken) is { } feed
                ? CalendarFeedEndpoints.Calendar(feed, context, isPrivate: true)
                : CalendarFeedEndpoints.NotFound(context))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
