using System.Globalization;

namespace Upon.Impact;

/// <summary>How the page and the command line's table write the log-rank figures.</summary>
public static class RetentionFormat
{
    /// <summary>The chi-square to two decimal places, "-" when the test is undefined.</summary>
    public static string Statistic(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>A p-value to three decimal places, "&lt; 0.001" below that, "-" when the test is undefined.</summary>
    public static string PValue(double? value) => value switch
    {
        null => "-",
        < 0.001 => "< 0.001",
        { } v => v.ToString("0.000", CultureInfo.InvariantCulture),
    };
}
