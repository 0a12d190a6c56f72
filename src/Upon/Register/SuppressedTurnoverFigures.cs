using System.Text.Json;
using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Register;

/// <summary>
/// A year's turnover figures as the API gives them to the funder: the fields of <see cref="TurnoverFigures"/>, with each
/// suppressed figure null and its field name in <see cref="Suppressed"/>. A null whose name is not in the list is a
/// figure that is not available, as in <see cref="TurnoverFigures"/>.
/// </summary>
public sealed record SuppressedTurnoverFigures(
    string FinancialYear,
    int? LocalAuthorities,
    int? Changes,
    int? AuthoritiesWithChange,
    int? AuthoritiesWithUnplannedChange,
    double? UnplannedChangeRate,
    int? FirstTimeDirectors,
    double? InterimShareAtYearEnd,
    double? MeanCompletedTenureMonths,
    double? MedianTenureMonths,
    int? ConsecutiveYearsRising,
    // Last, after toDate: the funder's shape is the exact one with this list added at the end.
    [property: System.Text.Json.Serialization.JsonPropertyOrder(1)] IReadOnlyList<string> Suppressed)
{
    /// <summary>Whether the year is the current one, not yet over: its figures are to date (<see cref="TurnoverFigures.ToDate"/>).</summary>
    public bool ToDate { get; init; }

    public static SuppressedTurnoverFigures From(DisclosedTurnoverFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new(
            figures.FinancialYear,
            Value(figures.LocalAuthorities),
            Value(figures.Changes),
            Value(figures.AuthoritiesWithChange),
            Value(figures.AuthoritiesWithUnplannedChange),
            Value(figures.UnplannedChangeRate),
            Value(figures.FirstTimeDirectors),
            Value(figures.InterimShareAtYearEnd),
            Value(figures.MeanCompletedTenureMonths),
            Value(figures.MedianTenureMonths),
            Value(figures.ConsecutiveYearsRising),
            [.. figures.SuppressedFigures().Select(JsonNamingPolicy.CamelCase.ConvertName)]) { ToDate = figures.ToDate };
    }

    private static T? Value<T>(Disclosed<T> figure) where T : struct => figure.TryGetValue(out var value) ? value : null;

    private static T? Value<T>(Disclosed<T?> figure) where T : struct => figure.TryGetValue(out var value) ? value : null;
}
