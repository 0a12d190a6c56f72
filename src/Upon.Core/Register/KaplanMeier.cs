namespace Upon.Core.Register;

/// <summary>The Kaplan-Meier (product-limit) estimator of a survival curve.</summary>
public static class KaplanMeier
{
    /// <summary>
    /// Estimates the survival curve from observed durations. <c>Ended</c> is true for an event (the
    /// duration is complete) and false for a censored observation (still running when last seen). At a time
    /// shared by events and censorings, the events are counted first: the censored observations are still at
    /// risk at that time. The median is the smallest time at which survival is at most 0.5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public static KaplanMeierCurve Estimate(IEnumerable<(int Days, bool Ended)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);

        // Sort once on a packed key: days in the high bits, 0 for an event and 1 for a censoring in the low bit.
        var keys = new List<long>();
        foreach (var (days, ended) in observations)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(observations));
            keys.Add(((long)days << 1) | (ended ? 0L : 1L));
        }
        keys.Sort();

        var steps = new List<KaplanMeierStep>();
        var estimate = new ProductLimit(keys.Count, steps);
        var i = 0;
        while (i < keys.Count)
        {
            var days = (int)(keys[i] >> 1);
            var events = 0;
            var censored = 0;
            for (; i < keys.Count && (int)(keys[i] >> 1) == days; i++)
            {
                if ((keys[i] & 1L) == 0)
                {
                    events++;
                }
                else
                {
                    censored++;
                }
            }
            estimate.Add(days, events, censored);
        }

        return new KaplanMeierCurve(steps, estimate.MedianDays);
    }
}
