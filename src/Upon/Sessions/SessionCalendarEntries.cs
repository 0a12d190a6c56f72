using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>A session as an iCalendar event: what feeds and email attachments carry.</summary>
public static class SessionCalendarEntries
{
    /// <param name="public">
    /// For the public strand feeds: no video link (only people with a place get it) and a link to the public page.
    /// </param>
    public static CalendarEntry For(Session session, string baseUrl, bool @public = false)
    {
        var online = session.IsOnline;
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
            Location: online ? (@public ? "Online" : session.VideoLink ?? "Online") : session.Venue,
            Url: online && !@public ? session.VideoLink : null,
            Status: session.Status,
            LastModified: session.UpdatedAt,
            Created: session.CreatedAt);
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
