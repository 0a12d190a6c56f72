using Microsoft.EntityFrameworkCore;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>One row of a round's review: a stored proposal with the rules it breaks now (after swaps and locks).</summary>
public sealed record ReviewRow(RoundProposal Proposal, CoachingRequest Request, CoachProfile? Coach, IReadOnlyList<string> Warnings, IReadOnlyList<string> Reasons);

/// <summary>A round's stored results read back for review, with the fairness check worked out from them.</summary>
public sealed record RoundReviewModel(LoadedRound Loaded, IReadOnlyList<ReviewRow> Pairs, IReadOnlyList<ReviewRow> Unmatched, FairnessReport Fairness, IReadOnlyList<RoundDecision> Decisions);

public sealed class RoundReview(UponDbContext db, MatchingService matching)
{
    public async Task<RoundReviewModel?> BuildAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var loaded = await matching.LoadAsync(roundId, cancellationToken);
        if (loaded is null) return null;
        var proposals = await db.RoundProposals.AsNoTracking().Where(p => p.RoundId == roundId).ToListAsync(cancellationToken);
        var requestsById = loaded.Round.Requests.ToDictionary(r => r.Id);
        var coachesById = loaded.CoachesByKey.Values.ToDictionary(c => c.Id);
        var matchCoaches = loaded.Problem.Coaches.ToDictionary(c => c.Key, StringComparer.OrdinalIgnoreCase);
        var matchRequests = loaded.Problem.Requests.ToDictionary(r => r.Key, StringComparer.OrdinalIgnoreCase);
        var forbidden = loaded.Round.Decisions.Where(d => d.Kind == DecisionKind.Forbidden).Select(d => (d.RequestId, d.CoachId)).ToHashSet();

        var pairs = new List<ReviewRow>();
        var proposed = new List<ProposedPair>();
        var load = proposals.Where(p => p.CoachId is not null).GroupBy(p => p.CoachId!.Value).ToDictionary(g => g.Key, g => g.Count());
        foreach (var p in proposals.Where(p => p.CoachId is not null && requestsById.ContainsKey(p.RequestId)).OrderBy(p => requestsById[p.RequestId].Participant!.Email, StringComparer.OrdinalIgnoreCase))
        {
            var request = requestsById[p.RequestId];
            var coach = coachesById[p.CoachId!.Value];
            var warnings = new List<string>();
            var matchRequest = matchRequests[request.Participant!.Email];
            if (matchCoaches.TryGetValue(coach.Email, out var mc))
            {
                var broken = PairRules.Exclusions(matchRequest, mc with { FreePlaces = 1 }, forbidden.Contains((request.Id, coach.Id)));
                warnings.AddRange(broken.Select(PairRules.Describe));
                if (load[coach.Id] > mc.FreePlaces) warnings.Add($"the coach has {mc.FreePlaces} free place(s) but {load[coach.Id]} proposed coachees");
                proposed.Add(new ProposedPair(matchRequest.Key, mc.Key, PairScore.Of(matchRequest, mc, loaded.Problem.Weights), p.Locked, broken, []));
            }
            else
            {
                warnings.Add("the coach is no longer active in the pool");
            }

            pairs.Add(new ReviewRow(p, request, coach, warnings, p.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }

        var unmatched = proposals.Where(p => p.CoachId is null && requestsById.ContainsKey(p.RequestId))
            .Select(p => new ReviewRow(p, requestsById[p.RequestId], null, [], p.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries)))
            .OrderBy(r => r.Request.Participant!.Email, StringComparer.OrdinalIgnoreCase).ToList();

        var coachesInOrder = loaded.Problem.Coaches.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ToList();
        var taken = coachesInOrder.Select(c => proposed.Count(p => string.Equals(p.Coach, c.Key, StringComparison.OrdinalIgnoreCase))).ToList();
        var forbiddenKeys = loaded.Problem.Forbidden.Select(k => new PairKey(k.Participant.ToUpperInvariant(), k.Coach.ToUpperInvariant())).ToHashSet();
        var capacity = loaded.Problem.WhyUnsolvable() is null
            ? CoachMatcher.ProbeCapacity(loaded.Problem, unmatched.Select(u => matchRequests[u.Request.Participant!.Email].Key))
            : CapacityProbe.None;
        var unmatchedExplained = unmatched.Select(u => MatchExplainer.ExplainUnmatched(matchRequests[u.Request.Participant!.Email], coachesInOrder, taken, forbiddenKeys, capacity)).ToList();
        var fairness = FairnessReport.Of(loaded.Problem, new MatchingResult(proposed, unmatchedExplained, capacity));
        return new RoundReviewModel(loaded, pairs, unmatched, fairness, loaded.Round.Decisions);
    }
}
