namespace Upon.Core.Coaching;

/// <summary>A pair named by participant and coach keys (email addresses).</summary>
public readonly record struct PairKey(string Participant, string Coach);

/// <summary>One run of a matching round: the requests, the coaches available, the weights, and staff's decisions.</summary>
/// <param name="Locked">Pairs staff locked: kept as they are, whatever the rules say (the page warns about broken rules).</param>
/// <param name="Forbidden">Pairs staff forbade: never proposed.</param>
public sealed record MatchingProblem(
    IReadOnlyList<MatchRequest> Requests,
    IReadOnlyList<MatchCoach> Coaches,
    MatchingWeights Weights,
    IReadOnlyCollection<PairKey> Locked,
    IReadOnlyCollection<PairKey> Forbidden)
{
    public MatchingProblem(IReadOnlyList<MatchRequest> requests, IReadOnlyList<MatchCoach> coaches, MatchingWeights? weights = null)
        : this(requests, coaches, weights ?? MatchingWeights.Default, [], [])
    {
    }
}
