using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>A session as an iCalendar event: what feeds and email attachments carry.</summary>
public static class SessionCalendarEntries
{
    /// <param name="public">
    /// For the public strand feeds: no video link (only people with a place get it) and a link to the public page.
    /// </param>
    /// <remarks>
    /// A video link that is not an absolute https address (<see cref="VideoLinks"/>; stored before the rule) is left
    /// out, as if the session had none.
    /// </remarks>
    public static CalendarEntry For(Session session, string baseUrl, bool @public = false)
    {
        ArgumentNullException.ThrowIfNull(session);
        var online = session.IsOnline;
        var link = session.UsableVideoLink;
        var description = string.Join("\n\n", new[]
        {
            session.Status == SessionStatus.Cancelled ? $"CANCELLED. {session.ChangeNote}".Trim() : session.ChangeNote,
            session.Description,
            session.Facilitators is { Length: > 0 } f ? $"Facilitators: {f}" : null,
            @public ? $"{baseUrl}/programme/sessions/{session.Id}" : $"{baseUrl}/my/sessions/{session.Id}",
        }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new CalendarEntry(
            Uid: session.Uid,
            Sequence: session.Sequence,
            Title: session.Title,
            Description: description,
            Start: session.Start,
            End: session.End,
            Location: online ? (@public ? "Online" : link ?? "Online") : session.Venue,
            Url: online && !@public ? link : null,
            Status: session.Status,
            LastModified: session.UpdatedAt,
            Created: session.CreatedAt);
    }

    /// <summary>
    /// Why the session's times cannot be an event (<see cref="SessionTimes.ValidateSpan"/>: over
    /// <see cref="SessionTimes.MaxDays"/> London days, an end before the start, a time that London skips or repeats), or
    /// null. The forms and the API refuse such times, but a session stored before they did may have them.
    /// </summary>
    public static string? TimesProblem(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            SessionTimes.ValidateSpan(session.Start, session.End);
            return null;
        }
        catch (SessionTimeException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// The event a METHOD:CANCEL email carries: the session's UID with <paramref name="sequence"/>, and no video link,
    /// since it may go to someone who only waited for a place.
    /// </summary>
    public static CalendarEntry Cancellation(Session session, int sequence)
    {
        ArgumentNullException.ThrowIfNull(session);
        var online = session.IsOnline;
        return new CalendarEntry(
            Uid: session.Uid,
            Sequence: sequence,
            Title: session.Title,
            Description: session.ChangeNote,
            Start: session.Start,
            End: session.End,
            Location: online ? "Online" : session.Venue,
            Url: null,
            Status: SessionStatus.Cancelled,
            LastModified: session.UpdatedAt,
            Created: session.CreatedAt);
    }
}
