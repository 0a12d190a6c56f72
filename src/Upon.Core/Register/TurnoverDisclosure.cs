using NodaTime;
using Upon.Core.Disclosure;

namespace Upon.Core.Register;

/// <summary>
/// Applies a <see cref="DisclosureRule"/> to the turnover figures:
/// <list type="bullet">
/// <item><c>localAuthorities</c>, <c>changes</c> and <c>firstTimeDirectors</c> are counts.</item>
/// <item><c>firstTimeDirectors</c> counts appointments, and the invitation figures, which the same funder sees, count the
/// people behind them (<see cref="TurnoverCounts.FirstTimePeople"/>): when the two differ by 1 to the threshold - 1 (a
/// few directors starting shared posts), it is suppressed (<see cref="DisclosureRule.Linked"/>).</item>
/// <item><c>authoritiesWithChange</c> and <c>authoritiesWithUnplannedChange</c> are counts and also parts of
/// <c>localAuthorities</c>: the authorities without one are the other part, which anyone can work out by subtraction.
/// Each is treated as a total with those two parts, so the published count is suppressed too when the authorities
/// without are a small number.</item>
/// <item><c>unplannedChangeRate</c> is a rate of <c>authoritiesWithUnplannedChange</c> over <c>localAuthorities</c>, and
/// <c>interimShareAtYearEnd</c> a share whose numerator, the authorities led by an interim, is a part of
/// <c>localAuthorities</c> in the same way.</item>
/// <item><c>meanCompletedTenureMonths</c> is over the tenures that ended in the year, and <c>medianTenureMonths</c> over
/// the tenures at risk at the Kaplan-Meier step where it is reached (see <see cref="TurnoverCounts.AtRiskBehindMedian"/>),
/// as <see cref="DisclosedSurvivalCurve"/> cuts the curve.</item>
/// <item><c>consecutiveYearsRising</c> compares <c>changes</c> across years, so it is suppressed when the changes of a
/// year it compares are: for n, the n years that rose and the year before them; for 0, this year and the one before.
/// (A run of rises from 0 through suppressed years would otherwise give them away: 0, c, c, c, c, 10 rising for the
/// fifth year means 1, 2, 3, 4.)</item>
/// </list>
/// </summary>
public static class TurnoverDisclosure
{
    /// <summary>Every year's figures from <see cref="TurnoverCalculator.Years"/>, disclosed under <paramref name="rule"/>.</summary>
    public static IReadOnlyList<DisclosedTurnoverFigures> DisclosedYears(
        this TurnoverCalculator calculator, LocalDate today, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(calculator);
        var years = calculator.Years(today);
        return Disclose(rule, years, [.. years.Select(f => calculator.CountsFor(FinancialYear.Parse(f.FinancialYear)))]);
    }

    /// <summary>Discloses a series of years' figures under <paramref name="rule"/>.</summary>
    /// <param name="rule">The small-number suppression rule of the funder's view.</param>
    /// <param name="years">Consecutive years' figures, oldest first, as <see cref="TurnoverCalculator.Years"/> gives them.</param>
    /// <param name="counts">Each year's <see cref="TurnoverCounts"/>, in the same order.</param>
    /// <exception cref="ArgumentException">The two lists are not the same length.</exception>
    public static IReadOnlyList<DisclosedTurnoverFigures> Disclose(
        DisclosureRule rule, IReadOnlyList<TurnoverFigures> years, IReadOnlyList<TurnoverCounts> counts)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(counts);
        if (years.Count != counts.Count)
        {
            throw new ArgumentException($"There are {years.Count} years of figures but {counts.Count} of counts.", nameof(counts));
        }

        var changes = years.Select(f => rule.Count(f.Changes)).ToArray();
        var disclosed = new List<DisclosedTurnoverFigures>(years.Count);
        for (var i = 0; i < years.Count; i++)
        {
            var f = years[i];
            var authorities = f.LocalAuthorities;
            var withUnplannedChange = PartOf(rule, authorities, f.AuthoritiesWithUnplannedChange);
            var interim = PartOf(rule, authorities, counts[i].InterimAtYearEnd);
            disclosed.Add(new DisclosedTurnoverFigures(
                f.FinancialYear,
                rule.Count(authorities),
                changes[i],
                PartOf(rule, authorities, f.AuthoritiesWithChange),
                withUnplannedChange,
                rule.Rate(f.UnplannedChangeRate, withUnplannedChange, authorities),
                rule.Linked(rule.Count(f.FirstTimeDirectors), f.FirstTimeDirectors, counts[i].FirstTimePeople),
                rule.Rate(f.InterimShareAtYearEnd, interim, authorities),
                rule.OverGroup(f.MeanCompletedTenureMonths, counts[i].CompletedTenures),
                rule.OverGroup(f.MedianTenureMonths, counts[i].AtRiskBehindMedian),
                Rising(f.ConsecutiveYearsRising, changes.AsSpan(0, i + 1))) { ToDate = f.ToDate });
        }
        return disclosed;
    }

    // An authority counted that had ceased by the year's last day is not among the total; the subtraction then tells
    // nothing, and DisclosureRule.PartOf discloses the count on its own.
    private static Disclosed<int> PartOf(DisclosureRule rule, int total, int part) => rule.PartOf(total, part);

    /// <param name="rising">The year's consecutive years of rising changes, null for the first year of data.</param>
    /// <param name="changes">The disclosed changes of every year up to and including this one.</param>
    private static Disclosed<int?> Rising(int? rising, ReadOnlySpan<Disclosed<int>> changes) => rising is { } n
        ? DisclosureRule.DerivedFrom(rising, changes[Math.Max(0, changes.Length - 1 - Math.Max(n, 1))..])
        : Disclosed.Shown(rising);
}
