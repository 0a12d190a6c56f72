using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Aspirants.CohortYear;

/// <summary>
/// Books a participant on one of the cohort year's sessions (a taught day, a set's meeting) inside the caller's
/// transaction, as accepting a place does: booked while there is room, else queued; an existing booking is kept.
/// </summary>
internal static class CohortYearBookings
{
    /// <summary>True when it booked or queued them; false when they already had a booking.</summary>
    public static async Task<bool> BookAsync(UponDbContext db, Session session, int participantId, Instant now, CancellationToken cancellationToken)
    {
        await db.LockRowAsync<Session>(session.Id, cancellationToken);
        var existing = await db.Bookings.FirstOrDefaultAsync(b => b.SessionId == session.Id && b.ParticipantId == participantId, cancellationToken);
        if (existing is { Status: not BookingStatus.Cancelled })
        {
            return false;
        }
        var booked = await db.Bookings.CountAsync(b => b.SessionId == session.Id && b.Status == BookingStatus.Booked, cancellationToken);
        var lastInQueue = await db.Bookings.Where(b => b.SessionId == session.Id).MaxAsync(b => (long?)b.Queue, cancellationToken);
        var booking = existing ?? new Booking { SessionId = session.Id, ParticipantId = participantId };
        booking.Status = CapacityRule.StatusForRequest(booked, session.Capacity);
        booking.Queue = WaitingListOrder.NextQueueNumber(lastInQueue);
        booking.RequestedAt = now;
        booking.BookedAt = booking.Status == BookingStatus.Booked ? now : null;
        booking.CancelledAt = null;
        if (existing is null)
        {
            db.Bookings.Add(booking);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
