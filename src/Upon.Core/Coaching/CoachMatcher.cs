using Google.OrTools.Graph;

namespace Upon.Core.Coaching;

/// <summary>
/// Finds the optimum of a round with Google OR-Tools' min-cost flow solver.
/// <para>
/// <b>Optimum</b>: first as many participants matched as possible, then the greatest total score; each coach takes at
/// most their free places; locked pairs are kept (and use a place), forbidden pairs are never proposed.
/// <b>Ties</b>: participants and coaches are ranked by email address (ordinal, case-insensitive), i = 0, 1, ... and
/// j = 0, 1, ...; among optima with the same number matched and the same total score, the one with the smallest sum of
/// i × (number of coaches) + j over its pairs is chosen, which favours participants and then coaches earlier in that
/// order. The solver is fed in that order, so any tie left after that gives the same answer on every run.
/// </para>
/// <para>
/// The flow network: source → each participant (capacity 1), participant → coach for each allowed pair (capacity 1,
/// cost −(M + S × score) + i × m + j), coach → sink (capacity: free places left after locked pairs), and source → sink
/// (capacity: number of participants, cost 0) for those left unmatched. M and S are chosen so that one more match
/// outweighs any total score, and one more point outweighs any tie-break sum.
/// </para>
/// </summary>
public static class CoachMatcher
{
    /// <summary>The optimal pairs of the round, with an explanation for each participant left unmatched.</summary>
    public static MatchingResult Solve(MatchingProblem problem)
    {
        var requests = problem.Requests.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var coaches = problem.Coaches.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var coachIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < coaches.Count; j++) coachIndex.TryAdd(coaches[j].Key, j);
        var forbidden = new HashSet<PairKey>(problem.Forbidden.Select(Normalise));

        var lockedByParticipant = new Dictionary<string, MatchCoach>(StringComparer.OrdinalIgnoreCase);
        var placesLeft = coaches.Select(c => Math.Max(0, c.FreePlaces)).ToArray();
        foreach (var locked in problem.Locked)
        {
            if (!coachIndex.TryGetValue(locked.Coach, out var j)) continue;
            if (!requests.Any(r => string.Equals(r.Key, locked.Participant, StringComparison.OrdinalIgnoreCase))) continue;
            if (!lockedByParticipant.TryAdd(locked.Participant, coaches[j])) continue;
            placesLeft[j] = Math.Max(0, placesLeft[j] - 1);
        }

        var free = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (!lockedByParticipant.ContainsKey(requests[i].Key)) free.Add(i);
        }

        var chosen = SolveFlow(requests, coaches, free, placesLeft, forbidden, problem.Weights);

        var pairs = new List<ProposedPair>();
        var takenByCoach = new int[coaches.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (lockedByParticipant.TryGetValue(request.Key, out var lockedCoach))
            {
                var score = PairScore.Of(request, lockedCoach, problem.Weights);
                var broken = PairRules.Exclusions(request, lockedCoach, forbidden.Contains(Normalise(new PairKey(request.Key, lockedCoach.Key))));
                var reasons = new List<string> { "Locked by staff." };
                reasons.AddRange(broken.Select(b => $"Breaks a rule: {PairRules.Describe(b)}."));
                reasons.AddRange(score.Reasons(problem.Weights));
                pairs.Add(new ProposedPair(request.Key, lockedCoach.Key, score, true, broken, reasons));
                takenByCoach[coachIndex[lockedCoach.Key]]++;
            }
            else if (chosen.TryGetValue(i, out var j))
            {
                var score = PairScore.Of(request, coaches[j], problem.Weights);
                pairs.Add(new ProposedPair(request.Key, coaches[j].Key, score, false, [], score.Reasons(problem.Weights)));
                takenByCoach[j]++;
            }
        }

        var unmatched = requests
            .Where((r, i) => !lockedByParticipant.ContainsKey(r.Key) && !chosen.ContainsKey(i))
            .Select(r => MatchExplainer.ExplainUnmatched(r, coaches, takenByCoach, forbidden))
            .ToList();
        return new MatchingResult(pairs, unmatched);
    }

    internal static PairKey Normalise(PairKey key) => new(key.Participant.ToUpperInvariant(), key.Coach.ToUpperInvariant());

    /// <summary>Participant index → coach index for the free participants, at the optimum.</summary>
    private static Dictionary<int, int> SolveFlow(
        List<MatchRequest> requests, List<MatchCoach> coaches, List<int> free, int[] placesLeft, HashSet<PairKey> forbidden, MatchingWeights weights)
    {
        var arcs = new List<(int Participant, int Coach, int Score)>();
        foreach (var i in free)
        {
            for (var j = 0; j < coaches.Count; j++)
            {
                if (placesLeft[j] <= 0) continue;
                if (!PairRules.IsAllowed(requests[i], coaches[j], forbidden.Contains(Normalise(new PairKey(requests[i].Key, coaches[j].Key))))) continue;
                arcs.Add((i, j, PairScore.Of(requests[i], coaches[j], weights).Total));
            }
        }

        var result = new Dictionary<int, int>();
        if (arcs.Count == 0) return result;

        long n = requests.Count, m = coaches.Count;
        long flowBound = Math.Min(free.Count, placesLeft.Sum(p => (long)p));
        // Tie-break sums are below flowBound × n × m + 1 (T); scores below flowBound × maxScore + 1.
        var tieBound = checked(flowBound * n * m + 1);
        long scale = tieBound;
        long maxScore = arcs.Max(a => a.Score);
        var big = checked((flowBound * maxScore + 1) * scale);
        _ = checked(flowBound * (big + maxScore * scale));

        var source = 0;
        var sink = requests.Count + coaches.Count + 1;
        using var flow = new MinCostFlow();
        foreach (var i in free) flow.AddArcWithCapacityAndUnitCost(source, 1 + i, 1, 0);
        var arcIds = new int[arcs.Count];
        for (var k = 0; k < arcs.Count; k++)
        {
            var (i, j, score) = arcs[k];
            var cost = -(big + score * scale) + (i * m + j);
            arcIds[k] = flow.AddArcWithCapacityAndUnitCost(1 + i, 1 + requests.Count + j, 1, cost);
        }

        for (var j = 0; j < coaches.Count; j++)
        {
            if (placesLeft[j] > 0) flow.AddArcWithCapacityAndUnitCost(1 + requests.Count + j, sink, placesLeft[j], 0);
        }

        flow.AddArcWithCapacityAndUnitCost(source, sink, free.Count, 0);
        flow.SetNodeSupply(source, free.Count);
        flow.SetNodeSupply(sink, -free.Count);
        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The min-cost flow solver did not find the optimum ({status}).");
        }

        for (var k = 0; k < arcs.Count; k++)
        {
            if (flow.Flow(arcIds[k]) > 0) result[arcs[k].Participant] = arcs[k].Coach;
        }

        return result;
    }
}
