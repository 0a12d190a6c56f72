using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>
/// One person on a session's register: someone with a seat, someone who sent apologies, or someone already marked
/// (who may since have cancelled).
/// </summary>
/// <param name="Participant">The person.</param>
/// <param name="HasSeat">Whether they hold a seat (a booking that is neither cancelled nor waiting).</param>
/// <param name="Apology">Their apologies in advance, if they sent them.</param>
/// <param name="Record">Their mark, once the register has one.</param>
public sealed record RegisterLine(Participant Participant, bool HasSeat, Apology? Apology, AttendanceRecord? Record)
{
    /// <summary>The mark a blank register starts from: excused for apologies, otherwise none.</summary>
    public AttendanceMark? Suggested => Record?.Mark ?? (Apology is not null ? AttendanceMark.Excused : null);
}

/// <summary>A session's register: everyone expected, in name order, and whether it can be marked now.</summary>
public sealed record SessionRegister(Session Session, IReadOnlyList<RegisterLine> Lines, RegisterAvailability Availability)
{
    public bool IsOpen => Availability == RegisterAvailability.Open;

    /// <summary>Whether the session had ended when this was read, so its status shows as held.</summary>
    public bool HasEnded { get; init; }

    /// <summary>The most recent mark recorded, for "last marked by ... on ...".</summary>
    public AttendanceRecord? LastRecorded => Lines.Select(l => l.Record).OfType<AttendanceRecord>().MaxBy(r => r.RecordedAt);

    public int Marked => Lines.Count(l => l.Record is not null);

    public RegisterLine? Find(int participantId) => Lines.FirstOrDefault(l => l.Participant.Id == participantId);

    /// <summary>The people an attendance report's rows may be matched to.</summary>
    public IReadOnlyList<ExpectedAttendee> Expected =>
        [.. Lines.Select(l => new ExpectedAttendee(l.Participant.Id, l.Participant.Email, l.Participant.FullName))];
}

/// <summary>Reads sessions' registers. Who is expected: see <see cref="SessionRegister"/> and the README.</summary>
public sealed class SessionRegisters(UponDbContext db, IClock clock)
{
    /// <summary>The register of a session, or null when there is no such session.</summary>
    public async Task<SessionRegister?> LoadAsync(int sessionId, CancellationToken cancellationToken = default)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort)
            .FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }
        var seats = await db.Bookings.AsNoTracking()
            .Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked)
            .Select(b => b.ParticipantId).ToListAsync(cancellationToken);
        var apologies = await db.Apologies.AsNoTracking().Where(a => a.SessionId == sessionId).ToDictionaryAsync(a => a.ParticipantId, cancellationToken);
        var records = await db.AttendanceRecords.AsNoTracking().Where(r => r.SessionId == sessionId).ToDictionaryAsync(r => r.ParticipantId, cancellationToken);
        var ids = seats.Concat(apologies.Keys).Concat(records.Keys).Distinct().ToList();
        var people = await db.Participants.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var seated = seats.ToHashSet();
        var lines = people
            .OrderBy(p => p.FamilyName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.GivenName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(p => p.Id)
            .Select(p => new RegisterLine(p, seated.Contains(p.Id), apologies.GetValueOrDefault(p.Id), records.GetValueOrDefault(p.Id)))
            .ToList();
        var now = clock.GetCurrentInstant();
        return new SessionRegister(session, lines, AttendanceRules.AvailabilityOf(session.Status, session.StartUtc, now)) { HasEnded = session.EndUtc <= now };
    }
}
