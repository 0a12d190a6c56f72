namespace Upon.Core.Impact;

/// <summary>The log-rank test between two groups' survival.</summary>
/// <param name="ChiSquare">(O − E)² / V with one degree of freedom; null when the variance is zero.</param>
/// <param name="PValue">The chance of a statistic at least this large if the groups' survival were the same; null when <paramref name="ChiSquare"/> is.</param>
/// <param name="Observed">Events observed in the first group (O).</param>
/// <param name="Expected">Events expected in the first group under no difference (E).</param>
/// <param name="Variance">The hypergeometric variance of O − E (V).</param>
public sealed record LogRankResult(double? ChiSquare, double? PValue, int Observed, double Expected, double Variance);

/// <summary>
/// The log-rank (Mantel-Cox) test. At each distinct time at which anyone has an event, with n at risk of whom n₁ in the
/// first group and d events of which d₁ in the first group: E += d·n₁/n and V += d·(n₁/n)·(1 − n₁/n)·(n − d)/(n − 1)
/// (0 when n is 1). The statistic is (Σd₁ − E)² / V, compared with a chi-square of one degree of freedom. Censorings at
/// an event time are still at risk then. V is zero when a group is empty, or when nobody is at risk in one group at
/// every event time; the test is then undefined and its figures null.
/// </summary>
public static class LogRank
{
    /// <summary>Compares <paramref name="first"/> with <paramref name="second"/>.</summary>
    public static LogRankResult Compare(IEnumerable<SurvivalObservation> first, IEnumerable<SurvivalObservation> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = first.OrderBy(o => o.Days).ToList();
        var b = second.OrderBy(o => o.Days).ToList();
        var times = a.Concat(b).Where(o => o.Ended).Select(o => o.Days).Distinct().Order();

        var observed = 0;
        var expected = 0.0;
        var variance = 0.0;
        int ia = 0, ib = 0;
        foreach (var time in times)
        {
            // Drop whoever left before this time: the rest are at risk.
            while (ia < a.Count && a[ia].Days < time)
            {
                ia++;
            }
            while (ib < b.Count && b[ib].Days < time)
            {
                ib++;
            }
            var n1 = a.Count - ia;
            var n = n1 + b.Count - ib;
            var d1 = CountEvents(a, ia, time);
            var d = d1 + CountEvents(b, ib, time);
            var share = (double)n1 / n;
            observed += d1;
            expected += d * share;
            if (n > 1)
            {
                variance += d * share * (1 - share) * (n - d) / (n - 1);
            }
        }

        if (variance <= 0)
        {
            return new LogRankResult(null, null, observed, expected, 0);
        }
        var chiSquare = (observed - expected) * (observed - expected) / variance;
        return new LogRankResult(chiSquare, ChiSquare.UpperTailOneDegree(chiSquare), observed, expected, variance);
    }

    private static int CountEvents(List<SurvivalObservation> group, int from, int time)
    {
        var events = 0;
        for (var i = from; i < group.Count && group[i].Days == time; i++)
        {
            if (group[i].Ended)
            {
                events++;
            }
        }
        return events;
    }
}
