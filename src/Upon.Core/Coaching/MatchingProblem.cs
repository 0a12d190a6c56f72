namespace Upon.Core.Coaching;

/// <summary>A pair named by participant and coach keys (email addresses).</summary>
public readonly record struct PairKey(string Participant, string Coach);

/// <summary>One run of a matching round: the requests, the coaches available, the weights, and staff's decisions.</summary>
/// <param name="Requests">The participants' requests in the round.</param>
/// <param name="Coaches">The active coaches in the pool, with their free places.</param>
/// <param name="Weights">The points a pair scores in this round.</param>
/// <param name="Locked">Pairs staff locked: kept as they are, whatever the rules say (the page warns about broken rules).</param>
/// <param name="Forbidden">Pairs staff forbade: never proposed.</param>
public sealed record MatchingProblem(
    IReadOnlyList<MatchRequest> Requests,
    IReadOnlyList<MatchCoach> Coaches,
    MatchingWeights Weights,
    IReadOnlyCollection<PairKey> Locked,
    IReadOnlyCollection<PairKey> Forbidden)
{
    /// <summary>The most requests a round may have.</summary>
    public const int MaxRequests = 5_000;

    /// <summary>The most coaches a round may have.</summary>
    public const int MaxCoaches = 1_000;

    /// <summary>
    /// Why the round cannot be solved, as a sentence for staff (too many requests or coaches, or a weight out of range);
    /// null when it can. Within these bounds, and with capacities and weights as validated, the solver's costs fit.
    /// </summary>
    public string? WhyUnsolvable()
    {
        if (Requests.Count > MaxRequests) return $"A matching round can have at most {MaxRequests:N0} requests; this one has {Requests.Count:N0}.";
        if (Coaches.Count > MaxCoaches) return $"A matching round can have at most {MaxCoaches:N0} coaches; this one has {Coaches.Count:N0}.";
        if (!Weights.IsValid) return $"Each weight must be from 0 to {MatchingWeights.Max}.";
        return null;
    }

    /// <summary>A round with no staff decisions: nothing locked and nothing forbidden.</summary>
    /// <param name="requests">The participants' requests in the round.</param>
    /// <param name="coaches">The active coaches in the pool, with their free places.</param>
    /// <param name="weights">The points a pair scores; <see cref="MatchingWeights.Default"/> when null.</param>
    public MatchingProblem(IReadOnlyList<MatchRequest> requests, IReadOnlyList<MatchCoach> coaches, MatchingWeights? weights = null)
        : this(requests, coaches, weights ?? MatchingWeights.Default, [], [])
    {
    }
}
