namespace Upon.Core.Coaching;

/// <summary>
/// The score of a pair: <see cref="MatchingWeights.WouldLike"/> for each "would like" characteristic the coach shares,
/// <see cref="MatchingWeights.AuthorityKind"/> when the coach led the kind of authority asked for, and
/// <see cref="MatchingWeights.InPerson"/> when the participant asked for in-person coaching (an allowed pair then
/// shares a region).
/// </summary>
/// <param name="SharedWishes">The "would like" characteristics the coach shares, in the order of the fixed list then by code.</param>
/// <param name="LedKind">The kind of authority asked for, when the coach led one; otherwise null.</param>
/// <param name="InPersonRegion">The shared region when in person was asked for; otherwise null.</param>
/// <param name="Total">The points the pair scores under the round's weights.</param>
public sealed record PairScore(IReadOnlyList<string> SharedWishes, AuthorityKind? LedKind, string? InPersonRegion, int Total)
{
    /// <summary>The score of the pair of <paramref name="request"/> and <paramref name="coach"/> under <paramref name="weights"/>.</summary>
    public static PairScore Of(MatchRequest request, MatchCoach coach, MatchingWeights weights)
    {
        var shared = request.WouldLike.Where(coach.Characteristics.Contains).OrderBy(DisplayOrder).ThenBy(c => c, StringComparer.Ordinal).ToList();
        AuthorityKind? led = request.KindWanted is { } kind && coach.KindsLed.Contains(kind) ? kind : null;
        var region = request.Mode == RequestedMode.InPerson ? request.Region : null;
        var total = shared.Count * weights.WouldLike + (led is null ? 0 : weights.AuthorityKind) + (region is null ? 0 : weights.InPerson);
        return new PairScore(shared, led, region, total);
    }

    /// <summary>The reasons that scored, as sentences: "Shares: woman; global-majority (+20).", "Led a county (+4)."</summary>
    public IReadOnlyList<string> Reasons(MatchingWeights weights)
    {
        var reasons = new List<string>();
        if (SharedWishes.Count > 0) reasons.Add($"Shares: {string.Join("; ", SharedWishes)} (+{SharedWishes.Count * weights.WouldLike}).");
        if (LedKind is { } kind) reasons.Add($"Led {kind.Describe()} (+{weights.AuthorityKind}).");
        if (InPersonRegion is { } region) reasons.Add($"Coaches in person in {region} (+{weights.InPerson}).");
        if (reasons.Count == 0) reasons.Add("Allowed; no wish scored (0).");
        return reasons;
    }

    private static int DisplayOrder(string code)
    {
        var i = Characteristics.Standard.ToList().IndexOf(code);
        return i < 0 ? int.MaxValue : i;
    }
}
