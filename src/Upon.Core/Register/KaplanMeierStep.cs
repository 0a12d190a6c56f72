namespace Upon.Core.Register;

/// <summary>One time point of a Kaplan-Meier curve.</summary>
/// <param name="Days">The time, in days.</param>
/// <param name="Survival">The estimated probability of lasting beyond <paramref name="Days"/> (after this step).</param>
/// <param name="AtRisk">How many observations were still running at the start of this time (including those censored at it).</param>
/// <param name="Events">How many observations ended at this time.</param>
/// <param name="Censored">How many observations were censored (still running when last seen) at this time.</param>
public sealed record KaplanMeierStep(int Days, double Survival, int AtRisk, int Events, int Censored);
