namespace Upon.Core.Aspirants;

/// <summary>
/// Disagreement between the reviews of one application: flagged for moderation when two of its reviews' raw totals
/// differ by strictly more than a third of the possible range of a total (see <see cref="ReviewTotals.Range"/>).
/// </summary>
public static class Disagreement
{
    /// <summary>Whether the raw totals of one application's reviews disagree; never with fewer than two reviews.</summary>
    public static bool IsFlagged(IReadOnlyCollection<decimal> rawTotals, decimal range)
    {
        ArgumentNullException.ThrowIfNull(rawTotals);
        if (rawTotals.Count < 2)
        {
            return false;
        }
        // Compared as 3 x difference > range, so a third is never rounded.
        return 3 * (rawTotals.Max() - rawTotals.Min()) > range;
    }
}
