using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Privacy;

namespace Upon.Sessions;

/// <summary>
/// What the programme holds about a participant: their participant record (by email, or by their account's), its
/// register record, enrolments and their history, bookings, apologies and attendance. A participant with no programme
/// activity for the data map's period is due for erasure.
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
    /// Participants whose last programme activity (created, enrolled or left, a session booked or attended) is older than
    /// the data map keeps <c>participants</c>, and who are not erased already.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("participants") is not { } since)
        {
            return [];
        }
        var participants = await db.Participants.AsNoTracking().Where(p => !p.Email.EndsWith("@erased.invalid"))
            .Select(p => new { p.Id, p.Email, p.CreatedAt }).ToListAsync(cancellationToken);
        var sessions = (await db.Bookings.AsNoTracking().Select(b => new { b.ParticipantId, b.Session!.EndUtc }).ToListAsync(cancellationToken))
            .Concat(await db.AttendanceRecords.AsNoTracking().Select(a => new { a.ParticipantId, a.Session!.EndUtc }).ToListAsync(cancellationToken))
            .GroupBy(x => x.ParticipantId).ToDictionary(g => g.Key, g => g.Max(x => x.EndUtc).InZone(Upon.Core.Time.London).Date);
        var enrolments = (await db.Enrolments.AsNoTracking().Select(e => new { e.ParticipantId, e.StartsOn, e.EndsOn }).ToListAsync(cancellationToken))
            .GroupBy(e => e.ParticipantId).ToDictionary(g => g.Key, g => g.Max(e => e.EndsOn ?? e.StartsOn));
        var due = new List<RetentionDue>();
        foreach (var p in participants)
        {
            var last = p.CreatedAt.InZone(Upon.Core.Time.London).Date;
            if (sessions.TryGetValue(p.Id, out var session) && session > last)
            {
                last = session;
            }
            if (enrolments.TryGetValue(p.Id, out var enrolment) && enrolment > last)
            {
                last = enrolment;
            }
            if (last < since)
            {
                due.Add(new RetentionDue("Participants with no activity", $"participant #{p.Id}: last programme activity before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}", new DataSubject(p.Email)));
            }
        }
        return due;
    }
}
