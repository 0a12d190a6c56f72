using Upon.Core.Disclosure;

namespace Upon.Core.Register;

/// <summary>
/// The part of a Kaplan-Meier curve that may be published under a <see cref="DisclosureRule"/>: the steps up to, not
/// including, the first whose number at risk is small. The number at risk only falls along the curve, so every later
/// step is over a small group too.
/// </summary>
/// <param name="Steps">The steps shown, in ascending order of time.</param>
/// <param name="MedianDays">
/// The curve's median: suppressed when its step is not shown. Null when survival never falls to one half, which is
/// suppressed too when part of the curve is not shown, since it tells something of that part.
/// </param>
/// <param name="HiddenFromDays">The time of the first step not shown; null when the whole curve is.</param>
public sealed record DisclosedSurvivalCurve(IReadOnlyList<KaplanMeierStep> Steps, Disclosed<double?> MedianDays, int? HiddenFromDays)
{
    /// <summary>Cuts <paramref name="curve"/> where fewer than <see cref="DisclosureRule.Threshold"/> observations are at risk.</summary>
    public static DisclosedSurvivalCurve Disclose(KaplanMeierCurve curve, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(rule);
        var shown = curve.Steps.TakeWhile(s => !rule.IsSmall(s.AtRisk)).ToList();
        int? hiddenFrom = shown.Count < curve.Steps.Count ? curve.Steps[shown.Count].Days : null;
        var median = hiddenFrom is null || curve.MedianDays < hiddenFrom
            ? Disclosed.Shown(curve.MedianDays)
            : Disclosed.Suppressed<double?>();
        return new DisclosedSurvivalCurve(shown, median, hiddenFrom);
    }
}
