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
/// outweighs any total score, and one more point outweighs any tie-break sum. When those costs, multiplied by the number
/// of nodes as OR-Tools does, would not fit in 64 bits, the same optimum is found exactly in two stages with small costs.
/// </para>
/// </summary>
public static class CoachMatcher
{
    /// <summary>The optimal pairs of the round, with an explanation for each participant left unmatched.</summary>
    /// <exception cref="ArgumentException">The round has more requests or coaches than <see cref="MatchingProblem.MaxRequests"/> or <see cref="MatchingProblem.MaxCoaches"/>, or a weight outside 0 to <see cref="MatchingWeights.Max"/>.</exception>
    public static MatchingResult Solve(MatchingProblem problem) => Solve(problem, CapacityProbing.Probe);

    /// <summary>
    /// As <see cref="Solve(MatchingProblem)"/>; with <see cref="CapacityProbing.Skip"/>, the same pairs and unmatched
    /// participants without re-solving the round for what one more place for each coach would do: no "raising X's
    /// capacity by one" (nor "not checked") is said, and <see cref="MatchingResult.Capacity"/> is null. For callers that
    /// need no such explanations (a benchmark of the optimum, say).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Solve(MatchingProblem)"/>.</exception>
    public static MatchingResult Solve(MatchingProblem problem, CapacityProbing probing) => Solve(problem, staged: false, probing);

    /// <summary>As <see cref="Solve(MatchingProblem)"/>; with <paramref name="staged"/>, always in two stages (for tests).</summary>
    internal static MatchingResult Solve(MatchingProblem problem, bool staged, CapacityProbing probing = CapacityProbing.Probe)
    {
        if (problem.WhyUnsolvable() is { } why) throw new ArgumentException(why, nameof(problem));
        var assigned = Assign(problem, staged);
        var (requests, coaches, coachIndex, forbidden, lockedByParticipant, chosen) = assigned;

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

        var left = requests.Where((r, i) => !lockedByParticipant.ContainsKey(r.Key) && !chosen.ContainsKey(i)).ToList();
        var probe = probing == CapacityProbing.Probe ? Probe(assigned, left, staged) : null;
        var unmatched = left.Select(r => MatchExplainer.ExplainUnmatched(r, coaches, takenByCoach, forbidden, probe ?? CapacityProbe.None)).ToList();
        return new MatchingResult(pairs, unmatched, probe);
    }

    /// <summary>
    /// The most work spent re-solving a round to find what one more place for each coach would do, counted as requests ×
    /// coaches per re-run: every coach of a round of 100 requests and 60 coaches is checked, and a few of a round of
    /// 2,000 × 500.
    /// </summary>
    public const long CapacityProbeBudget = 2_000_000;

    /// <summary>
    /// What one more place would do, found by re-solving <paramref name="problem"/> with one coach's free places raised
    /// by one, for each coach who breaks no rule but the lack of a place for someone in <paramref name="unmatched"/>
    /// (in email order, within <see cref="CapacityProbeBudget"/>; the rest are listed as not checked).
    /// </summary>
    /// <param name="problem">The round.</param>
    /// <param name="unmatched">The participants (keys) left unmatched.</param>
    public static CapacityProbe ProbeCapacity(MatchingProblem problem, IEnumerable<string> unmatched)
    {
        if (problem.WhyUnsolvable() is { } why) throw new ArgumentException(why, nameof(problem));
        var keys = unmatched.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Probe(Assign(problem, staged: false), [.. problem.Requests.Where(r => keys.Contains(r.Key))], staged: false);
    }

