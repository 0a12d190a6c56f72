namespace Upon.Core.Impact;

/// <summary>One time of a <see cref="SurvivalEstimate"/> at which something happened, with its 95% confidence band.</summary>
/// <param name="Days">The time, in days.</param>
/// <param name="Survival">The estimated share lasting beyond <paramref name="Days"/> (after this step).</param>
/// <param name="AtRisk">How many were still observed at the start of this time (those censored at it included).</param>
/// <param name="Events">How many ended at this time.</param>
/// <param name="Censored">How many were censored at this time.</param>
/// <param name="Lower">The lower end of the pointwise 95% confidence interval of <paramref name="Survival"/>.</param>
/// <param name="Upper">The upper end of the pointwise 95% confidence interval of <paramref name="Survival"/>.</param>
public sealed record SurvivalStep(int Days, double Survival, int AtRisk, int Events, int Censored, double Lower, double Upper);
