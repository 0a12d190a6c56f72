using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>One session as a calendar event.</summary>
/// <param name="Uid">The event's UID. It must never change for a session, so calendars update the event rather than add another.</param>
/// <param name="Sequence">The revision number. Increase it whenever the time, place or status changes.</param>
/// <param name="Title">The SUMMARY.</param>
/// <param name="Description">The DESCRIPTION, or null.</param>
/// <param name="Start">The London start time.</param>
/// <param name="End">The London end time; a residential spans its days as one event.</param>
/// <param name="Location">The venue's address, or null for a session online (the video link is then used as LOCATION).</param>
/// <param name="Url">The video link, or null.</param>
/// <param name="Status">The session's status, which sets STATUS.</param>
/// <param name="LastModified">When the session last changed.</param>
/// <param name="Created">When the session was created.</param>
public sealed record CalendarEntry(
    string Uid,
    int Sequence,
    string Title,
    string? Description,
    LocalDateTime Start,
    LocalDateTime End,
    string? Location,
    string? Url,
    SessionStatus Status,
    Instant LastModified,
    Instant Created)
{
    /// <summary>
    /// Whether the event takes the whole day of <see cref="Start"/>'s date, for something known by its day only (a
    /// coaching session logged with its date and length): DTSTART;VALUE=DATE, DTEND the next day, and no reminder.
    /// </summary>
    public bool AllDay { get; init; }
}
