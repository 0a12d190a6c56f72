namespace Upon.Core.Disclosure;

/// <summary>
/// Small-number suppression, the statistical disclosure control of the Department for Education's and the Office for
/// National Statistics' official statistics:
/// <list type="bullet">
/// <item>a count from 1 up to <see cref="Threshold"/> - 1 is suppressed; zero is shown (<see cref="Count"/>);</item>
/// <item>a rate, share, mean or median worked out from a suppressed count, or over a group smaller than the threshold,
/// is suppressed too (<see cref="Rate"/>, <see cref="OverGroup"/>, <see cref="DerivedFrom"/>);</item>
/// <item>when a total is published with its parts, more parts are suppressed until the suppressed ones cannot be worked
/// out by subtraction (<see cref="Breakdown"/>).</item>
/// </list>
/// </summary>
public sealed class DisclosureRule
{
    /// <summary>The usual threshold: counts from 1 to 4 are suppressed.</summary>
    public const int DefaultThreshold = 5;

    /// <param name="threshold">The smallest count that is shown, apart from zero; at least 1 (1 suppresses nothing).</param>
    public DisclosureRule(int threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        Threshold = threshold;
    }

    /// <summary>The rule that suppresses nothing (threshold 1), for people who may see the exact figures.</summary>
    public static DisclosureRule None { get; } = new(1);

    /// <summary>The smallest count that is shown, apart from zero.</summary>
    public int Threshold { get; }

    /// <summary>Whether any count at all is small under this rule (the threshold is more than 1).</summary>
    public bool SuppressesAnything => Threshold > 1;

    /// <summary>Whether <paramref name="count"/> is from 1 up to <see cref="Threshold"/> - 1.</summary>
    public bool IsSmall(int count) => count >= 1 && count < Threshold;

