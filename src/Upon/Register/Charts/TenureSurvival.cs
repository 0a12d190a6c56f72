using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Register.Charts;

/// <summary>A Kaplan-Meier curve read at one tenure length.</summary>
/// <param name="Years">The tenure length, in years of <see cref="TenureSurvival.DaysPerYear"/> days.</param>
/// <param name="Survival">
/// The estimated share of tenures lasting longer than <paramref name="Years"/>; null when it cannot be estimated
/// because no tenure was observed for that long (the longest ones were all still running when last seen).
/// </param>
/// <param name="AtRisk">How many tenures were observed for at least that long (the number at risk).</param>
public sealed record SurvivalPoint(double Years, double? Survival, int AtRisk);

/// <summary>A <see cref="SurvivalPoint"/> as it may be published under a <see cref="DisclosureRule"/>.</summary>
public sealed record DisclosedSurvivalPoint(double Years, Disclosed<double?> Survival, Disclosed<int> AtRisk);

/// <summary>Reads a <see cref="KaplanMeierCurve"/> of tenure length (in days) at given numbers of years.</summary>
public static class TenureSurvival
{
    /// <summary>The average length of a year in days, used to express tenures in years.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>The lengths, in years, at which the dashboard tabulates the curve.</summary>
    public static IReadOnlyList<double> TableYears { get; } = [1, 2, 3, 4, 5, 6, 8, 10];

    /// <summary>
    /// The curve at each of <paramref name="years"/>: survival is the value after the last step at or before that
    /// length (1 before the first step); the number at risk counts the tenures whose observed length is at least
    /// that long.
    /// </summary>
    public static IReadOnlyList<SurvivalPoint> At(KaplanMeierCurve curve, IEnumerable<double> years)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(years);

        var steps = curve.Steps;
        var total = steps.Count == 0 ? 0 : steps[0].AtRisk;
        var points = new List<SurvivalPoint>();
        foreach (var year in years)
        {
            var days = year * DaysPerYear;
            var survival = 1.0;
            var atRisk = total;
            foreach (var step in steps)
            {
                if (step.Days > days)
                {
                    break;
                }
                survival = step.Survival;
                if (step.Days < days)
                {
                    atRisk -= step.Events + step.Censored;
                }
            }
            var estimable = total > 0 && (atRisk > 0 || survival == 0);
            points.Add(new SurvivalPoint(year, estimable ? survival : null, atRisk));
        }
        return points;
    }

    /// <summary>
    /// <see cref="At(KaplanMeierCurve, IEnumerable{double})"/> as <paramref name="rule"/> lets it be published. The number at
    /// risk is a count. The share lasting longer rests on every step up to that length, whose numbers at risk are at least
    /// the number at risk then: it is suppressed when that is small, and when it is 0 but the curve has small steps, as it
    /// then rests on steps that <see cref="DisclosedSurvivalCurve"/> does not show.
    /// </summary>
    public static IReadOnlyList<DisclosedSurvivalPoint> At(KaplanMeierCurve curve, IEnumerable<double> years, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var cut = DisclosedSurvivalCurve.Disclose(curve, rule).HiddenFromDays is not null;
        return [.. At(curve, years).Select(p => new DisclosedSurvivalPoint(
            p.Years,
            rule.IsSmall(p.AtRisk) || (p.AtRisk == 0 && cut) ? Disclosed.Suppressed<double?>() : Disclosed.Shown(p.Survival),
            rule.Count(p.AtRisk)))];
    }

    /// <summary>A length in days expressed in years.</summary>
    public static double Years(double days) => days / DaysPerYear;
}
