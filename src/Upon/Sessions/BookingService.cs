using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>What became of a request to book.</summary>
public enum BookingResult
{
    Booked,
    Waitlisted,

    /// <summary>The person already holds a seat or a place on the waiting list.</summary>
    AlreadyHeld,

    /// <summary>The session has started, has been cancelled, or is not open to this person.</summary>
    NotOpen,
    NotFound,
}

/// <param name="WaitingPosition">1 for the first person waiting; null unless waitlisted.</param>
/// <param name="Reason">Why the booking was refused, in words for the person.</param>
public sealed record BookingOutcome(BookingResult Result, Booking? Booking, int? WaitingPosition = null, string? Reason = null);

/// <summary>What became of a cancellation: the booking, and who was given the freed seat.</summary>
public sealed record CancellationOutcome(Booking Booking, Participant? Promoted)
{
    /// <summary>Why nothing was changed (<see cref="BookingService.StartedRefusal"/>), or null when the booking was cancelled.</summary>
    public string? Refused { get; init; }
}

/// <summary>What became of apologies: the apology recorded, or why it was refused (<see cref="ApologiesRule"/>).</summary>
public sealed record ApologyOutcome(Apology? Apology, string? Refused = null);

/// <summary>
/// Booking, cancelling and the waiting list. Every change happens with the session locked (a row lock on PostgreSQL,
/// the database write lock on SQLite), so counting the seats taken and taking one is a single step: capacity is never
/// exceeded, and places on the waiting list are handed out in the order requests got the lock.
/// </summary>
public sealed class BookingService(UponDbContext db, IClock clock, BookingEmails emails, IEnumerable<Upon.Shared.IClosedSessionSource> closedSources)
{
    public async Task<BookingOutcome> BookAsync(int sessionId, int participantId, string? requestedByUserId, bool onBehalf, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockAsync(sessionId, cancellationToken);
        var participant = await db.Participants.Include(p => p.Enrolments).FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);
        if (session is null || participant is null)
        {
            return new BookingOutcome(BookingResult.NotFound, null, Reason: session is null ? "There is no such session." : "There is no such participant.");
        }
        if (WhyClosed(session, participant, onBehalf) is { } reason)
        {
            return new BookingOutcome(BookingResult.NotOpen, null, Reason: reason);
        }
        if (!onBehalf && await IsClosedAsync(sessionId, cancellationToken))
        {
            return new BookingOutcome(BookingResult.NotOpen, null, Reason: "This session is only for the people booked on it.");
        }
        var existing = await db.Bookings.FirstOrDefaultAsync(b => b.SessionId == sessionId && b.ParticipantId == participantId, cancellationToken);
        if (existing is { Status: not BookingStatus.Cancelled })
        {
            return new BookingOutcome(BookingResult.AlreadyHeld, existing, await PositionAsync(existing, cancellationToken),
                existing.Status == BookingStatus.Booked ? "You already have a place on this session." : "You are already on the waiting list for this session.");
        }
        var booked = await db.Bookings.CountAsync(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked, cancellationToken);
        var lastInQueue = await db.Bookings.Where(b => b.SessionId == sessionId).MaxAsync(b => (long?)b.Queue, cancellationToken);
        var now = clock.GetCurrentInstant();
        var booking = existing ?? new Booking { SessionId = sessionId, ParticipantId = participantId };
        booking.Status = CapacityRule.StatusForRequest(booked, session.Capacity);
        booking.Queue = WaitingListOrder.NextQueueNumber(lastInQueue);
        booking.RequestedAt = now;
        booking.BookedAt = booking.Status == BookingStatus.Booked ? now : null;
        booking.CancelledAt = null;
        booking.RequestedByUserId = requestedByUserId;
        if (existing is null)
        {
            db.Bookings.Add(booking);
        }
        // Booking again withdraws apologies sent earlier.
        db.Apologies.RemoveRange(await db.Apologies.Where(a => a.SessionId == sessionId && a.ParticipantId == participantId).ToListAsync(cancellationToken));
        var position = await PositionAsync(booking, cancellationToken);
        emails.Confirmation(session, participant, booking.Status, position);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BookingOutcome(booking.Status == BookingStatus.Booked ? BookingResult.Booked : BookingResult.Waitlisted, booking, position);
    }

    /// <summary>Why a seat cannot be given up once its session has started.</summary>
    public const string StartedRefusal = "A place cannot be given up once the session has started: the register says who came";

    /// <summary>
    /// Cancels a seat or a place in the queue; a freed seat goes to the first person waiting, who is told by email. A seat
    /// is kept once the session has started (<see cref="CancellationOutcome.Refused"/>); a place in the queue can always be left.
    /// </summary>
    /// <returns>Null when the person holds no booking on the session.</returns>
    public async Task<CancellationOutcome?> CancelAsync(int sessionId, int participantId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockAsync(sessionId, cancellationToken);
        var booking = session is null ? null : await db.Bookings.Include(b => b.Participant)
            .FirstOrDefaultAsync(b => b.SessionId == sessionId && b.ParticipantId == participantId && b.Status != BookingStatus.Cancelled, cancellationToken);
        if (session is null || booking is null)
        {
            return null;
        }
        var freedSeat = booking.Status == BookingStatus.Booked;
        // A seat is kept once the session has started, as with apologies: the register then says who came, and giving it
        // up would take an absence out of the attendance figures and hand someone else a place at a session under way.
        if (freedSeat && session.StartUtc <= clock.GetCurrentInstant())
        {
            return new CancellationOutcome(booking, null) { Refused = StartedRefusal };
        }
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = clock.GetCurrentInstant();
        if (freedSeat)
        {
            // The person's calendar has the event at the current SEQUENCE; the cancellation must be newer to remove it.
            session.Sequence++;
        }
        emails.Cancelled(session, booking.Participant!, hadPlace: freedSeat);
        await db.SaveChangesAsync(cancellationToken);
        var promoted = freedSeat ? await PromoteAsync(session, cancellationToken) : [];
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CancellationOutcome(booking, promoted.FirstOrDefault());
    }

    /// <summary>
    /// Records apologies in advance; a seat or place held on the session is given up, so someone else can have it.
    /// Refused once the session has started (<see cref="ApologiesRule"/>).
    /// </summary>
    /// <returns>Null when there is no such session or participant.</returns>
    public async Task<ApologyOutcome?> SendApologiesAsync(int sessionId, int participantId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var session = await LockAsync(sessionId, cancellationToken);
        if (session is null || !await db.Participants.AnyAsync(p => p.Id == participantId, cancellationToken))
        {
            return null;
        }
        if (ApologiesRule.WhyRefused(session.StartUtc, clock) is { } refused)
        {
            return new ApologyOutcome(null, refused);
        }
        var apology = await db.Apologies.FirstOrDefaultAsync(a => a.SessionId == sessionId && a.ParticipantId == participantId, cancellationToken);
        if (apology is null)
        {
            apology = new Apology { SessionId = sessionId, ParticipantId = participantId, Reason = reason.Trim() };
            db.Apologies.Add(apology);
        }
        apology.Reason = reason.Trim();
        apology.SentAt = clock.GetCurrentInstant();
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.SessionId == sessionId && b.ParticipantId == participantId && b.Status != BookingStatus.Cancelled, cancellationToken);
        var freedSeat = booking?.Status == BookingStatus.Booked;
        if (booking is not null)
        {
            booking.Status = BookingStatus.Cancelled;
            booking.CancelledAt = apology.SentAt;
        }
        if (freedSeat)
        {
            // As a cancellation: the calendar's event is removed by a newer SEQUENCE, and the person is told.
            session.Sequence++;
            emails.Cancelled(session, (await db.Participants.SingleAsync(p => p.Id == participantId, cancellationToken)), hadPlace: true);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (freedSeat)
        {
            await PromoteAsync(session, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ApologyOutcome(apology);
    }

    private async Task<bool> IsClosedAsync(int sessionId, CancellationToken cancellationToken)
    {
        foreach (var source in closedSources)
        {
            if ((await source.ClosedAmongAsync([sessionId], cancellationToken)).Count > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Why the session cannot be booked by this person now, or null when it can.</summary>
    public string? WhyClosed(Session session, Participant participant, bool onBehalf)
    {
        if (BookingWindowRule.WhyClosed(session.Status, session.StartUtc, clock) is { } closed)
        {
            return closed;
        }
        // Staff may book anyone; a participant books the sessions of their own strand or cohort.
        if (!onBehalf && !IsOpenTo(session, participant.Enrolments, session.Start.Date))
        {
            return "This session is not part of your programme.";
        }
        return null;
    }

    /// <summary>
    /// Whether an enrolment on the session's date covers the session's strand, its cohort where it has one, and its stage
    /// (coaching groups are for the second year: <see cref="SessionStages"/>).
    /// </summary>
    public static bool IsOpenTo(Session session, IEnumerable<Enrolment> enrolments, LocalDate on) =>
        enrolments.Any(e => e.StrandId == session.StrandId && (session.CohortId is null || e.CohortId == session.CohortId) && e.StartsOn <= on && (e.EndsOn is null || on <= e.EndsOn)
            && SessionStages.IsForStage(session.Type, e.StartsOn, on));

    /// <summary>1 for the first person waiting; null for a booking not on the waiting list.</summary>
    public async Task<int?> PositionAsync(Booking booking, CancellationToken cancellationToken = default) =>
        booking.Status != BookingStatus.Waitlisted
            ? null
            : WaitingListOrder.Position(await db.Bookings.CountAsync(b => b.SessionId == booking.SessionId && b.Status == BookingStatus.Waitlisted && b.Queue < booking.Queue, cancellationToken));

    /// <summary>
    /// Gives free seats to the first people waiting, within the caller's transaction: the caller must already hold the
    /// session's lock (as <see cref="SessionService"/> does when it raises the capacity) and saves afterwards.
    /// </summary>
    public Task<List<Participant>> PromoteLockedAsync(Session session, CancellationToken cancellationToken = default) =>
        PromoteAsync(session, cancellationToken);

    private async Task<List<Participant>> PromoteAsync(Session session, CancellationToken cancellationToken)
    {
        // Counts what is saved: callers save a cancellation before promoting.
        var booked = await db.Bookings.CountAsync(b => b.SessionId == session.Id && b.Status == BookingStatus.Booked, cancellationToken);
        // Nobody is given a place at a session that has started (capacity raised during it, say).
        if (session.Status == SessionStatus.Cancelled || session.StartUtc <= clock.GetCurrentInstant() || CapacityRule.FreeSeats(booked, session.Capacity) == 0)
        {
            return [];
        }
        var waiting = await db.Bookings.Include(b => b.Participant)
            .Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted)
            .ToListAsync(cancellationToken);
        var next = PromotionRule.WhoIsPromoted(session.Status, booked, session.Capacity, waiting, b => b.Queue);
        var now = clock.GetCurrentInstant();
        foreach (var booking in next)
        {
            booking.Status = BookingStatus.Booked;
            booking.BookedAt = now;
            emails.PromotedFromWaitingList(session, booking.Participant!);
        }
        return [.. next.Select(b => b.Participant!)];
    }

    /// <summary>Loads the session holding its lock until the transaction ends.</summary>
    private async Task<Session?> LockAsync(int sessionId, CancellationToken cancellationToken)
    {
        await db.LockRowAsync<Session>(sessionId, cancellationToken);
        return await db.Sessions.Include(s => s.Strand).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
    }
}
