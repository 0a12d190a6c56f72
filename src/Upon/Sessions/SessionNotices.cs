using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Email;

namespace Upon.Sessions;

/// <summary>
/// One thing about a session that changed, as an email states it: what, what it was and what it is now. People on the
/// waiting list do not get the video link until they have a place: <paramref name="NowForWaiting"/>, when given, is what
/// they are told it is now, <paramref name="WasForWaiting"/> what they are told it was, and a change with <paramref name="HideFromWaiting"/> is left out of their email.
/// </summary>
public sealed record NoticeChange(string What, string Was, string Now, string? NowForWaiting = null, bool HideFromWaiting = false, string? WasForWaiting = null);

/// <summary>An email about a change to a session, before it is addressed to each person.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Headline">The first sentence: "Leading through inspection has moved online."</param>
/// <param name="Changes">What changed, old and new.</param>
/// <param name="Reason">Why, in staff's words, if they gave one.</param>
/// <param name="Cancelled">Whether the session will no longer take place.</param>
public sealed record SessionNotice(string Subject, string Headline, IReadOnlyList<NoticeChange> Changes, string? Reason, bool Cancelled = false);

/// <summary>
/// Emails everyone booked on a session or waiting for a place about a change to it, through the outbox: the messages are
/// written by the caller's <c>SaveChangesAsync</c>, in the same transaction as the change.
/// </summary>
public static class SessionNotices
{
    /// <summary>The bookings to tell about a change: everyone booked or waiting, with their participant, waiting list in order.</summary>
    public static async Task<IReadOnlyList<Booking>> RecipientsAsync(UponDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Bookings.AsNoTracking().Include(b => b.Participant)
            .Where(b => b.SessionId == sessionId && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Waitlisted))
            .OrderBy(b => b.Status == BookingStatus.Booked ? 0 : 1).ThenBy(b => b.Queue).ThenBy(b => b.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Puts one email per person in <paramref name="recipients"/> in the outbox; returns how many. A cancellation's
    /// <c>cancelled.ics</c> names <paramref name="organizer"/> as its ORGANIZER and the person as its ATTENDEE; a session
    /// stored before today's bounds whose times cannot be an event is told about without it, logged to
    /// <paramref name="logger"/> (<see cref="BookingEmails.CanBeEmailedAsEvent"/>).
    /// </summary>
    public static int Enqueue(UponDbContext db, Session session, IReadOnlyList<Booking> recipients, SessionNotice notice, CalendarAddress organizer,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(notice);
        var attached = notice.Cancelled && recipients.Count > 0 && BookingEmails.CanBeEmailedAsEvent(session, "cancelled.ics", logger);
        var waiting = recipients.Where(b => b.Status == BookingStatus.Waitlisted).OrderBy(b => b.Queue).ThenBy(b => b.Id).ToList();
        foreach (var booking in recipients)
        {
            var participant = booking.Participant ?? throw new InvalidOperationException($"Booking {booking.Id} was loaded without its participant.");
            var position = booking.Status == BookingStatus.Waitlisted ? waiting.IndexOf(booking) + 1 : 0;
            // A cancelled session's email removes the event from calendars: the caller has raised the SEQUENCE already.
            EmailOutbox.Enqueue(db, participant.Email, notice.Subject, Text(session, notice, participant.GivenName, position),
                attachments: attached ? [BookingEmails.CancellationOf(session, db.Clock.GetCurrentInstant(), organizer, participant)] : null);
        }
        return recipients.Count;
    }

    /// <summary>
    /// The plain-text email for one person: <paramref name="waitingPosition"/> is their place on the waiting list, or 0
    /// when they have a place.
    /// </summary>
    public static string Text(Session session, SessionNotice notice, string givenName, int waitingPosition)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(notice);
        var waiting = waitingPosition > 0;
        var text = new StringBuilder();
        text.Append("Dear ").Append(givenName).Append(",\n\n");
        text.Append(notice.Headline).Append("\n\n");
        var changes = notice.Changes.Where(c => !(waiting && c.HideFromWaiting)).ToList();
        if (changes.Count > 0)
        {
            text.Append("What has changed\n\n");
            foreach (var change in changes)
            {
                text.Append(change.What).Append('\n');
                text.Append("  Was: ").Append(waiting && change.WasForWaiting is not null ? change.WasForWaiting : change.Was).Append('\n');
                text.Append("  Now: ").Append(waiting && change.NowForWaiting is not null ? change.NowForWaiting : change.Now).Append("\n\n");
            }
        }
        if (!string.IsNullOrWhiteSpace(notice.Reason))
        {
            text.Append("Why: ").Append(notice.Reason.Trim()).Append("\n\n");
        }
        text.Append(notice.Cancelled ? "The session that was planned\n\n" : "The session now\n\n");
        text.Append(session.Title).Append('\n');
        text.Append("When: ").Append(SessionFormat.When(session)).Append(" (UK time)\n");
        text.Append("Where: ").Append(Where(session, waiting)).Append("\n\n");
        if (notice.Cancelled)
        {
            text.Append(waiting
                ? "You were on the waiting list for this session. There is nothing you need to do.\n\n"
                : "You had a place on this session. There is nothing you need to do.\n\n");
        }
        else
        {
            text.Append(waiting
                ? string.Create(CultureInfo.InvariantCulture, $"You are number {waitingPosition} on the waiting list. We will email you if a place comes up.\n\n")
                : "You have a place on this session and keep it. There is nothing you need to do.\n\n");
        }
        text.Append("Upon, the leadership programme for Directors of Children's Services\n");
        return text.ToString();
    }

    /// <summary>
    /// Where the session is, as an email gives it: the venue, and the video link for people with a place (when it is an
    /// https address: <see cref="Session.UsableVideoLink"/>).
    /// </summary>
    public static string Where(Session session, bool waiting)
    {
        ArgumentNullException.ThrowIfNull(session);
        var link = session.UsableVideoLink;
        if (session.IsOnline)
        {
            return link is null ? "online (the link will follow)"
                : waiting ? "online (the link is sent to people with a place)"
                : $"online at {link}";
        }
        if (session.Venue is not null)
        {
            return link is null || waiting ? session.Venue : $"{session.Venue}, or online at {link}";
        }
        return SessionFormat.PlaceToBeConfirmed.ToLowerInvariant();
    }
}
