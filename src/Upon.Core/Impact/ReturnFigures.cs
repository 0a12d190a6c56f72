using Upon.Core.Disclosure;

namespace Upon.Core.Impact;

/// <summary>What a figure of the return measures.</summary>
public enum ReturnUnit
{
    /// <summary>A count of people, relationships, sessions or attendance marks.</summary>
    Count,

    /// <summary>A share, from 0 to 1: a numerator out of a denominator, both counts.</summary>
    Share,

    /// <summary>Hours, disclosed with the count of sessions they come from.</summary>
    Hours,
}

/// <summary>
/// One fixed key figure of the DfE contract return, with its definition. The key never changes once a return has been
/// submitted with it.
/// </summary>
/// <param name="Key">The camelCase key, as the JSON and CSV write it (<c>firstTimeDirectors</c>).</param>
/// <param name="Title">What the figure is called on the page and in the workbook.</param>
/// <param name="Unit">What it measures.</param>
/// <param name="Definition">Exactly what is counted, in plain words.</param>
public sealed record ReturnFigureDefinition(string Key, string Title, ReturnUnit Unit, string Definition)
{
    /// <summary>
    /// Whether the counts add up over the quarters to the year (people starting, sessions held): then the funder could
    /// subtract the quarters from the year, so the quarters are disclosed as parts of the year. A share's numerator and
    /// denominator are both such counts when this is set.
    /// </summary>
    public bool AddsUpOverQuarters { get; init; }

    /// <summary>For <see cref="ReturnUnit.Hours"/>: the key of the count figure the hours are disclosed with.</summary>
    public string? BasisKey { get; init; }

    /// <summary>
    /// Whether the figure is published reference data (the workforce's, the population's): shown to everyone as it is,
    /// never suppressed, because it says nothing about the programme's people.
    /// </summary>
    public bool IsReference { get; init; }
}

