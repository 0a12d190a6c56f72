using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using Upon.Core.Register;

namespace Upon.Core.Impact;

/// <summary>
/// The period a DfE contract return covers: a financial quarter (April to June is Q1, labelled <c>2026-27-Q2</c>) or a
/// whole financial year (<c>2026-27</c>).
/// </summary>
public readonly record struct ReturnPeriod : IComparable<ReturnPeriod>
{
    private ReturnPeriod(FinancialYear year, int quarter)
    {
        Year = year;
        Quarter = quarter;
    }

    /// <summary>The financial year the period falls in.</summary>
    public FinancialYear Year { get; }

    /// <summary>The quarter, 1 to 4; 0 for the whole year.</summary>
    public int Quarter { get; }

    /// <summary>Whether the period is a whole financial year.</summary>
    public bool IsYear => Quarter == 0;

    /// <summary>A quarter of a financial year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The quarter is not 1 to 4.</exception>
    public static ReturnPeriod OfQuarter(FinancialYear year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new(year, quarter);
    }

    /// <summary>A whole financial year.</summary>
    public static ReturnPeriod OfYear(FinancialYear year) => new(year, 0);

    /// <summary>The quarter containing <paramref name="date"/>.</summary>
    public static ReturnPeriod QuarterContaining(LocalDate date)
    {
        var year = FinancialYear.Containing(date);
        var months = ((date.Year - year.StartYear) * 12) + date.Month - 4;
        return new(year, (months / 3) + 1);
    }

    /// <summary>The first day of the period.</summary>
    public LocalDate FirstDay => IsYear ? Year.FirstDay : Year.FirstDay.PlusMonths((Quarter - 1) * 3);

    /// <summary>The last day of the period, inclusive.</summary>
    public LocalDate LastDay => IsYear ? Year.LastDay : FirstDay.PlusMonths(3).PlusDays(-1);

    /// <summary>Whether <paramref name="date"/> falls in the period (both ends included).</summary>
    public bool Contains(LocalDate date) => date >= FirstDay && date <= LastDay;

    /// <summary>Whether the period overlaps the days from <paramref name="from"/> to <paramref name="to"/> (null: still running).</summary>
    public bool Overlaps(LocalDate from, LocalDate? to) => from <= LastDay && (to is not { } end || end >= FirstDay);

    /// <summary>"2026-27-Q2" for a quarter, "2026-27" for a year.</summary>
    public string Label => IsYear ? Year.Label : string.Create(CultureInfo.InvariantCulture, $"{Year.Label}-Q{Quarter}");

    /// <summary>"Q2 2026-27 (July to September 2026)" or "2026-27 (April 2026 to March 2027)", for people.</summary>
    public string Name
    {
        get
        {
            var culture = CultureInfo.GetCultureInfo("en-GB");
            var first = FirstDay.ToString(IsYear ? "MMMM yyyy" : "MMMM", culture);
            var last = LastDay.ToString("MMMM yyyy", culture);
            return IsYear ? $"{Year.Label} ({first} to {last})" : $"Q{Quarter} {Year.Label} ({first} to {last})";
        }
    }

    /// <summary>The period before: the previous quarter (Q4 of the year before for Q1), or the previous year.</summary>
    public ReturnPeriod Previous() =>
        IsYear ? OfYear(Year.Previous()) : Quarter == 1 ? new(Year.Previous(), 4) : new(Year, Quarter - 1);

    /// <summary>The same period a year earlier: the same quarter of the year before, or the year before.</summary>
    public ReturnPeriod SamePeriodLastYear() => new(Year.Previous(), Quarter);

    /// <summary>The four quarters of the period's financial year.</summary>
    public IReadOnlyList<ReturnPeriod> QuartersOfYear()
    {
        var year = Year;
        return [.. Enumerable.Range(1, 4).Select(q => new ReturnPeriod(year, q))];
    }

    /// <summary>
    /// Parses <c>2026-27-Q2</c> (a quarter, Q1 to Q4) or <c>2026-27</c> (a year), exactly: no spaces, an upper-case Q,
    /// the year as <see cref="FinancialYear.TryParse"/> reads it.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReturnPeriod period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }
        if (text.Length == 7)
        {
            if (!FinancialYear.TryParse(text, out var whole))
            {
                return false;
            }
            period = OfYear(whole);
            return true;
        }
        if (text.Length != 10 || text[7] != '-' || text[8] != 'Q' || text[9] is < '1' or > '4' || !FinancialYear.TryParse(text[..7], out var year))
        {
            return false;
        }
        period = new(year, text[9] - '0');
        return true;
    }

    /// <summary>Parses a period (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static ReturnPeriod Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a return period: use a financial quarter such as 2026-27-Q2 (April to June is Q1) or a financial year such as 2026-27.");

    /// <summary>Orders periods by their first day, a year before its first quarter.</summary>
    public int CompareTo(ReturnPeriod other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Quarter.CompareTo(other.Quarter);

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(ReturnPeriod left, ReturnPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(ReturnPeriod left, ReturnPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> is <paramref name="right"/> or comes before it.</summary>
    public static bool operator <=(ReturnPeriod left, ReturnPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> is <paramref name="right"/> or comes after it.</summary>
    public static bool operator >=(ReturnPeriod left, ReturnPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>The <see cref="Label"/>.</summary>
    public override string ToString() => Label;
}
