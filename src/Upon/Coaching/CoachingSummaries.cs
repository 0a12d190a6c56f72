using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>A coaching relationship as other features show it: the coach, dates, status and hours used against entitlement (never what was asked).</summary>
public sealed record CoachingSummary(int RelationshipId, string CoachName, LocalDate StartsOn, LocalDate EndsOn, RelationshipStatus Status,
    int MinutesUsed, int EntitledMinutes, int EntitledSessions, int ConfirmedSessions);

/// <summary>Reads of a participant's coaching relationships for other features (the New Directors journey).</summary>
public sealed class CoachingSummaries(UponDbContext db)
{
    /// <summary>The participant's relationships that overlap <paramref name="from"/> to <paramref name="to"/>, earliest first.</summary>
    public async Task<IReadOnlyList<CoachingSummary>> ForParticipantAsync(int participantId, LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        var relationships = await db.CoachingRelationships.AsNoTracking().Include(r => r.Coach).Include(r => r.Sessions)
            .Where(r => r.ParticipantId == participantId && r.StartsOn <= to && r.EndsOn >= from)
            .ToListAsync(cancellationToken);
        return [.. relationships.OrderBy(r => r.StartsOn).ThenBy(r => r.Id).Select(r => new CoachingSummary(r.Id, r.Coach!.FullName, r.StartsOn, r.EndsOn, r.Status,
            CoachingHours.MinutesUsed(r.Sessions), r.EntitledMinutes, r.EntitledSessions, r.Sessions.Count(s => s.Confirmation == SessionConfirmation.Confirmed)))];
    }

    /// <summary>
    /// The dates of the confirmed coaching sessions of one participant, or of every participant when
    /// <paramref name="participantId"/> is null, by participant: one query however many people are counted.
    /// </summary>
    public async Task<ILookup<int, LocalDate>> ConfirmedSessionDatesAsync(int? participantId, CancellationToken cancellationToken = default)
    {
        var query = db.CoachingSessionLogs.AsNoTracking().Where(s => s.Confirmation == SessionConfirmation.Confirmed);
        if (participantId is { } id)
        {
            query = query.Where(s => s.Relationship!.ParticipantId == id);
        }
        return (await query.Select(s => new { s.Relationship!.ParticipantId, s.Date }).ToListAsync(cancellationToken))
            .ToLookup(s => s.ParticipantId, s => s.Date);
    }
}
