using System.Globalization;
using System.Text.RegularExpressions;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>
/// A number as a page shows it ("62", "1,204", "8.5%", "39.8 months"): its value (a percentage as a fraction, so
/// "8.5%" is 0.085) and how precisely it is shown, so that it can be compared with the unrounded figure it displays.
/// </summary>
public readonly partial record struct DisplayedNumber(double Value, double Precision)
{
    [GeneratedRegex(@"(?<![\d.])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<decimals>\d+))?(?<percent>\s*%)?")]
    private static partial Regex NumberPattern();

    /// <summary>The numbers in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<DisplayedNumber> FindAll(string text) =>
        [.. NumberPattern().Matches(text.Replace('\u2212', '-')).Select(m =>
        {
            var number = m.Value.TrimEnd('%', ' ', '\u00a0').Replace(",", "", StringComparison.Ordinal);
            var value = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
            var decimals = m.Groups["decimals"].Length;
            var precision = 0.5 * Math.Pow(10, -decimals);
            return m.Groups["percent"].Success ? new DisplayedNumber(value / 100, precision / 100) : new DisplayedNumber(value, precision);
        })];

    /// <summary>Whether this could be <paramref name="exact"/> rounded for display.</summary>
    public bool Shows(double exact) => Math.Abs(Value - exact) <= Precision + 1e-9;

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
