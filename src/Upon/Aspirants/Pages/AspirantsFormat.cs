using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Upon.Core;

namespace Upon.Aspirants.Pages;

/// <summary>How the Aspirant Directors pages write and read times (Europe/London) and scores.</summary>
public static class AspirantsFormat
{
    private static readonly LocalDateTimePattern Entry = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    public static string London(Instant? at) => at is { } a ? Entry.Format(a.InZone(Time.London).LocalDateTime) : "";

    public static Instant? ParseLondon(string? text) =>
        text is { Length: > 0 } && Entry.Parse(text.Trim()).TryGetValue(default, out var local) ? local.InZoneLeniently(Time.London).ToInstant() : null;

    public static string Score(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
