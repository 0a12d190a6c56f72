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
        var online = session.Status == SessionStatus.MovedOnline || session.Venue is null;
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
}
