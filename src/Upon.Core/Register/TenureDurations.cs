using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// Tenures reduced to day numbers, ordered by start, so that the survival of tenure length as of any day can be
/// worked out by counting durations rather than sorting them.
/// </summary>
internal sealed class TenureDurations
{
    private readonly int[] _startDays;
    private readonly int[] _endDays; // RegisterIndex.Open while still running

    public TenureDurations(IReadOnlyCollection<TenureSpan> tenures)
    {
        _startDays = [.. tenures.Select(t => t.Start)];
        _endDays = [.. tenures.Select(t => t.End)];
        Array.Sort(_startDays, _endDays);
    }

    /// <summary>
    /// The Kaplan-Meier curve of every tenure started on or before <paramref name="asOf"/>: those ended by then are
    /// events at their full length, the rest are censored at their length up to and including <paramref name="asOf"/>.
    /// </summary>
    public KaplanMeierCurve Survival(LocalDate asOf)
    {
        var steps = new List<KaplanMeierStep>();
        var median = Feed(asOf, steps);
        return new KaplanMeierCurve(steps, median);
    }

    /// <summary>The median of <see cref="Survival"/>, without building the curve's steps.</summary>
    public int? MedianDays(LocalDate asOf) => Feed(asOf, steps: null);

    private int? Feed(LocalDate asOf, List<KaplanMeierStep>? steps)
    {
        var asOfDay = RegisterIndex.DayNumber(asOf);
        var count = CountStartingOnOrBefore(asOfDay);
        if (count == 0)
        {
            return null;
        }

        // Lengths run from 1 day up to the length of the earliest-starting tenure as of asOfDay.
        var longest = asOfDay - _startDays[0] + 1;
        var events = new int[longest + 1];
        var censored = new int[longest + 1];
        for (var i = 0; i < count; i++)
        {
            if (_endDays[i] <= asOfDay)
            {
                events[Math.Max(0, _endDays[i] - _startDays[i] + 1)]++;
            }
            else
            {
                censored[asOfDay - _startDays[i] + 1]++;
            }
        }

        var estimate = new ProductLimit(count, steps);
        for (var days = 0; days <= longest; days++)
        {
            if (events[days] > 0 || censored[days] > 0)
            {
                estimate.Add(days, events[days], censored[days]);
            }
        }
        return estimate.MedianDays;
    }

    private int CountStartingOnOrBefore(int day)
    {
        var index = Array.BinarySearch(_startDays, day);
        if (index < 0)
        {
            return ~index;
        }
        while (index < _startDays.Length && _startDays[index] == day)
        {
            index++;
        }
        return index;
    }
}
