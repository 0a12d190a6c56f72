namespace Upon.Core.Register;

/// <summary>A Kaplan-Meier survival curve.</summary>
/// <param name="Steps">One step per distinct time with events or censorings, in ascending order of time.</param>
/// <param name="MedianDays">The smallest time at which survival is at most one half; null if it never falls that far.</param>
public sealed record KaplanMeierCurve(IReadOnlyList<KaplanMeierStep> Steps, double? MedianDays);
