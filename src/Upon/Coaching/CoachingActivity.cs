using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Coaching;

/// <summary>
/// Coaching's programme activity, for the participants' retention rule: each relationship, for its coachee (by participant
/// record) and its coach (by address), from its start to its end or last change of status, and each session logged in
/// it; a relationship that holds a place (active or paused) goes on now until its end date, and counts up to that date
/// after it. A coach whose profile is not retired is in the pool now.
/// </summary>
public sealed class CoachingActivity(UponDbContext db) : IProgrammeActivity
{
    public async Task<IReadOnlyList<PersonActivity>> ActivityAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var coaches = await db.CoachProfiles.AsNoTracking().Select(c => new { c.Id, c.Email, c.Status, c.CreatedAt }).ToListAsync(cancellationToken);
        var emailOf = coaches.ToDictionary(c => c.Id, c => c.Email.ToLowerInvariant());
        var relationships = await db.CoachingRelationships.AsNoTracking()
            .Select(r => new { r.Id, r.CoachId, r.ParticipantId, r.StartsOn, r.EndsOn, r.Status, r.StatusChangedOn, r.ChangeRequestedOn })
            .ToListAsync(cancellationToken);
        var sessions = (await db.CoachingSessionLogs.AsNoTracking().Select(s => new { s.RelationshipId, s.Date }).ToListAsync(cancellationToken))
            .GroupBy(s => s.RelationshipId).ToDictionary(g => g.Key, g => g.Max(s => s.Date));
        var found = new List<PersonActivity>();
        foreach (var c in coaches)
        {
            found.Add(new PersonActivity(null, emailOf[c.Id], c.CreatedAt.InZone(Upon.Core.Time.London).Date, c.Status != CoachStatus.Retired));
        }
        foreach (var r in relationships)
        {
            // Active or paused goes on now until the coaching year's end; after it (no one marked it completed) it counts as
            // activity up to that end, or a relationship left open would keep both people for ever.
            var holdsAPlace = r.Status is RelationshipStatus.Active or RelationshipStatus.Paused;
            var current = holdsAPlace && r.EndsOn >= today;
            var last = r.StartsOn;
            foreach (var day in new LocalDate?[] { r.StatusChangedOn, r.ChangeRequestedOn, r.Status == RelationshipStatus.Completed || holdsAPlace ? r.EndsOn : null, sessions.TryGetValue(r.Id, out var session) ? session : null })
            {
                if (day is { } d && d > last && d <= today)
                {
                    last = d;
                }
            }
            found.Add(new PersonActivity(r.ParticipantId, null, last, current));
            if (emailOf.TryGetValue(r.CoachId, out var coach))
            {
                found.Add(new PersonActivity(null, coach, last, current));
            }
        }
        return found;
    }
}