/// <summary>
/// The exact value of one figure for one period, as a section of the return measures it. A count is its
/// <see cref="Numerator"/>; a share is <see cref="Numerator"/> out of <see cref="Denominator"/>; hours are
/// <see cref="Amount"/>.
/// </summary>
public sealed record ReturnMeasure
{
    private ReturnMeasure(int numerator, int denominator, double? amount, int? linked, RetentionSeries? series = null, int months = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numerator);
        ArgumentOutOfRangeException.ThrowIfNegative(denominator);
        if (denominator > 0 && numerator > denominator)
        {
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "A share's numerator cannot be more than its denominator.");
        }
        Numerator = numerator;
        Denominator = denominator;
        Amount = amount;
        Linked = linked;
        Series = series;
        Months = months;
    }

    /// <summary>
    /// For a share estimated from the retention evaluation's participants' curve (<see cref="Survival"/>): the
    /// evaluations it is read from, which decide whether the funder may see it exactly as the retention evaluation
    /// publishes it (<see cref="RetentionSeries.ParticipantsSurvival"/>); null otherwise.
    /// </summary>
    public RetentionSeries? Series { get; }

    /// <summary>With <see cref="Series"/>: the months at which survival is read.</summary>
    public int Months { get; }

    /// <summary>The count, or the share's numerator.</summary>
    public int Numerator { get; }

    /// <summary>The share's denominator; 0 for a count, or for a share of nobody.</summary>
    public int Denominator { get; }

    /// <summary>Hours, or a reference share given as a value; null otherwise.</summary>
    public double? Amount { get; }

    /// <summary>
    /// The exact value of a figure another report publishes to the funder that counts a superset of the same people
    /// (the turnover figures' first-time directors, appointments, for the year's first-time directors, people); null
    /// when there is none. See <c>DisclosureRule.Linked</c>.
    /// </summary>
    public int? Linked { get; }

    /// <summary>A count.</summary>
    public static ReturnMeasure Count(int count, int? linked = null) => new(count, 0, null, linked);

    /// <summary>
    /// For a count of some of the people another figure of the return counts in the same period (BALI graduates among the
    /// first-time directors): that figure's exact value, so that those it counts and this one does not are never 1 to 4
    /// given away by subtraction; null otherwise. See <see cref="ReturnDisclosure.AddingUp"/>.
    /// </summary>
    public int? Whole { get; private init; }

    /// <summary>A count of <paramref name="count"/> of the <paramref name="whole"/> people another figure of the return counts in the same period (see <see cref="Whole"/>).</summary>
    public static ReturnMeasure CountOf(int count, int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return Count(count) with { Whole = whole };
    }

    /// <summary>
    /// For a count that another report publishes to the funder in finer parts (the sessions of a quarter, which the
    /// coaching figures publish by strand and month): each breakdown of that report and the parts of it this count adds up,
    /// so that the count is shown only where those breakdowns already give it (<see cref="DisclosureRule.IsGivenBy"/>) and
    /// so can never give away a part they suppress; null otherwise.
    /// </summary>
    public IReadOnlyList<PartsCounted>? PublishedAsParts { get; private init; }

    /// <summary>
    /// A count that adds up the <paramref name="parts"/> counted of breakdowns another report publishes (see
    /// <see cref="PublishedAsParts"/>): its value is their sum.
    /// </summary>
    public static ReturnMeasure CountOfParts(IReadOnlyList<PartsCounted> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Count(parts.Sum(p => p.Sum)) with { PublishedAsParts = [.. parts] };
    }

    /// <summary>A share: <paramref name="numerator"/> out of <paramref name="denominator"/>.</summary>
    public static ReturnMeasure Share(int numerator, int denominator) =>
        denominator == 0 && numerator > 0
            ? throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "A share of nobody has no numerator.")
            : new(numerator, denominator, null, null);

    /// <summary>
    /// For a share that is one part of a breakdown another report publishes to the funder in full (an ethnic major group's
    /// share of those who answered, <see cref="EthnicGroupCounts"/>): every part, adding up to <see cref="Denominator"/>,
    /// so that the share is suppressed wherever that breakdown suppresses its part; null otherwise.
    /// </summary>
    public IReadOnlyList<int>? Parts { get; private init; }

    /// <summary>With <see cref="Parts"/>: which part this share is.</summary>
    public int PartIndex { get; private init; }

    /// <summary>The share of the part at <paramref name="index"/> of <paramref name="parts"/> in their sum (see <see cref="Parts"/>).</summary>
    public static ReturnMeasure ShareOfParts(IReadOnlyList<int> parts, int index)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, parts.Count);
        return Share(parts[index], parts.Sum()) with { Parts = [.. parts], PartIndex = index };
    }

    /// <summary>
    /// For a share whose denominator is not a count of people (sessions entitled): how many people it is over (the
    /// coaching relationships whose sessions it counts), so that a share about 1 to 4 people is suppressed; null otherwise.
    /// </summary>
    public int? GroupSize { get; private init; }

    /// <summary>A share: <paramref name="numerator"/> out of <paramref name="denominator"/>, over <paramref name="groupSize"/> people (see <see cref="GroupSize"/>).</summary>
    public static ReturnMeasure ShareOverGroup(int numerator, int denominator, int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(groupSize);
        return Share(numerator, denominator) with { GroupSize = groupSize };
    }

    /// <summary>Hours.</summary>
    public static ReturnMeasure Hours(double hours) =>
        hours < 0 || !double.IsFinite(hours) ? throw new ArgumentOutOfRangeException(nameof(hours)) : new(0, 0, hours, null);

    /// <summary>A published share given as a value from 0 to 1 (reference data such as the workforce's).</summary>
    public static ReturnMeasure ReferenceShare(double share) =>
        share is < 0 or > 1 || !double.IsFinite(share) ? throw new ArgumentOutOfRangeException(nameof(share)) : new(0, 0, share, null);

    /// <summary>
    /// The estimated share of the participants' tenures lasting beyond <paramref name="months"/> months (12, 24 or 36)
    /// as of <paramref name="series"/>' last day (null beyond the longest observed time), published as a share and
    /// disclosed as the retention evaluation discloses it, across the quarter ends.
    /// </summary>
    public static ReturnMeasure Survival(RetentionSeries series, int months)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (months is not (12 or 24 or 36))
        {
            throw new ArgumentOutOfRangeException(nameof(months), months, "Survival is published at 12, 24 and 36 months.");
        }
        return new(0, 0, series.Last.All.Participants.SurvivalAtMonths(months), null, series, months);
    }

    /// <summary>
    /// The value as published under <paramref name="unit"/>: the count; the share rounded to 4 decimal places (halves
    /// away from zero), null for a share of nobody; the hours rounded to 2 decimal places.
    /// </summary>
    public double? Value(ReturnUnit unit) => unit switch
    {
        ReturnUnit.Count => Numerator,
        ReturnUnit.Share when Amount is { } given => Math.Round(given, 4, MidpointRounding.AwayFromZero),
        ReturnUnit.Share => Denominator == 0 ? null : (double)Math.Round((decimal)Numerator / Denominator, 4, MidpointRounding.AwayFromZero),
        _ => Amount is { } hours ? Math.Round(hours, 2, MidpointRounding.AwayFromZero) : null,
    };
}
