namespace Upon.Core.Aspirants;

/// <summary>An item's place in a ranking.</summary>
/// <param name="Key">The item's key.</param>
/// <param name="Score">Its score.</param>
/// <param name="Rank">Its rank: 1 is the best; items with equal scores share the rank of the first of them (1, 1, 3).</param>
/// <param name="Tied">True when another item has the same score.</param>
public sealed record RankedItem(string Key, double Score, int Rank, bool Tied);

/// <summary>
/// Ranks applications by score, highest first. Applications with equal scores are a tie and share a rank; ties are in
/// either order (here by key, so the order is repeatable). Scores equal to nine decimal places are equal, so the noise
/// of floating-point arithmetic never splits a tie.
/// </summary>
public static class Ranking
{
    /// <summary>The number of decimal places at which two scores are compared.</summary>
    public const int ComparedDecimals = 9;

    /// <summary>Ranks <paramref name="scores"/> (key and score).</summary>
    public static IReadOnlyList<RankedItem> Rank(IEnumerable<(string Key, double Score)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var ordered = scores
            .Select(s => (s.Key, s.Score, Compared: Math.Round(s.Score, ComparedDecimals)))
            .OrderByDescending(s => s.Compared)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        var counts = ordered.GroupBy(s => s.Compared).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<RankedItem>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && ordered[i].Compared == ordered[i - 1].Compared ? result[i - 1].Rank : i + 1;
            result.Add(new RankedItem(ordered[i].Key, ordered[i].Score, rank, counts[ordered[i].Compared] > 1));
        }
        return result;
    }
}
