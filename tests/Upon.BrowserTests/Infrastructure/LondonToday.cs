using NodaTime;
using NodaTime.Extensions;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>Today's date as the app sees it: in Europe/London, not UTC (they differ for an hour each night in summer).</summary>
public static class LondonToday
{
    public static LocalDate Date => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    /// <summary>Today in London in the ISO form the API and imports take (<c>2026-12-02</c>).</summary>
    public static string Iso => Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
