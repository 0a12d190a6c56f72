using System.Globalization;

namespace Upon.Shared.Text;

/// <summary>Numbers, counts and dates as pages show them.</summary>
public static class TextFormat
{
    /// <summary>"1,234".</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 person", "2 people".</summary>
    public static string Count(int value, string singular, string plural) => $"{Number(value)} {(value == 1 ? singular : plural)}";

    /// <summary>"5 July 2026", as GOV.UK writes dates.</summary>
    public static string Date(NodaTime.LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
