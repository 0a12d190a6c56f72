using System.Globalization;
using NodaTime;

namespace Upon.Aspirants.Pages;

/// <summary>How the Aspirant Directors pages write times (Europe/London) and scores.</summary>
public static class AspirantsFormat
{
    /// <summary>"6 January 2027 at 09:00" in London, as the applicants' pages write it; empty for none.</summary>
    public static string London(Instant? at) => at is { } a ? Apply.ApplyEmails.Format(a) : "";

    public static string Score(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
