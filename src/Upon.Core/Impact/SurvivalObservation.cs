namespace Upon.Core.Impact;

/// <summary>One observed duration for survival analysis.</summary>
/// <param name="Days">The time observed, in days (for a tenure, its length counting the first and the last day).</param>
/// <param name="Ended">True for an event (the tenure ended); false when censored (still running when last seen).</param>
public readonly record struct SurvivalObservation(int Days, bool Ended);
