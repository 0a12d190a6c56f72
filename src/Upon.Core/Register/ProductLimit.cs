namespace Upon.Core.Register;

/// <summary>
/// Accumulates a Kaplan-Meier product-limit estimate from observations grouped by time, fed in ascending order
/// of time.
/// </summary>
internal sealed class ProductLimit(int observations, List<KaplanMeierStep>? steps)
{
    // Survival is a product of many fractions, so a value that is exactly one half can come out a hair above it.
    private const double MedianTolerance = 1e-10;

    private int _atRisk = observations;

    /// <summary>The estimated survival after the times fed so far.</summary>
    public double Survival { get; private set; } = 1.0;

    /// <summary>The first time fed at which survival fell to one half or below; null until it does.</summary>
    public int? MedianDays { get; private set; }

    /// <summary>
    /// Records the <paramref name="events"/> and <paramref name="censored"/> observations at <paramref name="days"/>,
    /// which must be later than any time fed before. Events are counted first, so those censored at
    /// <paramref name="days"/> are still at risk for them.
    /// </summary>
    public void Add(int days, int events, int censored)
    {
        if (events > 0)
        {
            Survival *= (double)(_atRisk - events) / _atRisk;
            if (MedianDays is null && Survival <= 0.5 + MedianTolerance)
            {
                MedianDays = days;
            }
        }
        steps?.Add(new KaplanMeierStep(days, Survival, _atRisk, events, censored));
        _atRisk -= events + censored;
    }
}
