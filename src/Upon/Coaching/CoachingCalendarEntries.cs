using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Shared.Calendars;

namespace Upon.Coaching;

/// <summary>
/// The coaching sessions in a person's private calendar feed: those of their own coaching (as the coachee) and, when they
/// are also a coach under the same email address, those they coach. A session is logged with its day and length, not a
/// time, so it is a whole-day event on its day. A session the coachee queried is left out; nothing of what was asked for
/// is ever written.
/// </summary>
public sealed class CoachingCalendarEntries(UponDbContext db, IConfiguration configuration) : ICalendarEntrySource
{
    /// <summary>The UID of a coaching session's event, stable for the session.</summary>
    public static string Uid(int sessionId) => string.Create(CultureInfo.InvariantCulture, $"coaching-session-{sessionId}@upon");

    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarOwner owner, Instant since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var email = owner.Email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
        return await EntriesAsync(s => s.Relationship!.ParticipantId == owner.ParticipantId || s.Relationship.Coach!.Email.ToLower() == email,
            coacheeId: owner.ParticipantId, since, cancellationToken);
#pragma warning restore CA1862
    }

    /// <summary>The sessions a coach coaches, for the coach's own feed: never those where they are the coachee.</summary>
    public Task<IReadOnlyList<CalendarEntry>> CoachEntriesAsync(int coachId, Instant since, CancellationToken cancellationToken) =>
        EntriesAsync(s => s.Relationship!.CoachId == coachId, coacheeId: null, since, cancellationToken);

    private async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<CoachingSessionLog, bool>> whose, int? coacheeId, Instant since, CancellationToken cancellationToken)
    {
        var from = since.InZone(Time.London).Date;
        var sessions = await db.CoachingSessionLogs.AsNoTracking()
            .Where(s => s.Confirmation != SessionConfirmation.Queried && s.Date >= from)
            .Where(whose)
            .Select(s => new
            {
                s.Id, s.Date, s.Minutes, s.InPerson, s.Confirmation, s.LoggedAt,
                s.Relationship!.ParticipantId,
                Coach = s.Relationship.Coach!.GivenName + " " + s.Relationship.Coach.FamilyName,
                Coachee = s.Relationship.Participant!.GivenName + " " + s.Relationship.Participant.FamilyName,
            })
            .OrderBy(s => s.Date).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var baseUrl = Upon.Shared.AppLinks.BaseUrl(configuration);
        return [.. sessions.Select(s =>
        {
            var coachee = s.ParticipantId == coacheeId;
            var how = string.Create(CultureInfo.InvariantCulture, $"{s.Minutes} minutes, {(s.InPerson ? "in person" : "online")}");
            var state = s.Confirmation == SessionConfirmation.Confirmed ? "confirmed by the coachee" : "logged by the coach, not yet confirmed";
            return new CalendarEntry(
                Uid: Uid(s.Id),
                Sequence: s.Confirmation == SessionConfirmation.Confirmed ? 1 : 0,
                Title: coachee ? $"Coaching with {s.Coach}" : $"Coaching {s.Coachee}",
                Description: $"One-to-one coaching: {how}; {state}.\n\n{baseUrl}{(coachee ? "/my/coach" : "/coach/coachees")}",
                Start: s.Date.AtMidnight(),
                End: s.Date.PlusDays(1).AtMidnight(),
                Location: null,
                Url: null,
                Status: SessionStatus.Scheduled,
                LastModified: s.LoggedAt,
                Created: s.LoggedAt) { AllDay = true };
        })];
    }
}