    /// <summary>A count of people or events: suppressed when it is small, shown when it is zero or large enough.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public Disclosed<int> Count(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return IsSmall(count) ? Disclosed.Suppressed<int>() : Disclosed.Shown(count);
    }

    /// <summary>
    /// A statistic of a group, such as a mean or a median: suppressed when the group is small. The statistic of an empty
    /// group (usually none at all) is shown, as a zero count is.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The group size is negative.</exception>
    public Disclosed<T> OverGroup<T>(T value, int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupSize);
        return IsSmall(groupSize) ? Disclosed.Suppressed<T>() : Disclosed.Shown(value);
    }

    /// <summary>
    /// A rate or share, <paramref name="numerator"/> / <paramref name="denominator"/>: suppressed when the numerator is
    /// (the rate and the denominator would give it back) or when the denominator is a small group.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is negative.</exception>
    public Disclosed<double> Rate(double value, Disclosed<int> numerator, int denominator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        return numerator.IsSuppressed || IsSmall(denominator) ? Disclosed.Suppressed<double>() : Disclosed.Shown(value);
    }

    /// <summary>A figure worked out from other figures: suppressed when any of them is, since it could give them away.</summary>
    public static Disclosed<T> DerivedFrom<T>(T value, params ReadOnlySpan<Disclosed<int>> sources)
    {
        foreach (var source in sources)
        {
            if (source.IsSuppressed)
            {
                return Disclosed.Suppressed<T>();
            }
        }
        return Disclosed.Shown(value);
    }

    /// <summary>
    /// A count out of <paramref name="total"/>, published with the total: the first of two parts of it, the other (those
    /// without) being known by subtraction, so it is suppressed when it is small or when those without are (see
    /// <see cref="Breakdown"/>). A count larger than the total (figures that do not fit together) is disclosed on its own.
    /// Both <c>TurnoverDisclosure</c> and <c>InvitationDisclosure</c> use it.
    /// </summary>
    public Disclosed<int> PartOf(int total, int part) =>
        part <= total ? Breakdown(total, [part, total - part]).Parts[0] : Count(part);

    /// <summary>
    /// A count published in one report that is linked to a count another report publishes to the same people: one
    /// counts a subset of what the other counts (the invitation figures' first-time directors, people, are among the
    /// turnover figures' first-time directors, appointments). Anyone who sees both can subtract, so when the two differ
    /// by a small number, <paramref name="figure"/> (already disclosed on its own) is suppressed too. Each linked pair is
    /// listed in the README's suppression section.
    /// </summary>
    /// <param name="figure">This report's figure as disclosed so far.</param>
    /// <param name="value">Its exact value.</param>
    /// <param name="linkedValue">The exact value of the linked figure in the other report, or null when that report does
    /// not publish it.</param>
    public Disclosed<int> Linked(Disclosed<int> figure, int value, int? linkedValue) =>
        !figure.IsSuppressed && linkedValue is { } other && IsSmall(Math.Abs(value - other)) ? Disclosed.Suppressed<int>() : figure;

    /// <summary>
    /// A total published together with its parts, which add up to it. Small counts are suppressed (primary suppression).
    /// Then, while the total is shown, anyone can work out what the suppressed parts add up to: the total minus the parts
    /// shown. As long as that sum is itself small (and a single suppressed part would be given away exactly), the
    /// smallest part still shown is suppressed too (secondary suppression), the first of equal parts in order. Zeros are
    /// never suppressed: hiding one would not change the sum.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The total or a part is negative.</exception>
    /// <exception cref="ArgumentException">The parts do not add up to the total.</exception>
    public DisclosedBreakdown Breakdown(int total, IReadOnlyList<int> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        long sum = 0;
        foreach (var part in parts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(part, nameof(parts));
            sum += part;
        }
        if (sum != total)
        {
            throw new ArgumentException($"The parts add up to {sum}, not to the total, {total}.", nameof(parts));
        }

        var disclosedTotal = Count(total);
        var suppressed = parts.Select(IsSmall).ToArray();
        if (!disclosedTotal.IsSuppressed)
        {
            // A shown total is 0 or at least the threshold, so while the suppressed parts add up to a small number some
            // part that is not zero is still shown.
            while (IsSmall(SumOfSuppressed(parts, suppressed)))
            {
                suppressed[SmallestShownNonZero(parts, suppressed)] = true;
            }
        }
        return new DisclosedBreakdown(
            disclosedTotal, [.. parts.Select((part, i) => suppressed[i] ? Disclosed.Suppressed<int>() : Disclosed.Shown(part))]);
    }

    /// <summary>
    /// Whether a count that adds up some of the parts of breakdowns another report publishes to the same people (each a
    /// total published with its parts, disclosed by <see cref="Breakdown"/> under this rule) is already given by what those
    /// breakdowns publish, so that publishing it as well tells nothing more. That is so when, in every breakdown, the count
    /// takes in none of the suppressed parts, or every one of them while the total is shown (they then add up to the total
    /// less the parts shown). Otherwise the count less the parts shown would give away a suppressed part, or a sum of
    /// suppressed parts that the breakdown keeps hidden, so it is to be suppressed: a figure published beside such
    /// breakdowns (the DfE return's sessions in a quarter, beside the coaching figures' sessions by strand and month) is
    /// shown only when it is given by them (see the README's list of linked figures).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative, or an index names no part.</exception>
    public bool IsGivenBy(IEnumerable<PartsCounted> breakdowns)
    {
        ArgumentNullException.ThrowIfNull(breakdowns);
        foreach (var breakdown in breakdowns)
        {
            ArgumentNullException.ThrowIfNull(breakdown);
            var disclosed = Breakdown(breakdown.Parts.Sum(), breakdown.Parts);
            var hidden = Enumerable.Range(0, breakdown.Parts.Count).Where(i => disclosed.Parts[i].IsSuppressed).ToHashSet();
            var counted = new HashSet<int>();
            foreach (var index in breakdown.Counted)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(breakdowns));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, breakdown.Parts.Count, nameof(breakdowns));
                if (hidden.Contains(index))
                {
                    counted.Add(index);
                }
            }
            var givesNone = counted.Count == 0;
            var givesAll = counted.Count == hidden.Count && !disclosed.Total.IsSuppressed;
            if (!givesNone && !givesAll)
            {
                return false;
            }
        }
        return true;
    }

    private static int SumOfSuppressed(IReadOnlyList<int> parts, bool[] suppressed)
    {
        var sum = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            sum += suppressed[i] ? parts[i] : 0;
        }
        return sum;
    }

    private static int SmallestShownNonZero(IReadOnlyList<int> parts, bool[] suppressed)
    {
        var smallest = -1;
        for (var i = 0; i < parts.Count; i++)
        {
            if (!suppressed[i] && parts[i] > 0 && (smallest < 0 || parts[i] < parts[smallest]))
            {
                smallest = i;
            }
        }
        return smallest;
    }
}
