namespace Upon.Core.Disclosure;

/// <summary>
/// A breakdown another report publishes to the funder (a total with its parts, disclosed together by
/// <see cref="DisclosureRule.Breakdown"/>), and which of its parts a figure counts: the coaching figures' sessions of a
/// strand by month, of which a quarter of the DfE return counts the months in the quarter.
/// </summary>
/// <param name="Parts">Every part of the breakdown, in order; its total is their sum.</param>
/// <param name="Counted">The indices of the parts the figure counts.</param>
public sealed record PartsCounted(IReadOnlyList<int> Parts, IReadOnlyCollection<int> Counted)
{
    /// <summary>What the figure counts of this breakdown: the sum of the counted parts.</summary>
    public int Sum => Counted.Sum(i => Parts[i]);
}
