using System.Globalization;

namespace Upon.Core;

/// <summary>
/// The one way figures are written for people (pages and the command line's table): a rate or share as a percentage
/// with one decimal place ("12.5%", "0.0%", "100.0%"), a mean or median with one decimal place ("14.3"), both rounded
/// half away from zero. CSV and JSON carry the unrounded published values (rates as fractions to 4 decimal places).
/// </summary>
public static class FigureFormat
{
    /// <summary>A rate or share (0.125) as a percentage with one decimal place: "12.5%".</summary>
    public static string Percent(double rate) =>
        Math.Round((decimal)rate * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A mean or median (14.25) with one decimal place: "14.3".</summary>
    public static string Average(double value) =>
        Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero).ToString("#,##0.0", CultureInfo.InvariantCulture);

    /// <summary>A financial year's label as people read it: "2026-27 (to date)" for the year not yet over.</summary>
    public static string Year(string label, bool toDate) => toDate ? $"{label} (to date)" : label;

    /// <summary>A published value as CSV writes it, the same text as the JSON number: invariant, shortest round-trip.</summary>
    public static string Data(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
