using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// A UK financial year: "2023-24" runs from 1 April 2023 to 31 March 2024, both days inclusive.
/// </summary>
/// <param name="StartYear">The calendar year in which the financial year begins (1 to 9998).</param>
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    /// <summary>The smallest supported start year.</summary>
    public const int MinStartYear = 1;

    /// <summary>The largest supported start year (its last day, 31 March 9999, is the last ISO date NodaTime supports).</summary>
    public const int MaxStartYear = 9998;

    /// <summary>The calendar year in which the financial year begins.</summary>
    public int StartYear { get; } = StartYear is >= MinStartYear and <= MaxStartYear
        ? StartYear
        : throw new ArgumentOutOfRangeException(
            nameof(StartYear), StartYear, $"A financial year must start between {MinStartYear} and {MaxStartYear}.");

    /// <summary>1 April of <see cref="StartYear"/>.</summary>
    public LocalDate FirstDay => new(StartYear, 4, 1);

    /// <summary>31 March of the year after <see cref="StartYear"/>.</summary>
    public LocalDate LastDay => new(StartYear + 1, 3, 31);

    /// <summary>The usual label, e.g. "2023-24", or "1999-00" for the year starting in 1999.</summary>
    public string Label => string.Create(
        CultureInfo.InvariantCulture, $"{StartYear:D4}-{(StartYear + 1) % 100:D2}");

    /// <summary>Whether <paramref name="date"/> falls within this financial year (first and last day included).</summary>
    public bool Contains(LocalDate date) => date >= FirstDay && date <= LastDay;

    /// <summary>The financial year that contains <paramref name="date"/>.</summary>
    public static FinancialYear Containing(LocalDate date) =>
        new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>
    /// Parses a label of exactly the form "2023-24": four digits, a hyphen, then the last two digits of the
    /// following year. No whitespace, other separators or four-digit end years are accepted.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out FinancialYear year)
    {
        year = default;
        if (text is not { Length: 7 } || text[4] != '-')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (i != 4 && !char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        var start = int.Parse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var endSuffix = int.Parse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (start is < MinStartYear or > MaxStartYear || endSuffix != (start + 1) % 100)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    /// <summary>Parses a label such as "2023-24" (see <see cref="TryParse"/>).</summary>
    /// <exception cref="FormatException">The text is not a financial year label.</exception>
    public static FinancialYear Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var year)
            ? year
            : throw new FormatException(
                $"'{text}' is not a financial year. Expected the start year, a hyphen and the last two digits " +
                "of the following year, for example 2023-24.");
    }

    /// <summary>The financial year after this one.</summary>
    public FinancialYear Next() => new(StartYear + 1);

    /// <summary>The financial year before this one.</summary>
    public FinancialYear Previous() => new(StartYear - 1);

    /// <summary>Orders financial years chronologically.</summary>
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Whether <paramref name="left"/> is earlier than <paramref name="right"/>.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;

    /// <summary>Whether <paramref name="left"/> is later than <paramref name="right"/>.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;

    /// <summary>Whether <paramref name="left"/> is the same as or earlier than <paramref name="right"/>.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;

    /// <summary>Whether <paramref name="left"/> is the same as or later than <paramref name="right"/>.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;

    /// <summary>The <see cref="Label"/>, e.g. "2023-24".</summary>
    public override string ToString() => Label;
}
