using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Email;

namespace Upon.Sessions;

/// <summary>
/// The changes to a session that reach people: moving it online, postponing it to a new date, cancelling it. Each one
/// locks the session, sets its status and change note, raises its iCalendar SEQUENCE and puts one email per person booked
/// or waiting in the outbox, all in one transaction. Errors are keyed by form field (<c>Date.day</c>, <c>StartTime</c>,
/// <c>EndTime</c>, <c>Reason</c>); an empty key means the session can no longer have that change.
/// </summary>
public sealed class SessionChanges(UponDbContext db, IOptions<EmailOptions> email, ILogger<SessionChanges> logger)
{
    public const int MaxReasonLength = 500;

    /// <summary>The changes a session can still have: none once it has ended or been cancelled.</summary>
    public static bool CanChange(Session session, Instant now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Status != SessionStatus.Cancelled && session.EndUtc > now;
    }

    /// <summary>Whether the session can move online: it can change, it is in person (it has a venue), and has not already moved.</summary>
    public static bool CanMoveOnline(Session session, Instant now) =>
        CanChange(session, now) && session.Venue is not null && !session.MovedOnline;

    /// <summary>
    /// Moves a session online with its video link. The venue is kept for the record; the status becomes moved online.
    /// </summary>
    public Task<SaveResult> MoveOnlineAsync(int sessionId, string videoLink, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(videoLink);
        return ChangeAsync(sessionId, (session, now) =>
        {
            if (!CanMoveOnline(session, now))
            {
                return ChangeOutcome.Fail(Refuse(session, now, "moved online"));
            }
            var wasWhere = SessionNotices.Where(session, waiting: false);
            var wasWhereForWaiting = SessionNotices.Where(session, waiting: true);
            var wasLink = session.UsableVideoLink;
            session.Status = SessionStatus.MovedOnline;
            session.MovedOnline = true;
            session.VideoLink = videoLink;
            session.ChangeNote = Note("Moved online.", reason);
            var changes = new List<NoticeChange>
            {
                new("Where", wasWhere, $"online at {videoLink}", NowForWaiting: "online (the video link is sent to people with a place)", WasForWaiting: wasWhereForWaiting),
            };
            if (wasLink is not null && wasLink != videoLink)
            {
                changes.Add(new NoticeChange("Video link", wasLink, videoLink, HideFromWaiting: true));
            }
            return ChangeOutcome.Send(new SessionNotice(
                $"Moved online: {session.Title}, {SessionFormat.When(session)}",
                $"{session.Title} on {SessionFormat.When(session)} has moved online. The date and time are the same.",
                changes, reason));
        }, cancellationToken);
    }

    /// <summary>
    /// Moves a session to a new date and time and marks it postponed, so that people see it has moved. Bookings and the
    /// waiting list stay as they are. The new start must be in the future and differ from the current one.
    /// </summary>
    public Task<SaveResult> PostponeAsync(int sessionId, LocalDateTime start, LocalDateTime end, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(sessionId, (session, now) =>
        {
            if (!CanChange(session, now))
            {
                return ChangeOutcome.Fail(Refuse(session, now, "postponed"));
            }
            var errors = SessionSchedule.Check(start, end).ToDictionary(e => e.Key == "Start" ? "StartTime" : "EndTime", e => e.Value);
            if (errors.Count > 0)
            {
                return ChangeOutcome.Fail(errors);
            }
            if (start == session.Start && end == session.End)
            {
                return ChangeOutcome.Fail(new() { ["Date.day"] = "Enter a date or time that is different from the current one" });
            }
            SessionTimes.TryResolve(start, out var startUtc, out _);
            if (startUtc <= now)
            {
                return ChangeOutcome.Fail(new() { ["Date.day"] = "The new date and time must be in the future" });
            }
            var was = SessionFormat.When(session);
            SessionSchedule.SetTimes(session, start, end);
            session.Status = SessionStatus.Postponed;
            session.ChangeNote = Note($"Postponed from {was}.", reason);
            return ChangeOutcome.Send(new SessionNotice(
                $"Postponed: {session.Title}, now {SessionFormat.When(session)}",
                $"{session.Title}, planned for {was}, has been postponed to {SessionFormat.When(session)}.",
                [new NoticeChange("Time", was, SessionFormat.When(session))],
                reason));
        }, cancellationToken);

    /// <summary>Cancels a session, with the reason people are given. Bookings are kept as the record of who was booked.</summary>
    public Task<SaveResult> CancelAsync(int sessionId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ChangeAsync(sessionId, (session, now) =>
        {
            if (!CanChange(session, now))
            {
                return ChangeOutcome.Fail(Refuse(session, now, "cancelled"));
            }
            var wasStatus = session.Status.DisplayName();
            session.Status = SessionStatus.Cancelled;
            session.ChangeNote = Note("Cancelled.", reason);
            return ChangeOutcome.Send(new SessionNotice(
                $"Cancelled: {session.Title}, {SessionFormat.When(session)}",
                $"{session.Title} on {SessionFormat.When(session)} has been cancelled. It will not take place.",
                [new NoticeChange("Status", wasStatus, "Cancelled")],
                reason,
                Cancelled: true));
        }, cancellationToken);
    }

    /// <summary>
    /// Locks the session, lets <paramref name="change"/> change it (returning the notice to send, or the errors), then raises
    /// the SEQUENCE, enqueues the emails and saves, in one transaction.
    /// </summary>
    private async Task<SaveResult> ChangeAsync(int sessionId, Func<Session, Instant, ChangeOutcome> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await SessionSchedule.LockAsync(db, sessionId, cancellationToken))
        {
            throw new KeyNotFoundException($"Session {sessionId} does not exist.");
        }
        var session = await db.Sessions.SingleAsync(s => s.Id == sessionId, cancellationToken);
        var now = db.Clock.GetCurrentInstant();
        var outcome = change(session, now);
        if (outcome.Errors is { } errors)
        {
            return SaveResult.Failed(errors);
        }
        session.Sequence++;
        session.UpdatedAt = now;
        var recipients = await SessionNotices.RecipientsAsync(db, sessionId, cancellationToken);
        var emailed = SessionNotices.Enqueue(db, session, recipients, outcome.Notice!, BookingEmails.OrganizerOf(email.Value), logger);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SaveResult.Saved(sessionId, emailed);
    }

    private static Dictionary<string, string> Refuse(Session session, Instant now, string what) => new()
    {
        [""] = session.Status == SessionStatus.Cancelled
            ? $"This session has been cancelled, so it cannot be {what}"
            : session.EndUtc <= now
                ? $"This session has ended, so it cannot be {what}"
                : session.IsPlaceToBeConfirmed
                    ? $"This session has no venue yet, so it cannot be {what}"
                : session.Venue is null
                    ? $"This session is not in person, so it cannot be {what}"
                    : $"This session has already been {what}",
    };

    private static string Note(string what, string? reason) =>
        SessionService.Truncate(string.IsNullOrWhiteSpace(reason) ? what : $"{what} {reason.Trim()}", Session.MaxChangeNoteLength);

    /// <summary>What a change gives back: the notice to send, or the problems.</summary>
    private readonly record struct ChangeOutcome(SessionNotice? Notice, Dictionary<string, string>? Errors)
    {
        public static ChangeOutcome Send(SessionNotice notice) => new(notice, null);

        public static ChangeOutcome Fail(Dictionary<string, string> errors) => new(null, errors);
    }
}
