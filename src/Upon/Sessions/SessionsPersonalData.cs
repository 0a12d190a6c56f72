using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Privacy;

namespace Upon.Sessions;

/// <summary>
/// What the programme holds about a participant: their participant record (by email, or by their account's), its
/// register record, enrolments and their history, bookings, apologies and attendance. A participant with no programme
/// activity for the data map's period is due for erasure: activity here and what other features record
/// (<see cref="IProgrammeActivity"/>: coaching, equality information).
/// </summary>
public sealed class SessionsPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "The programme: enrolments, sessions and attendance";

    public IReadOnlyList<string> Tables { get; } = ["participants", "enrolments", "enrolment_status_changes", "bookings", "apologies", "attendance_records", "people", "appointments"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
        var normalised = subject.Email.ToUpperInvariant();
        var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var participants = await db.Participants.Where(p => p.Email.ToLower() == lower || (p.UserId != null && userIds.Contains(p.UserId))).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var ids = participants.Select(p => p.Id).ToList();
        var enrolments = await db.Enrolments.Where(e => ids.Contains(e.ParticipantId)).ToListAsync(cancellationToken);
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var personKeys = participants.Where(p => p.PersonKey != null).Select(p => p.PersonKey!.Value).ToList();
        var people = await db.People.Where(p => personKeys.Contains(p.Id)).ToListAsync(cancellationToken);
        return
        [
            new("participants", participants),
            new("enrolments", enrolments),
            new("enrolment_status_changes", await db.EnrolmentStatusChanges.Where(c => enrolmentIds.Contains(c.EnrolmentId)).ToListAsync(cancellationToken)),
            new("bookings", await db.Bookings.Where(b => ids.Contains(b.ParticipantId)).ToListAsync(cancellationToken)),
            new("apologies", await db.Apologies.Where(a => ids.Contains(a.ParticipantId)).ToListAsync(cancellationToken)),
            new("attendance_records", await db.AttendanceRecords.Where(a => ids.Contains(a.ParticipantId)).ToListAsync(cancellationToken)),
            .. await RegisterPersonalData.RowsAsync(db, people, cancellationToken),
        ];
    }

    /// <summary>
    /// Participants whose last programme activity is older than the data map keeps <c>participants</c>, and who are not
    /// erased already. Activity: the record created; an enrolment's start, end or change of status; a session booked,
    /// waited for or attended; and what other features record (<see cref="IProgrammeActivity"/>: a coaching relationship's
    /// dates and sessions, as coachee or coach; a coach profile; equality information saved; reviewing applications), by
    /// participant record or by the address of the record or its account. Never due while something goes on now: an
    /// enrolment not completed or withdrawn whose end date is still to come, a running coaching relationship, a coach in
    /// the pool.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("participants") is not { } since)
        {
            return [];
        }
        var today = context.Today;
        var participants = await db.Participants.AsNoTracking().Where(p => !p.Email.EndsWith(ErasedAddresses.End))
            .Select(p => new { p.Id, p.Email, p.CreatedAt, p.UserId }).ToListAsync(cancellationToken);
        var accountEmails = (await db.Users.AsNoTracking().Where(u => u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.Id, u => u.Email!.ToLowerInvariant(), StringComparer.Ordinal);
        var sessions = (await db.Bookings.AsNoTracking().Select(b => new { b.ParticipantId, b.Session!.EndUtc }).ToListAsync(cancellationToken))
            .Concat(await db.AttendanceRecords.AsNoTracking().Select(a => new { a.ParticipantId, a.Session!.EndUtc }).ToListAsync(cancellationToken))
            .GroupBy(x => x.ParticipantId).ToDictionary(g => g.Key, g => g.Max(x => x.EndUtc).InZone(Upon.Core.Time.London).Date);
        var enrolmentRows = await db.Enrolments.AsNoTracking().Select(e => new { e.Id, e.ParticipantId, e.StartsOn, e.EndsOn, e.Status }).ToListAsync(cancellationToken);
        var changes = (await db.EnrolmentStatusChanges.AsNoTracking().Select(c => new { c.EnrolmentId, c.RecordedAt }).ToListAsync(cancellationToken))
            .GroupBy(c => c.EnrolmentId).ToDictionary(g => g.Key, g => g.Max(c => c.RecordedAt).InZone(Upon.Core.Time.London).Date);
        var byParticipant = new Dictionary<int, (LocalDate Last, bool Current)>();
        var byEmail = new Dictionary<string, (LocalDate Last, bool Current)>(StringComparer.Ordinal);
        static void Note<TKey>(Dictionary<TKey, (LocalDate Last, bool Current)> into, TKey key, LocalDate last, bool current)
            where TKey : notnull =>
            into[key] = into.TryGetValue(key, out var was) ? (LocalDate.Max(was.Last, last), was.Current || current) : (last, current);
        foreach (var e in enrolmentRows)
        {
            var last = LocalDate.Min(LocalDate.Max(e.StartsOn, e.EndsOn ?? e.StartsOn), today);
            if (changes.TryGetValue(e.Id, out var changed))
            {
                last = LocalDate.Max(last, changed);
            }
            // Only an enrolment with an end still to come goes on now: one with no end date counts from its start and its
            // changes, or an enrolment no one closed would keep its person for ever.
            Note(byParticipant, e.ParticipantId, last, e.Status is not (EnrolmentStatus.Completed or EnrolmentStatus.Withdrawn) && e.EndsOn is { } ends && ends >= today);
        }
        foreach (var (participantId, session) in sessions)
        {
            Note(byParticipant, participantId, session, false);
        }
        foreach (var a in context.Activity.All)
        {
            if (a.ParticipantId is { } id)
            {
                Note(byParticipant, id, a.Last, a.Current);
            }
            if (a.LowerEmail is { } email)
            {
                Note(byEmail, email, a.Last, a.Current);
            }
        }
        var due = new List<RetentionDue>();
        foreach (var p in participants)
        {
            var last = p.CreatedAt.InZone(Upon.Core.Time.London).Date;
            var current = false;
            var found = new List<(LocalDate Last, bool Current)>();
            if (byParticipant.TryGetValue(p.Id, out var mine))
            {
                found.Add(mine);
            }
            foreach (var email in new[] { p.Email.ToLowerInvariant(), p.UserId is { } userId && accountEmails.TryGetValue(userId, out var account) ? account : null })
            {
                if (email is not null && byEmail.TryGetValue(email, out var theirs))
                {
                    found.Add(theirs);
                }
            }
            foreach (var (at, now) in found)
            {
                last = LocalDate.Max(last, at);
                current |= now;
            }
            if (!current && last < since)
            {
                due.Add(new RetentionDue("Participants with no activity", $"participant #{p.Id}: last programme activity before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}", new DataSubject(p.Email)));
            }
        }
        return due;
    }
}
