using Upon.Core.Disclosure;

namespace Upon.Core.Impact;

/// <summary>
/// Applies a <see cref="DisclosureRule"/> to the figures of the DfE contract return, so that the funder never learns a
/// count from 1 to the threshold - 1, within a period, across the periods it can ask for, or against the other reports:
/// <list type="bullet">
/// <item>A count is suppressed when small, and when it differs by a small number from a linked figure of another report
/// (<see cref="ReturnMeasure.Linked"/>, <see cref="DisclosureRule.Linked"/>).</item>
/// <item>A count that adds up over the quarters (<see cref="ReturnFigureDefinition.AddsUpOverQuarters"/>) is disclosed
/// as a part of its financial year: the year is the total and its four quarters the parts
/// (<see cref="DisclosureRule.Breakdown"/>, with secondary suppression), so that no quarter can be worked out from the
/// year and the other quarters. When the year itself is suppressed, every quarter that is not zero is too.</item>
/// <item>A share is suppressed when its numerator, or the rest of its denominator (those without), is, each disclosed
/// as above, or when its denominator is a small group (<see cref="DisclosureRule.Rate"/>). A share that is one part of
/// a breakdown another report publishes in full (<see cref="ReturnMeasure.Parts"/>: the participants' ethnic major
/// groups, on the equality page) is also suppressed wherever that breakdown suppresses it, and a share over 1 to 4
/// people whose denominator counts something else (<see cref="ReturnMeasure.GroupSize"/>: sessions entitled, over the
/// coaching relationships) is suppressed too.</item>
/// <item>A share estimated from a survival curve (<see cref="ReturnMeasure.Survival"/>) is shown exactly when the
/// retention evaluation shows it for the same quarter end (<see cref="RetentionSeries.ParticipantsSurvival"/>, which
/// compares it with every earlier quarter end and with the evaluation's other figures).</item>
/// <item>A count of some of the people another figure of the return counts in the same period
/// (<see cref="ReturnMeasure.Whole"/>: BALI graduates appointed, invitations without an email, among the first-time
/// directors) is suppressed too wherever the rest of them, disclosed the same way, would be.</item>
/// <item>A count another report publishes in finer parts (<see cref="ReturnMeasure.PublishedAsParts"/>: the sessions of a
/// quarter or year, which the coaching figures publish by strand and month) is shown only where that report's figures
/// already give it (<see cref="DisclosureRule.IsGivenBy"/>), so it tells the funder nothing that report hides.</item>
/// <item>Hours are suppressed when the count of sessions they come from is.</item>
/// <item>Published reference data is shown as it is.</item>
/// </list>
/// </summary>
public static class ReturnDisclosure
{
    /// <summary>
    /// The figure for <paramref name="period"/> as <paramref name="rule"/> lets it be published. For a figure that adds up
    /// over the quarters, <paramref name="measureOf"/> must answer for every quarter of the period's year and for the year.
    /// </summary>
    /// <param name="rule">The rule, <see cref="DisclosureRule.None"/> for staff.</param>
    /// <param name="figure">The figure.</param>
    /// <param name="period">The period to disclose.</param>
    /// <param name="measureOf">The exact measure of the figure in a period.</param>
    /// <param name="basis">For hours: the disclosed figure of <see cref="ReturnFigureDefinition.BasisKey"/> in a period.</param>
    public static Disclosed<double?> Disclose(
        DisclosureRule rule,
        ReturnFigureDefinition figure,
        ReturnPeriod period,
        Func<ReturnPeriod, ReturnMeasure> measureOf,
        Func<string, ReturnPeriod, Disclosed<double?>> basis)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentNullException.ThrowIfNull(measureOf);
        ArgumentNullException.ThrowIfNull(basis);
        var measure = measureOf(period);
        var value = measure.Value(figure.Unit);
        if (figure.IsReference)
        {
            return Disclosed.Shown(value);
        }
        switch (figure.Unit)
        {
            case ReturnUnit.Count:
                var count = figure.AddsUpOverQuarters
                    ? AddingUp(rule, period, p => measureOf(p).Numerator, measureOf(ReturnPeriod.OfYear(period.Year)).Linked)
                    : rule.Linked(rule.Count(measure.Numerator), measure.Numerator, measure.Linked);
                var hidden = !count.IsSuppressed && (RestOfWholeSuppressed(rule, figure, period, measureOf) || !GivenByParts(rule, measure));
                return (hidden ? Disclosed.Suppressed<int>() : count).Select(c => (double?)c);
            case ReturnUnit.Share when measure.Series is { } series:
                return series.ParticipantsSurvival(measure.Months, rule).IsSuppressed ? Disclosed.Suppressed<double?>() : Disclosed.Shown(value);
            case ReturnUnit.Share:
                var numerator = figure.AddsUpOverQuarters
                    ? AddingUp(rule, period, p => measureOf(p).Numerator, null)
                    : rule.Count(measure.Numerator);
                var without = figure.AddsUpOverQuarters
                    ? AddingUp(rule, period, p => measureOf(p).Denominator - measureOf(p).Numerator, null)
                    : rule.Count(measure.Denominator - measure.Numerator);
                var partSuppressed = measure.Parts is { } parts && rule.Breakdown(measure.Denominator, parts).Parts[measure.PartIndex].IsSuppressed;
                var overFew = measure.GroupSize is { } people && rule.IsSmall(people);
                return numerator.IsSuppressed || without.IsSuppressed || partSuppressed || overFew || rule.IsSmall(measure.Denominator)
                    ? Disclosed.Suppressed<double?>()
                    : Disclosed.Shown(value);
            default:
                var sessions = figure.BasisKey is { } key
                    ? basis(key, period)
                    : throw new InvalidOperationException($"The hours figure {figure.Key} names no count to be disclosed with.");
                return sessions.IsSuppressed ? Disclosed.Suppressed<double?>() : Disclosed.Shown(value);
        }
    }

    /// <summary>
    /// Whether, for a count of some of the people another figure counts (<see cref="ReturnMeasure.Whole"/>), the rest (the
    /// whole less this count) is suppressed where the return's own figures would otherwise give it away, disclosed as this
    /// count is (over the quarters of its year when it adds up over them). False when there is no whole, or when the
    /// figures do not fit together (a count larger than its whole in some period).
    /// </summary>
    private static bool RestOfWholeSuppressed(DisclosureRule rule, ReturnFigureDefinition figure, ReturnPeriod period, Func<ReturnPeriod, ReturnMeasure> measureOf)
    {
        var periods = figure.AddsUpOverQuarters ? [.. period.QuartersOfYear(), ReturnPeriod.OfYear(period.Year)] : new[] { period };
        var rest = new Dictionary<ReturnPeriod, int>();
        foreach (var p in periods)
        {
            var measure = measureOf(p);
            if (measure.Whole is not { } whole || whole < measure.Numerator)
            {
                return false;
            }
            rest[p] = whole - measure.Numerator;
        }
        var disclosed = figure.AddsUpOverQuarters ? AddingUp(rule, period, p => rest[p], null) : rule.Count(rest[period]);
        return disclosed.IsSuppressed;
    }

    /// <summary>
    /// Whether a count that another report publishes in finer parts (<see cref="ReturnMeasure.PublishedAsParts"/>) is given
    /// by what that report publishes under <paramref name="rule"/> (<see cref="DisclosureRule.IsGivenBy"/>); true for any
    /// other count. Where it is not, showing it would give away a part the other report suppresses.
    /// </summary>
    private static bool GivenByParts(DisclosureRule rule, ReturnMeasure measure) =>
        measure.PublishedAsParts is not { } parts || rule.IsGivenBy(parts);

    /// <summary>
    /// A count that adds up over the quarters, for a quarter or the year: the year (linked to <paramref name="linkedYear"/>
    /// when another report publishes a superset of it) as the total of its quarters.
    /// </summary>
    public static Disclosed<int> AddingUp(DisclosureRule rule, ReturnPeriod period, Func<ReturnPeriod, int> countOf, int? linkedYear)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(countOf);
        var parts = period.QuartersOfYear().Select(countOf).ToArray();
        var total = parts.Sum();
        var year = rule.Linked(rule.Count(total), total, linkedYear);
        if (period.IsYear)
        {
            return year;
        }
        var part = rule.Breakdown(total, parts).Parts[period.Quarter - 1];
        return year.IsSuppressed && parts[period.Quarter - 1] != 0 ? Disclosed.Suppressed<int>() : part;
    }
}
