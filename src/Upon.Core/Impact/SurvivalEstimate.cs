using Upon.Core.Register;

namespace Upon.Core.Impact;

/// <summary>
/// A Kaplan-Meier survival curve with what the retention evaluation reads from it: the median, survival at a given
/// time, numbers at risk and pointwise 95% confidence bands.
/// <list type="bullet">
/// <item><b>Estimator.</b> The product limit of <see cref="KaplanMeier.Estimate"/>: at a time shared by events and
/// censorings, the events come first, so those censored then are still at risk for them.</item>
/// <item><b>Median.</b> The smallest time at which survival is at most one half; null when it never falls that far.</item>
/// <item><b>Survival at a time t.</b> The estimate after every step at or before t (1 before the first). Null beyond the
/// longest time observed (event or censoring), where the curve says nothing, and for an empty group.</item>
/// <item><b>Confidence bands.</b> Greenwood's variance on the log-log scale (Kalbfleisch and Prentice's "exponential
/// Greenwood" interval, lifelines' default): with V = Σ d/(n(n−d)) over the steps so far and
/// s = √V / |ln S|, the band is S^exp(1.96 s) to S^exp(−1.96 s). It always lies within 0 and 1. Where S is 1 the band
/// is 1 to 1; where S is 0 it is 0 to 0.</item>
/// </list>
/// </summary>
public sealed class SurvivalEstimate
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    private readonly KaplanMeierCurve _curve;

    /// <summary>Estimates the curve of <paramref name="observations"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative.</exception>
    public SurvivalEstimate(IEnumerable<SurvivalObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var list = observations.ToList();
        _curve = KaplanMeier.Estimate(list.Select(o => (o.Days, o.Ended)));
        N = list.Count;
        Events = list.Count(o => o.Ended);
        LongestDays = list.Count == 0 ? null : list.Max(o => o.Days);
        Durations = [.. list.Select(o => o.Days).Order()];

        var steps = new List<SurvivalStep>(_curve.Steps.Count);
        var greenwood = 0.0;
        foreach (var step in _curve.Steps)
        {
            if (step.Events > 0 && step.AtRisk > step.Events)
            {
                greenwood += (double)step.Events / ((double)step.AtRisk * (step.AtRisk - step.Events));
            }
            var (lower, upper) = Band(step.Survival, greenwood);
            steps.Add(new SurvivalStep(step.Days, step.Survival, step.AtRisk, step.Events, step.Censored, lower, upper));
        }
        Steps = steps;
    }

    /// <summary>How many observations.</summary>
    public int N { get; }

    /// <summary>How many of them are events.</summary>
    public int Events { get; }

    /// <summary>The longest time observed, event or censoring; null for an empty group.</summary>
    public int? LongestDays { get; }

    /// <summary>Every observed time, in ascending order.</summary>
    public IReadOnlyList<int> Durations { get; }

    /// <summary>One step per distinct time with events or censorings, in ascending order of time.</summary>
    public IReadOnlyList<SurvivalStep> Steps { get; }

    /// <summary>The curve in the form the register's turnover figures use (for <see cref="DisclosedSurvivalCurve"/>).</summary>
    public KaplanMeierCurve Curve => _curve;

    /// <summary>The median time in days: the smallest time at which survival is at most one half; null if never.</summary>
    public double? MedianDays => _curve.MedianDays;

    /// <summary>The median in months of <see cref="TurnoverCalculator.DaysPerMonth"/> days, as the turnover figures count months.</summary>
    public double? MedianMonths => MedianDays / TurnoverCalculator.DaysPerMonth;

    /// <summary>The estimated share lasting beyond <paramref name="days"/>; null beyond <see cref="LongestDays"/> or when empty.</summary>
    public double? SurvivalAt(double days)
    {
        if (LongestDays is not { } longest || days > longest)
        {
            return null;
        }
        return StepAt(days)?.Survival ?? 1.0;
    }

    /// <summary>Survival at <paramref name="months"/> months of <see cref="TurnoverCalculator.DaysPerMonth"/> days (12 months is 365.25 days).</summary>
    public double? SurvivalAtMonths(double months) => SurvivalAt(months * TurnoverCalculator.DaysPerMonth);

    /// <summary>The 95% band at <paramref name="days"/> (1 to 1 before the first step); null where <see cref="SurvivalAt"/> is.</summary>
    public (double Lower, double Upper)? BandAt(double days)
    {
        if (LongestDays is not { } longest || days > longest)
        {
            return null;
        }
        return StepAt(days) is { } step ? (step.Lower, step.Upper) : (1.0, 1.0);
    }

    /// <summary>The number at risk at <paramref name="days"/>: the observations whose time is at least that long.</summary>
    public int AtRiskAt(double days)
    {
        var lo = 0;
        var hi = Durations.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Durations[mid] < days)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return Durations.Count - lo;
    }

    private SurvivalStep? StepAt(double days)
    {
        SurvivalStep? last = null;
        foreach (var step in Steps)
        {
            if (step.Days > days)
            {
                break;
            }
            last = step;
        }
        return last;
    }

    private static (double Lower, double Upper) Band(double survival, double greenwood)
    {
        if (survival >= 1.0)
        {
            return (1.0, 1.0);
        }
        if (survival <= 0.0)
        {
            return (0.0, 0.0);
        }
        var log = Math.Log(survival);
        var spread = Z95 * Math.Sqrt(greenwood) / Math.Abs(log);
        return (Math.Pow(survival, Math.Exp(spread)), Math.Pow(survival, Math.Exp(-spread)));
    }
}
