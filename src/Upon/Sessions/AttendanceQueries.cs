using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>
/// One person expected at one session that has started: they held a seat, sent apologies, or have been marked. The
/// session comes with its strand and cohort.
/// </summary>
public sealed record ExpectedAttendance(Session Session, Participant Participant, AttendanceRecord? Record, Apology? Apology)
{
    public AttendanceMark? Mark => Record?.Mark;

    /// <summary>The fact the Core figures count.</summary>
    public AttendanceFact ToFact() =>
        new(Session.Id, Participant.Id, Session.Strand?.Name ?? "", Session.Cohort?.Name, Session.Type, Session.Start.Date, Record?.Mark);
}

/// <summary>A person's attendance record: every session they were expected at, their figures, and whether they have missed two in a row.</summary>
public sealed record AttendanceHistory(IReadOnlyList<ExpectedAttendance> Sessions, AttendanceGroupRow Total, MissedStreak? MissedTwoInARow);

/// <summary>
/// Who was expected at sessions that have started, and their marks. A session counts from its start (a session under
/// way is expected but may be unmarked) and cancelled sessions never count. Someone is expected when they hold a seat
/// (booked, not waiting or cancelled), sent apologies, or have a mark (someone marked who later cancelled still
/// counts).
/// </summary>
public sealed class AttendanceQueries(UponDbContext db, IClock clock)
{
    /// <summary>Sessions starting from <paramref name="from"/> to <paramref name="to"/> (London dates, both inclusive), optionally of one strand.</summary>
    public Task<IReadOnlyList<ExpectedAttendance>> ForPeriodAsync(LocalDate from, LocalDate to, int? strandId, CancellationToken cancellationToken = default)
    {
        var start = from.AtStartOfDayInZone(Time.London).ToInstant();
        var end = to.PlusDays(1).AtStartOfDayInZone(Time.London).ToInstant();
        var sessions = db.Sessions.Where(s => s.StartUtc >= start && s.StartUtc < end);
        if (strandId is { } strand)
        {
            sessions = sessions.Where(s => s.StrandId == strand);
        }
        return ExpectedAsync(sessions, participantId: null, cancellationToken);
    }

    /// <summary>Every session that has started that the person was expected at, oldest first.</summary>
    public Task<IReadOnlyList<ExpectedAttendance>> ForParticipantAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var sessions = db.Sessions.Where(s =>
            db.Bookings.Any(b => b.SessionId == s.Id && b.ParticipantId == participantId && b.Status == BookingStatus.Booked)
            || db.Apologies.Any(a => a.SessionId == s.Id && a.ParticipantId == participantId)
            || db.AttendanceRecords.Any(r => r.SessionId == s.Id && r.ParticipantId == participantId));
        return ExpectedAsync(sessions, participantId, cancellationToken);
    }

    /// <summary>A person's attendance record, with the same definitions as the programme's figures.</summary>
    public async Task<AttendanceHistory> HistoryAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var lines = await ForParticipantAsync(participantId, cancellationToken);
        var facts = lines.Select(l => l.ToFact()).ToList();
        return new AttendanceHistory(lines, AttendanceFigures.Total(facts), AttendanceFigures.MissedTwoInARow(facts) is [var first, ..] ? first : null);
    }

    /// <summary>
    /// The marked facts of these people (marks on sessions that have started and were not cancelled): enough for their
    /// attendance rates and for missed two in a row, which count marked sessions only.
    /// </summary>
    public async Task<ILookup<int, AttendanceFact>> MarkedFactsAsync(IReadOnlyCollection<int> participantIds, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var ids = participantIds.ToList();
        var marks = await db.AttendanceRecords.AsNoTracking()
            .Where(r => ids.Contains(r.ParticipantId) && r.Session!.Status != SessionStatus.Cancelled && r.Session.StartUtc <= now)
            .Select(r => new { r.SessionId, r.ParticipantId, Strand = r.Session!.Strand!.Name, Cohort = r.Session.Cohort == null ? null : r.Session.Cohort.Name, r.Session.Type, r.Session.Start, r.Mark })
            .ToListAsync(cancellationToken);
        return marks.ToLookup(m => m.ParticipantId, m => new AttendanceFact(m.SessionId, m.ParticipantId, m.Strand, m.Cohort, m.Type, m.Start.Date, m.Mark));
    }

    private async Task<IReadOnlyList<ExpectedAttendance>> ExpectedAsync(IQueryable<Session> query, int? participantId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var sessions = await query.AsNoTracking().Include(s => s.Strand).Include(s => s.Cohort)
            .Where(s => s.Status != SessionStatus.Cancelled && s.StartUtc <= now)
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        if (sessions.Count == 0)
        {
            return [];
        }
        var ids = sessions.Keys.ToList();
        var seats = db.Bookings.Where(b => ids.Contains(b.SessionId) && b.Status == BookingStatus.Booked);
        var apologies = db.Apologies.Where(a => ids.Contains(a.SessionId));
        var records = db.AttendanceRecords.Where(r => ids.Contains(r.SessionId));
        if (participantId is { } only)
        {
            seats = seats.Where(b => b.ParticipantId == only);
            apologies = apologies.Where(a => a.ParticipantId == only);
            records = records.Where(r => r.ParticipantId == only);
        }
        var seatKeys = await seats.Select(b => new { b.SessionId, b.ParticipantId }).ToListAsync(cancellationToken);
        var apologyRows = await apologies.AsNoTracking().ToDictionaryAsync(a => (a.SessionId, a.ParticipantId), cancellationToken);
        var recordRows = await records.AsNoTracking().ToDictionaryAsync(r => (r.SessionId, r.ParticipantId), cancellationToken);
        var keys = seatKeys.Select(k => (k.SessionId, k.ParticipantId)).Concat(apologyRows.Keys).Concat(recordRows.Keys).Distinct().ToList();
        var personIds = keys.Select(k => k.ParticipantId).Distinct().ToList();
        var people = await db.Participants.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. keys
            .Select(k => new ExpectedAttendance(sessions[k.SessionId], people[k.ParticipantId], recordRows.GetValueOrDefault(k), apologyRows.GetValueOrDefault(k)))
            .OrderBy(e => e.Session.StartUtc).ThenBy(e => e.Session.Id)
            .ThenBy(e => e.Participant.FamilyName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(e => e.Participant.GivenName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(e => e.Participant.Id)];
    }
}
