using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>
/// A date and time as Teams and Zoom write them, which depends on the organiser's locale:
/// <c>11/22/24, 2:01:05 PM</c>, <c>22/11/2024, 14:01:05</c>, <c>06/16/2026 03:10:26 PM</c>, <c>22.11.2024 14:01</c>,
/// <c>2024-11-22 14:01:05</c>. No time zone is written; the time is the organiser's wall-clock time.
/// </summary>
internal sealed partial record ReportTimestamp(int First, int Second, int Year, int Hour, int Minute, int SecondOfMinute, ReportTimestamp.Order DateOrder, bool TwelveHour)
{
    /// <summary>How the two leading numbers of the date are to be read.</summary>
    public enum Order
    {
        /// <summary>Slashes: month-first (US) or day-first (UK) cannot be told from one value.</summary>
        Ambiguous,
        DayFirst,
        MonthFirst,
    }

    [GeneratedRegex(@"^(?<a>\d{1,4})(?<sep>[/.\-])(?<b>\d{1,2})\k<sep>(?<c>\d{1,4})(?:\s*,\s*|\s+|T)(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.\d+)?)?(?:\s*(?<ampm>[AaPp])\.?[Mm]\.?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    /// <summary>Reads the shape of a timestamp; null when it is not one.</summary>
    public static ReportTimestamp? TryRead(string text)
    {
        var normalised = text.Replace('\u202f', ' ').Replace('\u00a0', ' ').Trim();
        var match = Shape().Match(normalised);
        if (!match.Success)
        {
            return null;
        }
        int Number(string group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var a = match.Groups["a"].Value;
        var c = match.Groups["c"].Value;
        var hour = Number("h");
        var minute = Number("m");
        var second = match.Groups["s"].Success ? Number("s") : 0;
        var twelveHour = match.Groups["ampm"].Success;
        if (twelveHour)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            var pm = match.Groups["ampm"].Value is "P" or "p";
            hour = (hour % 12) + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        if (a.Length == 4)
        {
            // 2024-11-22: year first, then month and day.
            return c.Length > 2 ? null : new ReportTimestamp(Number("b"), Number("c"), Number("a"), hour, minute, second, Order.MonthFirst, twelveHour);
        }
        if (a.Length > 2 || c.Length is not (2 or 4))
        {
            return null;
        }
        var year = c.Length == 2 ? 2000 + Number("c") : Number("c");
        var order = match.Groups["sep"].Value == "/" ? Order.Ambiguous : Order.DayFirst;
        return new ReportTimestamp(Number("a"), Number("b"), year, hour, minute, second, order, twelveHour);
    }

    /// <summary>The date and time when the date is read month-first (or day-first); null if that reading is not a date.</summary>
    public LocalDateTime? Read(bool monthFirst)
    {
        var (month, day) = DateOrder switch
        {
            Order.MonthFirst => (First, Second),
            Order.DayFirst => (Second, First),
            _ => monthFirst ? (First, Second) : (Second, First),
        };
        if (Year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(Year, month))
        {
            return null;
        }
        return new LocalDateTime(Year, month, day, Hour, Minute, SecondOfMinute);
    }
}

/// <summary>Durations as Teams writes them: <c>1h 52m 3s</c>, <c>58m 10s</c>, <c>45s</c>, <c>3h</c>, or <c>1:52:03</c>.</summary>
internal static partial class ReportDuration
{
    [GeneratedRegex(@"^(?:(?<h>\d{1,5})\s*h(?:rs?|ours?)?)?\s*(?:(?<m>\d{1,6})\s*m(?:ins?|inutes?)?)?\s*(?:(?<s>\d{1,7})\s*s(?:ecs?|econds?)?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Units();

    [GeneratedRegex(@"^(?:(?<h>\d{1,5}):)?(?<m>\d{1,2}):(?<s>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();

    /// <summary>The duration in seconds, or null when the text is not a duration.</summary>
    public static long? TryReadSeconds(string text)
    {
        var trimmed = text.Trim();
        var match = Units().Match(trimmed);
        if (!match.Success || !(match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
        {
            match = Clock().Match(trimmed);
            if (!match.Success)
            {
                return null;
            }
        }
        long Part(string name) => match.Groups[name].Success ? long.Parse(match.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        return Part("h") * 3600 + Part("m") * 60 + Part("s");
    }

    /// <summary>Seconds to whole minutes, to the nearest minute, halves up.</summary>
    public static int ToMinutes(long seconds) => checked((int)((seconds + 30) / 60));
}
