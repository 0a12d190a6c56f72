using System.Globalization;
using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>
/// How a series of sessions repeats: every <c>n</c> weeks on a weekday ("every 4 weeks on Friday"), or on the first,
/// second, third, fourth or last weekday of each month ("the last Friday of each month").
/// </summary>
public sealed record RecurrenceRule
{
    private RecurrenceRule(int intervalWeeks, int ordinal, IsoDayOfWeek day)
    {
        IntervalWeeks = intervalWeeks;
        Ordinal = ordinal;
        Day = day;
    }

    /// <summary>Weeks between sessions for a weekly rule; 0 for a monthly rule.</summary>
    public int IntervalWeeks { get; }

    /// <summary>1 to 4, or -1 for the last, for a monthly rule; 0 for a weekly rule.</summary>
    public int Ordinal { get; }

    public IsoDayOfWeek Day { get; }

    /// <summary>Every <paramref name="interval"/> weeks (1 to 52) on <paramref name="day"/>, from the first such day on or after the start.</summary>
    public static RecurrenceRule EveryWeeks(int interval, IsoDayOfWeek day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(interval, 52);
        return new RecurrenceRule(interval, 0, CheckDay(day));
    }

    /// <summary>The <paramref name="ordinal"/>th (1 to 4, or -1 for the last) <paramref name="day"/> of each month.</summary>
    public static RecurrenceRule MonthlyOn(int ordinal, IsoDayOfWeek day)
    {
        if (ordinal is not (1 or 2 or 3 or 4 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, "The ordinal must be 1, 2, 3, 4 or -1 (the last).");
        }
        return new RecurrenceRule(0, ordinal, CheckDay(day));
    }

    private static IsoDayOfWeek CheckDay(IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday ? day : throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");
}

/// <summary>The dates a <see cref="RecurrenceRule"/> gives between two dates, and the rule in words.</summary>
public static class SessionRecurrence
{
    /// <summary>
    /// Every date the rule gives from <paramref name="from"/> to <paramref name="to"/>, both inclusive, in order. Empty when
    /// <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public static IReadOnlyList<LocalDate> Dates(RecurrenceRule rule, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var dates = new List<LocalDate>();
        if (to < from)
        {
            return dates;
        }
        if (rule.IntervalWeeks > 0)
        {
            for (var date = from.With(DateAdjusters.NextOrSame(rule.Day)); date <= to; date = date.PlusWeeks(rule.IntervalWeeks))
            {
                dates.Add(date);
            }
            return dates;
        }
        var occurrence = rule.Ordinal == -1 ? 5 : rule.Ordinal;
        for (var month = new YearMonth(from.Year, from.Month); month.OnDayOfMonth(1) <= to; month = month.PlusMonths(1))
        {
            var date = LocalDate.FromYearMonthWeekAndDay(month.Year, month.Month, occurrence, rule.Day);
            if (date >= from && date <= to)
            {
                dates.Add(date);
            }
        }
        return dates;
    }

    /// <summary>"Every week on Friday", "Every 4 weeks on Friday", "The last Friday of each month".</summary>
    public static string Describe(RecurrenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var day = rule.Day.ToString();
        if (rule.IntervalWeeks > 0)
        {
            return rule.IntervalWeeks == 1
                ? $"Every week on {day}"
                : string.Create(CultureInfo.InvariantCulture, $"Every {rule.IntervalWeeks} weeks on {day}");
        }
        var ordinal = rule.Ordinal switch
        {
            1 => "first",
            2 => "second",
            3 => "third",
            4 => "fourth",
            _ => "last",
        };
        return $"The {ordinal} {day} of each month";
    }
}
