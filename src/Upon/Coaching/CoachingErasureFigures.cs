using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Coaching;

/// <summary>
/// Keeps the coaching figures' wish counts (how many characteristics participants asked for in a coach, and how many
/// their coach shared) the same when erasure removes what they are counted from: a participant's request's wishes, or a
/// coach's consents. Before either goes, each affected request in a published round gets its counts written down
/// (<see cref="CoachingRequest.CountedMust"/> ...), which say nothing about which characteristics they were.
/// </summary>
public sealed class CoachingErasureFigures(UponDbContext db) : IErasureFigures
{
    public async Task KeepCountsAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var requestIds = rows.OfType<CoachingRequest>().Select(r => r.Id).ToHashSet();
        var coachIds = rows.OfType<CoachProfile>().Select(c => c.Id).Concat(rows.OfType<CoachConsent>().Select(c => c.CoachId)).ToHashSet();
        if (requestIds.Count == 0 && coachIds.Count == 0)
        {
            return;
        }
        var published = await db.MatchingRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Published)
            .ToDictionaryAsync(r => r.Id, r => (r.PublishedAt ?? Instant.MinValue).InZone(Time.London).Date, cancellationToken);
        var publishedIds = published.Keys.ToList();
        var proposals = await db.RoundProposals.AsNoTracking().Where(p => publishedIds.Contains(p.RoundId) && p.CoachId != null)
            .Select(p => new { p.RequestId, CoachId = p.CoachId!.Value }).ToListAsync(cancellationToken);
        var coachOf = proposals.ToDictionary(p => p.RequestId, p => p.CoachId);
        var affected = proposals.Where(p => coachIds.Contains(p.CoachId)).Select(p => p.RequestId).Concat(requestIds).ToHashSet();
        var requests = await db.CoachingRequests.Where(r => affected.Contains(r.Id) && publishedIds.Contains(r.RoundId) && r.CountedMust == null).ToListAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return;
        }
        var coaches = requests.Where(r => coachOf.ContainsKey(r.Id)).Select(r => coachOf[r.Id]).Distinct().ToList();
        var consents = (await db.CoachConsents.AsNoTracking().Where(c => coaches.Contains(c.CoachId)).ToListAsync(cancellationToken)).ToLookup(c => c.CoachId);
        foreach (var request in requests)
        {
            var theirs = coachOf.TryGetValue(request.Id, out var coach) ? consents[coach].Select(c => new CharacteristicConsent(c.Characteristic, c.GivenOn, c.WithdrawnOn)) : [];
            var counts = CoachingReport.WishCounts(request, theirs, published[request.RoundId]);
            request.CountedMust = counts.Must;
            request.CountedMustMet = counts.MustMet;
            request.CountedWouldLike = counts.WouldLike;
            request.CountedWouldLikeMet = counts.WouldLikeMet;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