    private static CapacityProbe Probe(Assignment assigned, List<MatchRequest> unmatched, bool staged)
    {
        var (_, coaches, coachIndex, forbidden, _, _) = assigned;
        var candidates = Enumerable.Range(0, coaches.Count)
            .Where(j => coachIndex[coaches[j].Key] == j)
            .Where(j => unmatched.Any(r => PairRules.Exclusions(r, coaches[j], forbidden.Contains(Normalise(new PairKey(r.Key, coaches[j].Key)))).All(e => e == PairExclusion.NoFreePlace)))
            .ToList();
        var runs = (int)Math.Min(candidates.Count, CapacityProbeBudget / Math.Max(1L, (long)assigned.Requests.Count * coaches.Count));
        var raised = new Dictionary<string, RaisedPlace>(StringComparer.OrdinalIgnoreCase);
        foreach (var j in candidates.Take(runs))
        {
            var places = assigned.PlacesLeft(j);
            var chosen = SolveFlow(assigned.Requests.Count, coaches.Count, assigned.Free, places, assigned.AllowedPairs, staged);
            raised[coaches[j].Key] = new RaisedPlace(coaches[j].Key, assigned.LockedByParticipant.Count + chosen.Count, assigned.Participants(chosen));
        }

        return new CapacityProbe(assigned.Matched, raised, candidates.Skip(runs).Select(j => coaches[j].Key).ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The optimum's pairs: locked ones and, for the other participants, those the flow chose.</summary>
    private static Assignment Assign(MatchingProblem problem, bool staged)
    {
        var requests = problem.Requests.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var coaches = problem.Coaches.OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var coachIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < coaches.Count; j++) coachIndex.TryAdd(coaches[j].Key, j);
        var forbidden = new HashSet<PairKey>(problem.Forbidden.Select(Normalise));

        var lockedByParticipant = new Dictionary<string, MatchCoach>(StringComparer.OrdinalIgnoreCase);
        var lockedCount = new int[coaches.Count];
        foreach (var locked in problem.Locked)
        {
            if (!coachIndex.TryGetValue(locked.Coach, out var j)) continue;
            if (!requests.Any(r => string.Equals(r.Key, locked.Participant, StringComparison.OrdinalIgnoreCase))) continue;
            if (!lockedByParticipant.TryAdd(locked.Participant, coaches[j])) continue;
            lockedCount[j]++;
        }

        var free = new List<int>();
        for (var i = 0; i < requests.Count; i++)
        {
            if (!lockedByParticipant.ContainsKey(requests[i].Key)) free.Add(i);
        }

        // Every pair allowed but for the coach's places, so that re-solving with one more place needs no new arcs.
        var withPlace = coaches.Select(c => c.FreePlaces > 0 ? c : c with { FreePlaces = 1 }).ToList();
        var allowed = new List<FlowArc>();
        foreach (var i in free)
        {
            for (var j = 0; j < coaches.Count; j++)
            {
                if (!PairRules.IsAllowed(requests[i], withPlace[j], forbidden.Contains(Normalise(new PairKey(requests[i].Key, coaches[j].Key))))) continue;
                allowed.Add(new FlowArc(i, j, PairScore.Of(requests[i], coaches[j], problem.Weights).Total));
            }
        }

        var assignment = new Assignment(requests, coaches, coachIndex, forbidden, lockedByParticipant, [])
        {
            Free = free,
            LockedCount = lockedCount,
            AllowedPairs = allowed,
        };
        return assignment with { Chosen = SolveFlow(requests.Count, coaches.Count, free, assignment.PlacesLeft(), allowed, staged) };
    }

    private sealed record Assignment(
        List<MatchRequest> Requests,
        List<MatchCoach> Coaches,
        Dictionary<string, int> CoachIndex,
        HashSet<PairKey> Forbidden,
        Dictionary<string, MatchCoach> LockedByParticipant,
        Dictionary<int, int> Chosen)
    {
        public required List<int> Free { get; init; }

        public required int[] LockedCount { get; init; }

        public required List<FlowArc> AllowedPairs { get; init; }

        public int Matched => LockedByParticipant.Count + Chosen.Count;

        /// <summary>Free places left after locked pairs, with one more for coach <paramref name="raised"/> (none when −1).</summary>
        public int[] PlacesLeft(int raised = -1) =>
            [.. Coaches.Select((c, j) => Math.Max(0, Math.Max(0, c.FreePlaces) + (j == raised ? 1 : 0) - LockedCount[j]))];

        /// <summary>The participants matched with <paramref name="chosen"/> as the flow's choice: locked ones and chosen ones.</summary>
        public HashSet<string> Participants(Dictionary<int, int> chosen) =>
            new(Requests.Where((r, i) => LockedByParticipant.ContainsKey(r.Key) || chosen.ContainsKey(i)).Select(r => r.Key), StringComparer.OrdinalIgnoreCase);
    }

    internal static PairKey Normalise(PairKey key) => new(key.Participant.ToUpperInvariant(), key.Coach.ToUpperInvariant());

    /// <summary>Participant index → coach index for the free participants, at the optimum.</summary>
    private static Dictionary<int, int> SolveFlow(int n, int m, List<int> free, int[] placesLeft, List<FlowArc> allowed, bool staged)
    {
        var arcs = allowed.Where(a => placesLeft[a.Coach] > 0).ToList();
        if (arcs.Count == 0) return [];
        var network = new FlowNetwork(n, m, free, placesLeft, arcs);
        return (staged ? null : network.SolveInOneStage()) ?? network.SolveInTwoStages();
    }

    /// <summary>An allowed pair: participant index, coach index and score.</summary>
    private readonly record struct FlowArc(int Participant, int Coach, int Score);

    /// <summary>
    /// The flow network of a round. Nodes: 0 the source, 1 + i participant i, 1 + n + j coach j, n + m + 1 the sink.
    /// </summary>
    private sealed class FlowNetwork(int n, int m, List<int> free, int[] placesLeft, List<FlowArc> pairs)
    {
        private readonly long flowBound = Math.Min(free.Count, placesLeft.Sum(p => (long)p));
        private readonly long maxScore = pairs.Max(a => a.Score);

        private int Sink => n + m + 1;

        /// <summary>
        /// The optimum with one cost per pair, −(M + S × score) + i × m + j, as documented; null when those costs (which
        /// OR-Tools multiplies by the number of nodes) do not fit in 64 bits.
        /// </summary>
        public Dictionary<int, int>? SolveInOneStage()
        {
            long cost;
            long[] costs;
            try
            {
                // Tie-break sums are below flowBound × n × m + 1 (T); scores below flowBound × maxScore + 1.
                var scale = checked(flowBound * n * m + 1);
                var big = checked((flowBound * maxScore + 1) * scale);
                cost = checked(big + maxScore * scale);
                _ = checked(flowBound * cost);
                costs = [.. pairs.Select(a => -(big + a.Score * scale) + ((long)a.Participant * m + a.Coach))];
            }
            catch (OverflowException)
            {
                return null;
            }

            using var flow = new MinCostFlow();
            var arcIds = Build(flow, costs);
            var status = flow.Solve();
            if (status == MinCostFlowBase.Status.BAD_COST_RANGE) return null;
            if (status != MinCostFlowBase.Status.OPTIMAL) throw NotOptimal(status);
            var result = new Dictionary<int, int>();
            for (var k = 0; k < pairs.Count; k++)
            {
                if (flow.Flow(arcIds[k]) > 0) result[pairs[k].Participant] = pairs[k].Coach;
            }

            return result;
        }

        /// <summary>
        /// The same optimum in two exact stages with small costs. Stage 1 maximises the number matched and then the
        /// total score (cost −(M + score), M = flowBound × maxScore + 1). The optimal flows of stage 1 are exactly the
        /// feasible flows that leave every arc of positive reduced cost empty and fill every arc of negative reduced cost
        /// (reduced costs from node potentials: shortest distances in the residual network of the stage-1 optimum, which
        /// has no negative cycle). Stage 2 minimises the tie-break sum i × m + j over those flows.
        /// </summary>
        public Dictionary<int, int> SolveInTwoStages()
        {
            var big = checked(flowBound * maxScore + 1);
            var stage1 = pairs.Select(a => -(big + a.Score)).ToArray();
            _ = checked(flowBound * (big + maxScore));

            // Stage 1.
            var arcs = Arcs(stage1);
            long[] flows;
            using (var flow = new MinCostFlow())
            {
                foreach (var a in arcs) flow.AddArcWithCapacityAndUnitCost(a.Tail, a.Head, a.Capacity, a.Cost);
                flow.SetNodeSupply(0, free.Count);
                flow.SetNodeSupply(Sink, -free.Count);
                var status = flow.Solve();
                if (status != MinCostFlowBase.Status.OPTIMAL) throw NotOptimal(status);
                flows = [.. Enumerable.Range(0, arcs.Count).Select(k => flow.Flow(k))];
            }

            var potential = Potentials(arcs, flows);

            // Stage 2, on the arcs of zero reduced cost; arcs of negative reduced cost are full in every optimum of stage 1.
            var result = new Dictionary<int, int>();
            var supply = new long[n + m + 2];
            supply[0] = free.Count;
            supply[Sink] = -free.Count;
            using var second = new MinCostFlow();
            var kept = new List<(int Arc, int Id)>();
            for (var k = 0; k < arcs.Count; k++)
            {
                var a = arcs[k];
                var reduced = a.Cost + potential[a.Tail] - potential[a.Head];
                if (reduced > 0) continue;
                if (reduced < 0)
                {
                    supply[a.Tail] -= a.Capacity;
                    supply[a.Head] += a.Capacity;
                    if (a.Pair >= 0) result[pairs[a.Pair].Participant] = pairs[a.Pair].Coach;
                    continue;
                }

                var tie = a.Pair >= 0 ? (long)pairs[a.Pair].Participant * m + pairs[a.Pair].Coach : 0;
                kept.Add((k, second.AddArcWithCapacityAndUnitCost(a.Tail, a.Head, a.Capacity, tie)));
            }

            for (var v = 0; v < supply.Length; v++)
            {
                if (supply[v] != 0) second.SetNodeSupply(v, supply[v]);
            }

            if (kept.Count > 0)
            {
                var status = second.Solve();
                if (status != MinCostFlowBase.Status.OPTIMAL) throw NotOptimal(status);
                foreach (var (k, id) in kept)
                {
                    if (arcs[k].Pair >= 0 && second.Flow(id) > 0) result[pairs[arcs[k].Pair].Participant] = pairs[arcs[k].Pair].Coach;
                }
            }

            return result;
        }

        /// <summary>Adds the network's arcs to <paramref name="flow"/> with <paramref name="pairCosts"/> on the pairs; the pairs' arc ids.</summary>
        private int[] Build(MinCostFlow flow, long[] pairCosts)
        {
            var arcs = Arcs(pairCosts);
            var ids = new int[pairs.Count];
            foreach (var a in arcs)
            {
                var id = flow.AddArcWithCapacityAndUnitCost(a.Tail, a.Head, a.Capacity, a.Cost);
                if (a.Pair >= 0) ids[a.Pair] = id;
            }

            flow.SetNodeSupply(0, free.Count);
            flow.SetNodeSupply(Sink, -free.Count);
            return ids;
        }

        private List<Arc> Arcs(long[] pairCosts)
        {
            var arcs = new List<Arc>(free.Count + pairs.Count + m + 1);
            foreach (var i in free) arcs.Add(new Arc(0, 1 + i, 1, 0, -1));
            for (var k = 0; k < pairs.Count; k++) arcs.Add(new Arc(1 + pairs[k].Participant, 1 + n + pairs[k].Coach, 1, pairCosts[k], k));
            for (var j = 0; j < m; j++)
            {
                if (placesLeft[j] > 0) arcs.Add(new Arc(1 + n + j, Sink, placesLeft[j], 0, -1));
            }

            arcs.Add(new Arc(0, Sink, free.Count, 0, -1));
            return arcs;
        }

        /// <summary>
        /// Node potentials for an optimal flow: shortest distances from a virtual root joined to every node at cost 0, in the
        /// residual network (queue-based Bellman-Ford), so every residual arc has a reduced cost of at least 0.
        /// </summary>
        private long[] Potentials(List<Arc> arcs, long[] flows)
        {
            var nodes = n + m + 2;
            var degree = new int[nodes + 1];
            for (var k = 0; k < arcs.Count; k++)
            {
                if (flows[k] < arcs[k].Capacity) degree[arcs[k].Tail + 1]++;
                if (flows[k] > 0) degree[arcs[k].Head + 1]++;
            }

            for (var v = 0; v < nodes; v++) degree[v + 1] += degree[v];
            var head = new int[degree[nodes]];
            var cost = new long[degree[nodes]];
            var next = degree[..nodes];
            for (var k = 0; k < arcs.Count; k++)
            {
                var a = arcs[k];
                if (flows[k] < a.Capacity)
                {
                    head[next[a.Tail]] = a.Head;
                    cost[next[a.Tail]++] = a.Cost;
                }

                if (flows[k] > 0)
                {
                    head[next[a.Head]] = a.Tail;
                    cost[next[a.Head]++] = -a.Cost;
                }
            }

            var distance = new long[nodes];
            var queued = new bool[nodes];
            var visits = new int[nodes];
            var queue = new Queue<int>(Enumerable.Range(0, nodes));
            Array.Fill(queued, true);
            while (queue.TryDequeue(out var u))
            {
                queued[u] = false;
                if (++visits[u] > nodes) throw new InvalidOperationException("The min-cost flow solver's answer is not optimal (a negative cycle is left).");
                for (var e = degree[u]; e < degree[u + 1]; e++)
                {
                    var v = head[e];
                    if (distance[u] + cost[e] >= distance[v]) continue;
                    distance[v] = distance[u] + cost[e];
                    if (!queued[v])
                    {
                        queued[v] = true;
                        queue.Enqueue(v);
                    }
                }
            }

            return distance;
        }

        private static InvalidOperationException NotOptimal(MinCostFlowBase.Status status) =>
            new($"The min-cost flow solver did not find the optimum ({status}).");

        /// <summary>An arc of the network; <see cref="Pair"/> is the index of its pair, or −1 for the other arcs.</summary>
        private readonly record struct Arc(int Tail, int Head, long Capacity, long Cost, int Pair);
    }
}

/// <summary>Whether <see cref="CoachMatcher.Solve(MatchingProblem, CapacityProbing)"/> finds what one more place for each coach would do.</summary>
public enum CapacityProbing
{
    /// <summary>Re-solve the round once for each coach who could take someone left unmatched (within <see cref="CoachMatcher.CapacityProbeBudget"/>), to explain "raising X's capacity by one": the round page and <c>upon coaching match</c>.</summary>
    Probe,

    /// <summary>Do not: the pairs and the other explanations only (a benchmark of the optimum).</summary>
    Skip,
}
