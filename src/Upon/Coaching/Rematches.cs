using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>
/// A coachee's ask to change coach leads to a rematch request with the current coach excluded: in the newest round not
/// yet published when they ask, or, when staff have none open, in the next round opened (the ask waits on the
/// relationship, <see cref="CoachingRelationship.ChangeRequestedOn"/>, flagged to staff meanwhile).
/// <para>
/// <b>Which asks open a rematch</b>: an ask on a relationship that is active, paused or ended early does (the coachee still
/// wants a coach: ending it early does not give them one); an ask on a completed relationship does not (the coaching it
/// asked to change is over, and asking is refused once it is). Nor does an ask waiting while the coachee has another
/// coach now (another relationship, active or paused, with no change asked): they have a coach.
/// </para>
/// </summary>
public sealed class Rematches(UponDbContext db, IClock clock)
{
    /// <summary>
    /// Relationships whose coachee asked to change coach and still wants a coach (the relationship is not completed and
    /// they have no other coach now), and whose rematch request is in no round yet.
    /// </summary>
    public IQueryable<CoachingRelationship> Waiting =>
        db.CoachingRelationships.Where(r => r.ChangeRequestedOn != null
            && r.Status != RelationshipStatus.Completed
            && !db.CoachingRelationships.Any(o => o.ParticipantId == r.ParticipantId && o.Id != r.Id
                && (o.Status == RelationshipStatus.Active || o.Status == RelationshipStatus.Paused) && o.ChangeRequestedOn == null)
            && !db.CoachingRequests.Any(q => q.ParticipantId == r.ParticipantId && q.RematchFromCoachId == r.CoachId));

    /// <summary>Whether an ask to change coach on <paramref name="relationship"/> may open a rematch: not once it is completed.</summary>
    public static bool OpensRematch(CoachingRelationship relationship) => relationship.Status != RelationshipStatus.Completed;

    /// <summary>Adds (not saved) to <paramref name="round"/>, whose requests are loaded, the rematch request of every waiting ask; returns how many.</summary>
    public async Task<int> TakeInWaitingAsync(MatchingRound round, CancellationToken cancellationToken = default)
    {
        var waiting = await Waiting.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var relationship in waiting) await AddAsync(round, relationship, cancellationToken);
        return waiting.Count;
    }

    /// <summary>
    /// Adds (not saved) to <paramref name="round"/> the rematch request of <paramref name="relationship"/>'s coachee: the
    /// wishes of their latest request, with the current coach excluded. When they already have a request in the round
    /// (its requests of theirs loaded), that request becomes the rematch.
    /// </summary>
    public async Task AddAsync(MatchingRound round, CoachingRelationship relationship, CancellationToken cancellationToken = default)
    {
        var inRound = round.Requests.FirstOrDefault(r => r.ParticipantId == relationship.ParticipantId);
        if (inRound is not null)
        {
            // A coach they changed from before stays excluded.
            if (inRound.RematchFromCoachId is { } before && before != relationship.CoachId)
            {
                inRound.AvoidCoachIds = CoachingLists.JoinIds([.. CoachingLists.SplitIds(inRound.AvoidCoachIds), before]);
            }

            inRound.RematchFromCoachId = relationship.CoachId;
            return;
        }

        var earlier = await db.CoachingRequests.AsNoTracking().Where(r => r.ParticipantId == relationship.ParticipantId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        round.Requests.Add(new CoachingRequest
        {
            ParticipantId = relationship.ParticipantId,
            AuthorityCode = earlier?.AuthorityCode,
            Must = earlier?.Must ?? "",
            WouldLike = earlier?.WouldLike ?? "",
            AuthorityKind = earlier?.AuthorityKind,
            Mode = earlier?.Mode ?? RequestedMode.Either,
            Region = earlier?.Region,
            AvoidCoachIds = earlier?.AvoidCoachIds ?? "",
            RematchFromCoachId = relationship.CoachId,
            CreatedAt = clock.GetCurrentInstant(),
        });
    }
}
