namespace Upon.Core.Aspirants;

/// <summary>A review criterion's weight and the score a review gave it.</summary>
/// <param name="Weight">The criterion's weight (positive).</param>
/// <param name="Score">The score on the cohort's scale.</param>
public readonly record struct WeightedScore(decimal Weight, int Score);

/// <summary>A review's total and the range a total can take.</summary>
public static class ReviewTotals
{
    /// <summary>A review's total: the weighted sum of its criteria's scores.</summary>
    public static decimal Of(IEnumerable<WeightedScore> scores) => scores.Sum(s => s.Weight * s.Score);

    /// <summary>
    /// The possible range of a review's total: (scale maximum - scale minimum) x the sum of the criteria's weights.
    /// </summary>
    public static decimal Range(int scaleMin, int scaleMax, IEnumerable<decimal> weights) => (scaleMax - scaleMin) * weights.Sum();
}
