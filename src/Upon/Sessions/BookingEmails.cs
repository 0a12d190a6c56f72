using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Email;

namespace Upon.Sessions;

/// <summary>
/// The emails about a person's own bookings. Each is put in the outbox on the caller's context, so it is sent only if
/// the booking change it describes is saved. A confirmation of a seat carries the event as an <c>.ics</c> file.
/// </summary>
/// <remarks>
/// A session stored before today's bounds whose times cannot be an event (<see cref="SessionCalendarEntries.TimesProblem"/>)
/// is emailed about without its <c>.ics</c>, as the calendar feeds leave it out, and a video link that is not an absolute
/// https address is left off the event; each is logged as a warning naming the session. The email still goes.
/// </remarks>
public sealed class BookingEmails(UponDbContext db, IClock clock, IConfiguration configuration, IOptions<EmailOptions> email,
    ILogger<BookingEmails> logger)
{
    private string BaseUrl => Upon.Shared.AppLinks.BaseUrl(configuration);

    private CalendarAddress Organizer => OrganizerOf(email.Value);

    public void Confirmation(Session session, Participant participant, BookingStatus status, int? waitingPosition)
    {
        if (status == BookingStatus.Booked)
        {
            var invitation = Invitation(session);
            EmailOutbox.Enqueue(db, participant.Email, $"Booked: {session.Title}",
                $"Dear {participant.GivenName},\n\nYou have a place on {session.Title}.\n\n{Details(session)}\n\n" +
                (invitation is null ? "" : "The event is attached: open it to add it to your calendar, or subscribe to your calendar feed in Upon so changes reach your calendar by themselves.\n\n") +
                $"To cancel or send apologies: {BaseUrl}/my/sessions/{session.Id}\n",
                attachments: invitation is null ? null : [invitation]);
        }
        else
        {
            EmailOutbox.Enqueue(db, participant.Email, $"On the waiting list: {session.Title}",
                $"Dear {participant.GivenName},\n\n{session.Title} is full, so you are on its waiting list, number {waitingPosition}.\n\n{Details(session, waiting: true)}\n\n" +
                $"If a place becomes free it goes to the first person waiting, and we will email you at once if it is yours.\n\nTo leave the waiting list: {BaseUrl}/my/sessions/{session.Id}\n");
        }
    }

    public void PromotedFromWaitingList(Session session, Participant participant)
    {
        var invitation = Invitation(session);
        EmailOutbox.Enqueue(db, participant.Email, $"A place is yours: {session.Title}",
            $"Dear {participant.GivenName},\n\nA place has become free on {session.Title} and it is now yours: you are booked.\n\n{Details(session)}\n\n" +
            $"If you can no longer come, please cancel so the next person can have it: {BaseUrl}/my/sessions/{session.Id}\n",
            attachments: invitation is null ? null : [invitation]);
    }

    /// <summary>
    /// Tells a person their booking is cancelled. Someone who had a place was sent the event, so this email carries its
    /// cancellation (METHOD:CANCEL, the same UID, the session's SEQUENCE which the caller has raised) for their calendar
    /// to remove it, unless its times cannot be an event (<see cref="CanBeEmailedAsEvent"/>).
    /// </summary>
    public void Cancelled(Session session, Participant participant, bool hadPlace)
    {
        var attached = hadPlace && CanBeEmailedAsEvent(session, "cancelled.ics", logger);
        EmailOutbox.Enqueue(db, participant.Email, hadPlace ? $"Cancelled: your booking for {session.Title}" : $"Off the waiting list: {session.Title}",
            $"Dear {participant.GivenName},\n\n" +
            (hadPlace
                ? $"Your booking for {session.Title} ({SessionFormat.When(session)}) is cancelled.{(attached ? " The attached cancellation removes the event from your calendar." : "")}\n\n"
                : $"You are no longer on the waiting list for {session.Title} ({SessionFormat.When(session)}).\n\n") +
            $"To book again: {BaseUrl}/my/sessions/{session.Id}\n",
            attachments: attached ? [CancellationOf(session, db.Clock.GetCurrentInstant(), Organizer, participant)] : null);
    }

    /// <summary>
    /// Whether the session's times can be an event in an emailed <paramref name="fileName"/>. A session stored before
    /// today's bounds may have times that cannot (<see cref="SessionCalendarEntries.TimesProblem"/>: over 14 London days,
    /// an end before its start, a time London skips or repeats); its email then goes without the file, as the calendar
    /// feeds leave it out, and this logs a warning naming the session so staff can correct it.
    /// </summary>
    public static bool CanBeEmailedAsEvent(Session session, string fileName, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(logger);
        if (SessionCalendarEntries.TimesProblem(session) is not { } problem)
        {
            return true;
        }
        logger.LogWarning("Session {SessionId} is emailed without its {FileName}: its times cannot be an event ({Problem})", session.Id, fileName, problem);
        return false;
    }

    /// <summary>
    /// The METHOD:CANCEL calendar attachment for a session, at its current SEQUENCE, from <paramref name="organizer"/>
    /// (ORGANIZER) to <paramref name="to"/> (ATTENDEE). Throws for a session whose times cannot be an event: ask
    /// <see cref="CanBeEmailedAsEvent"/> first.
    /// </summary>
    public static EmailAttachment CancellationOf(Session session, Instant stamp, CalendarAddress organizer, Participant to)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(to);
        return new("cancelled.ics", "text/calendar; charset=utf-8; method=CANCEL",
            System.Text.Encoding.UTF8.GetBytes(SessionCalendar.Cancellation(SessionCalendarEntries.Cancellation(session, session.Sequence), stamp,
                organizer, new CalendarAddress(to.Email, to.FullName))));
    }

    /// <summary>The ORGANIZER of the events Upon emails: the address every email comes from (<c>Email:From</c>).</summary>
    public static CalendarAddress OrganizerOf(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var from = MailboxAddress.Parse(options.From);
        return new CalendarAddress(from.Address, string.IsNullOrWhiteSpace(from.Name) ? null : from.Name);
    }

    /// <summary>When and where, as told to someone with a place or, with <paramref name="waiting"/>, someone only waiting for one (no video link).</summary>
    private static string Details(Session session, bool waiting = false) =>
        $"When: {SessionFormat.When(session)} (UK time)\nWhere: {(waiting ? SessionFormat.WhereForWaiting(session) : SessionFormat.Where(session))}" +
        (session.CircumstancesPermitting && session.Status == SessionStatus.Scheduled ? "\nThis session is in person circumstances permitting: if it has to move online we will tell you." : "");

    /// <summary>
    /// The seat's <c>session.ics</c>, or null when the session's times cannot be an event (<see cref="CanBeEmailedAsEvent"/>).
    /// A video link that is not an absolute https address is left off the event (LOCATION "Online", no URL), as in the
    /// private feed, with a warning naming the session.
    /// </summary>
    private EmailAttachment? Invitation(Session session)
    {
        if (!CanBeEmailedAsEvent(session, "session.ics", logger))
        {
            return null;
        }
        if (session.IsOnline && session.HasUnusableVideoLink)
        {
            logger.LogWarning("Session {SessionId}'s session.ics is emailed without its video link, which is not an absolute https address", session.Id);
        }
        return new("session.ics", "text/calendar; charset=utf-8; method=PUBLISH",
            System.Text.Encoding.UTF8.GetBytes(SessionCalendar.SingleEvent(SessionCalendarEntries.For(session, BaseUrl), clock.GetCurrentInstant(), Organizer)));
    }
}
