using Google.OrTools.Graph;

namespace Upon.Core.Aspirants;

/// <summary>An application that needs reviewers.</summary>
/// <param name="Key">The application's key.</param>
/// <param name="Needed">How many more reviewers it needs.</param>
public sealed record ApplicationToAssign(string Key, int Needed);

/// <summary>A reviewer who can take applications.</summary>
/// <param name="Key">The reviewer's key.</param>
/// <param name="Load">How many reviews they already have in the cohort (assigned or submitted).</param>
public sealed record ReviewerToAssign(string Key, int Load);

/// <summary>A pair that must never be assigned: a conflict of interest, or a reviewer who already has (or recused from) the application.</summary>
/// <param name="Application">The application's key.</param>
/// <param name="Reviewer">The reviewer's key.</param>
public readonly record struct ExcludedPair(string Application, string Reviewer);

/// <summary>The assignment found.</summary>
/// <param name="Pairs">The new (application, reviewer) pairs.</param>
/// <param name="Missing">Applications that could not get every reviewer they need, with how many are missing.</param>
public sealed record AssignmentResult(IReadOnlyList<ExcludedPair> Pairs, IReadOnlyDictionary<string, int> Missing);

/// <summary>
/// Gives each application the reviewers it needs, never a reviewer it excludes (a conflict), spreading the load as
/// evenly as possible. Solved exactly as a minimum-cost flow (Google OR-Tools): the most reviews possible are
/// assigned, and among those the assignment minimises the sum of the squares of the reviewers' loads (counting what
/// they already have), which makes the loads as even as the conflicts allow.
/// </summary>
public static class ReviewerAssignment
{
    /// <summary>Assigns reviewers to <paramref name="applications"/>.</summary>
    public static AssignmentResult Assign(
        IReadOnlyList<ApplicationToAssign> applications, IReadOnlyList<ReviewerToAssign> reviewers, IReadOnlyCollection<ExcludedPair> excluded)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(reviewers);
        ArgumentNullException.ThrowIfNull(excluded);
        var needing = applications.Where(a => a.Needed > 0).ToList();
        var banned = excluded.ToHashSet();
        var pairs = new List<(int App, int Reviewer)>();
        for (var i = 0; i < needing.Count; i++)
        {
            for (var j = 0; j < reviewers.Count; j++)
            {
                if (!banned.Contains(new ExcludedPair(needing[i].Key, reviewers[j].Key)))
                {
                    pairs.Add((i, j));
                }
            }
        }

        var assigned = new List<ExcludedPair>();
        if (pairs.Count > 0)
        {
            // Nodes: 0 source, 1..A applications, A+1..A+R reviewers, A+R+1 sink.
            var source = 0;
            var sink = needing.Count + reviewers.Count + 1;
            using var flow = new MinCostFlow();
            for (var i = 0; i < needing.Count; i++)
            {
                flow.AddArcWithCapacityAndUnitCost(source, 1 + i, needing[i].Needed, 0);
            }
            var arcIds = new int[pairs.Count];
            for (var k = 0; k < pairs.Count; k++)
            {
                arcIds[k] = flow.AddArcWithCapacityAndUnitCost(1 + pairs[k].App, 1 + needing.Count + pairs[k].Reviewer, 1, 0);
            }
            var reachable = pairs.GroupBy(p => p.Reviewer).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (j, count) in reachable)
            {
                // The k-th more review costs 2(load + k) + 1, the rise in load²: convex, so the flow fills evenly.
                for (var k = 0; k < count; k++)
                {
                    flow.AddArcWithCapacityAndUnitCost(1 + needing.Count + j, sink, 1, 2L * (reviewers[j].Load + k) + 1);
                }
            }
            var total = needing.Sum(a => (long)a.Needed);
            flow.SetNodeSupply(source, total);
            flow.SetNodeSupply(sink, -total);
            var status = flow.SolveMaxFlowWithMinCost();
            if (status != MinCostFlowBase.Status.OPTIMAL)
            {
                throw new InvalidOperationException($"The min-cost flow solver did not find the optimum ({status}).");
            }
            for (var k = 0; k < pairs.Count; k++)
            {
                if (flow.Flow(arcIds[k]) > 0)
                {
                    assigned.Add(new ExcludedPair(needing[pairs[k].App].Key, reviewers[pairs[k].Reviewer].Key));
                }
            }
        }

        var got = assigned.GroupBy(p => p.Application, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var shortOf = needing
            .Select(a => (a.Key, Missing: a.Needed - got.GetValueOrDefault(a.Key)))
            .Where(a => a.Missing > 0)
            .ToDictionary(a => a.Key, a => a.Missing, StringComparer.Ordinal);
        return new AssignmentResult(assigned, shortOf);
    }
}
