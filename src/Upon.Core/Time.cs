using NodaTime;

namespace Upon.Core;

/// <summary>The programme's time zone. Every local date and time in Upon is in Europe/London.</summary>
public static class Time
{
    /// <summary>The Europe/London zone from the time zone database, with its GMT/BST changes.</summary>
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Today's date in London.</summary>
    public static LocalDate TodayInLondon(this IClock clock) => clock.GetCurrentInstant().InZone(London).Date;

    /// <summary>The date as ISO 8601 (<c>2023-04-01</c>), the form used in files, the API and messages about them.</summary>
    public static string ToIsoString(this LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
