using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>A session as one participant sees it: its seats, and their own booking, place in the queue or apologies.</summary>
public sealed record ParticipantSession(Session Session, int Booked, int Waiting, Booking? Booking, int? WaitingPosition, Apology? Apology)
{
    public bool Full => Booked >= Session.Capacity;
    public bool HasPlace => Booking?.Status == BookingStatus.Booked;
    public bool IsWaiting => Booking?.Status == BookingStatus.Waitlisted;

    /// <summary>Whether the session had ended when it was read: a past session shows as held, never as open to book.</summary>
    public bool Ended { get; init; }
}

/// <summary>The sessions open to a participant and where they stand on each.</summary>
public sealed class ParticipantSessions(UponDbContext db, IClock clock, IEnumerable<Upon.Shared.IClosedSessionSource> closedSources)
{
    /// <summary>Which of the sessions are only for the people booked on them (<see cref="Upon.Shared.IClosedSessionSource"/>).</summary>
    public async Task<IReadOnlySet<int>> ClosedAsync(IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken = default)
    {
        var closed = new HashSet<int>();
        foreach (var source in closedSources)
        {
            closed.UnionWith(await source.ClosedAmongAsync(sessionIds, cancellationToken));
        }
        return closed;
    }

    /// <summary>Sessions not yet ended that are open to the participant or that they hold a booking on, soonest first.</summary>
    public async Task<IReadOnlyList<ParticipantSession>> UpcomingAsync(Participant participant, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var strandIds = participant.Enrolments.Select(e => e.StrandId).Distinct().ToList();
        var held = (await db.Bookings.Where(b => b.ParticipantId == participant.Id && b.Status != BookingStatus.Cancelled)
            .Select(b => b.SessionId).ToListAsync(cancellationToken)).ToHashSet();
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort)
            .Where(s => s.EndUtc > now && (strandIds.Contains(s.StrandId) || held.Contains(s.Id)))
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var closed = await ClosedAsync([.. sessions.Where(s => !held.Contains(s.Id)).Select(s => s.Id)], cancellationToken);
        sessions = [.. sessions.Where(s => held.Contains(s.Id) || (!closed.Contains(s.Id) && BookingService.IsOpenTo(s, participant.Enrolments, s.Start.Date)))];
        return await DescribeAsync(sessions, participant, cancellationToken);
    }

    /// <summary>One session as this participant sees it, or null when it is neither open to them nor booked by them.</summary>
    public async Task<ParticipantSession?> FindAsync(int sessionId, Participant participant, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort).FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var mine = await db.Bookings.AnyAsync(b => b.SessionId == sessionId && b.ParticipantId == participant.Id, cancellationToken)
            || await db.Apologies.AnyAsync(a => a.SessionId == sessionId && a.ParticipantId == participant.Id, cancellationToken);
        if (!mine && (!BookingService.IsOpenTo(session, participant.Enrolments, session.Start.Date) || (await ClosedAsync([sessionId], cancellationToken)).Count > 0))
        {
            return null;
        }
        return (await DescribeAsync([session], participant, cancellationToken))[0];
    }

    private async Task<IReadOnlyList<ParticipantSession>> DescribeAsync(List<Session> sessions, Participant participant, CancellationToken cancellationToken)
    {
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.Bookings.Where(b => ids.Contains(b.SessionId) && b.Status != BookingStatus.Cancelled)
            .GroupBy(b => new { b.SessionId, b.Status }).Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var mine = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.SessionId) && b.ParticipantId == participant.Id).ToDictionaryAsync(b => b.SessionId, cancellationToken);
        var apologies = await db.Apologies.AsNoTracking().Where(a => ids.Contains(a.SessionId) && a.ParticipantId == participant.Id).ToDictionaryAsync(a => a.SessionId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var result = new List<ParticipantSession>(sessions.Count);
        foreach (var session in sessions)
        {
            var booking = mine.GetValueOrDefault(session.Id);
            int? position = null;
            if (booking?.Status == BookingStatus.Waitlisted)
            {
                position = 1 + await db.Bookings.CountAsync(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted && b.Queue < booking.Queue, cancellationToken);
            }
            result.Add(new ParticipantSession(session,
                counts.Where(c => c.SessionId == session.Id && c.Status == BookingStatus.Booked).Sum(c => c.Count),
                counts.Where(c => c.SessionId == session.Id && c.Status == BookingStatus.Waitlisted).Sum(c => c.Count),
                booking, position, apologies.GetValueOrDefault(session.Id)) { Ended = session.EndUtc <= now });
        }
        return result;
    }
}
