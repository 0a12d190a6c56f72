namespace Upon.Core.Register;

/// <summary>
/// The DCS turnover figures for one financial year, as published to the DfE. Rates and shares are rounded to
/// 4 decimal places and months to 2 decimal places, both with <see cref="MidpointRounding.AwayFromZero"/>.
/// A month is <see cref="TurnoverCalculator.DaysPerMonth"/> days.
/// </summary>
/// <param name="FinancialYear">The year's label, e.g. "2023-24".</param>
/// <param name="LocalAuthorities">Authorities in operation on the year's last day (31 March).</param>
/// <param name="Changes">
/// Appointments starting in the year whose authority's previous appointment (the latest one starting before it
/// in that authority) is held by a different person. An authority's first recorded appointment is not a change;
/// interims count; an interim made permanent is the same person and so not a change.
/// </param>
/// <param name="AuthoritiesWithChange">Distinct authorities with at least one change in the year.</param>
/// <param name="AuthoritiesWithUnplannedChange">Distinct authorities in which an appointment marked unplanned ended in the year.</param>
/// <param name="UnplannedChangeRate">
/// <paramref name="AuthoritiesWithUnplannedChange"/> / <paramref name="LocalAuthorities"/> (0 when there are no
/// authorities), rounded to 4 decimal places.
/// </param>
/// <param name="FirstTimeDirectors">
/// Appointments starting in the year whose person has no earlier-starting appointment anywhere in the register.
/// Appointments are counted, not people: someone starting two shared posts on the same first day counts twice.
/// </param>
/// <param name="InterimShareAtYearEnd">
/// The share of <paramref name="LocalAuthorities"/> whose postholder on the year's last day is interim or acting
/// (a vacancy is not interim), rounded to 4 decimal places; 0 when there are no authorities.
/// </param>
/// <param name="MeanCompletedTenureMonths">
/// The mean length, in months rounded to 2 decimal places, of the tenures that ended in the year; null if none did.
/// This is biased low as a measure of typical tenure, because the longest tenures are still running.
/// </param>
/// <param name="MedianTenureMonths">
/// The Kaplan-Meier median length, in months rounded to 2 decimal places, of all tenures that started on or before
/// the year's last day, those still running then being censored at that day. Unlike the mean of completed
/// tenures it is not biased low by long tenures that are still running. Null if the estimated survival never
/// falls to one half.
/// </param>
/// <param name="ConsecutiveYearsRising">
/// How many years in a row, ending with this one, <paramref name="Changes"/> rose over the year before: 0 if it
/// did not rise this year; null for the first year of data (and any earlier year).
/// </param>
public sealed record TurnoverFigures(
    string FinancialYear,
    int LocalAuthorities,
    int Changes,
    int AuthoritiesWithChange,
    int AuthoritiesWithUnplannedChange,
    double UnplannedChangeRate,
    int FirstTimeDirectors,
    double InterimShareAtYearEnd,
    double? MeanCompletedTenureMonths,
    double? MedianTenureMonths,
    int? ConsecutiveYearsRising)
{
    /// <summary>
    /// Whether this is the current financial year, not yet over: its figures are to date and may still change. Pages and
    /// the command line's table mark it "(to date)"; JSON and CSV carry it as <c>toDate</c>.
    /// </summary>
    public bool ToDate { get; init; }
}
