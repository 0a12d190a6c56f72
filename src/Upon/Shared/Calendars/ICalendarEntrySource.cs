using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Shared.Calendars;

/// <summary>Whose private calendar feed is being written: a participant, who may also be a coach under the same email address.</summary>
/// <param name="ParticipantId">The participant the feed's secret belongs to.</param>
/// <param name="Email">Their email address.</param>
public sealed record CalendarOwner(int ParticipantId, string Email);

/// <summary>
/// Something besides the programme's sessions that puts events in a person's private calendar feed. Features implement
/// it (coaching does, with the coaching sessions of the coachee and of the coach) and the feed enumerates every
/// implementation, so the sessions feature never depends on them.
/// </summary>
public interface ICalendarEntrySource
{
    /// <summary>The owner's events that end on or after <paramref name="since"/>; each UID must be unique across sources.</summary>
    Task<IReadOnlyList<CalendarEntry>> EntriesAsync(CalendarOwner owner, Instant since, CancellationToken cancellationToken);
}
