using Upon.Core.Disclosure;

namespace Upon.Core.Register;

/// <summary>
/// A year's <see cref="TurnoverFigures"/> as they may be published under a <see cref="DisclosureRule"/>: each figure
/// is shown or suppressed (see <see cref="TurnoverDisclosure"/>). A figure that is not available (null in
/// <see cref="TurnoverFigures"/>) is shown as null.
/// </summary>
public sealed record DisclosedTurnoverFigures(
    string FinancialYear,
    Disclosed<int> LocalAuthorities,
    Disclosed<int> Changes,
    Disclosed<int> AuthoritiesWithChange,
    Disclosed<int> AuthoritiesWithUnplannedChange,
    Disclosed<double> UnplannedChangeRate,
    Disclosed<int> FirstTimeDirectors,
    Disclosed<double> InterimShareAtYearEnd,
    Disclosed<double?> MeanCompletedTenureMonths,
    Disclosed<double?> MedianTenureMonths,
    Disclosed<int?> ConsecutiveYearsRising)
{
    /// <summary>Whether the year is the current one, not yet over (<see cref="TurnoverFigures.ToDate"/>); never suppressed.</summary>
    public bool ToDate { get; init; }

    /// <summary>
    /// The names of the suppressed figures, as in <see cref="TurnoverFigures"/> (<c>nameof(TurnoverFigures.Changes)</c>
    /// ...), in the order of its fields.
    /// </summary>
    public IReadOnlyList<string> SuppressedFigures()
    {
        var names = new List<string>();
        void Add(bool suppressed, string name)
        {
            if (suppressed)
            {
                names.Add(name);
            }
        }
        Add(LocalAuthorities.IsSuppressed, nameof(TurnoverFigures.LocalAuthorities));
        Add(Changes.IsSuppressed, nameof(TurnoverFigures.Changes));
        Add(AuthoritiesWithChange.IsSuppressed, nameof(TurnoverFigures.AuthoritiesWithChange));
        Add(AuthoritiesWithUnplannedChange.IsSuppressed, nameof(TurnoverFigures.AuthoritiesWithUnplannedChange));
        Add(UnplannedChangeRate.IsSuppressed, nameof(TurnoverFigures.UnplannedChangeRate));
        Add(FirstTimeDirectors.IsSuppressed, nameof(TurnoverFigures.FirstTimeDirectors));
        Add(InterimShareAtYearEnd.IsSuppressed, nameof(TurnoverFigures.InterimShareAtYearEnd));
        Add(MeanCompletedTenureMonths.IsSuppressed, nameof(TurnoverFigures.MeanCompletedTenureMonths));
        Add(MedianTenureMonths.IsSuppressed, nameof(TurnoverFigures.MedianTenureMonths));
        Add(ConsecutiveYearsRising.IsSuppressed, nameof(TurnoverFigures.ConsecutiveYearsRising));
        return names;
    }
}
