using System.Globalization;
using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>The dates a <see cref="RecurrenceRule"/> gives between two dates, for creating sessions in bulk.</summary>
public static class SessionRecurrence
{
    /// <summary>The most dates one run may create.</summary>
    public const int MaxDates = 200;

    /// <summary>The longest range one run may cover, in years.</summary>
    public const int MaxYears = 3;

    /// <summary>
    /// The dates from <paramref name="from"/> to <paramref name="to"/>, both inclusive, in order.
    /// </summary>
    /// <remarks>
    /// <para>Weekly: the first date is the first <see cref="RecurrenceRule.Day"/> on or after <paramref name="from"/>,
    /// then every <see cref="RecurrenceRule.Weekly.Interval"/> weeks.</para>
    /// <para>Monthly: in each month of the range, the nth such weekday (the last one for -1), when it falls in the
    /// range.</para>
    /// <para>Throws <see cref="ArgumentException"/> when <paramref name="to"/> is before <paramref name="from"/>, when
    /// the range is longer than <see cref="MaxYears"/> years, or when it would give more than
    /// <see cref="MaxDates"/> dates.</para>
    /// </remarks>
    public static IReadOnlyList<LocalDate> Dates(RecurrenceRule rule, LocalDate from, LocalDate to)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (to < from)
        {
            throw new ArgumentException($"The last date ({to.ToIsoString()}) is before the first date ({from.ToIsoString()}).", nameof(to));
        }
        if (to > from.PlusYears(MaxYears))
        {
            throw new ArgumentException(
                $"The dates span more than {MaxYears} years ({from.ToIsoString()} to {to.ToIsoString()}). Create them in shorter runs.", nameof(to));
        }

        var dates = rule switch
        {
            RecurrenceRule.Weekly weekly => WeeklyDates(weekly, from, to),
            RecurrenceRule.Monthly monthly => MonthlyDates(monthly, from, to),
            _ => throw new ArgumentException($"Unknown kind of rule: {rule.GetType().Name}.", nameof(rule)),
        };
        if (dates.Count > MaxDates)
        {
            throw new ArgumentException(
                $"{Describe(rule)} from {from.ToIsoString()} to {to.ToIsoString()} gives {dates.Count} dates; at most {MaxDates} can be created at once.", nameof(rule));
        }
        return dates;
    }

    /// <summary>The rule in words: "every week on Friday", "every 4 weeks on Friday", "the last Friday of each month".</summary>
    public static string Describe(RecurrenceRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var day = DayName(rule.Day);
        return rule switch
        {
            RecurrenceRule.Weekly { Interval: 1 } => $"every week on {day}",
            RecurrenceRule.Weekly weekly => string.Create(CultureInfo.InvariantCulture, $"every {weekly.Interval} weeks on {day}"),
            RecurrenceRule.Monthly monthly => $"the {OrdinalName(monthly.Ordinal)} {day} of each month",
            _ => throw new ArgumentException($"Unknown kind of rule: {rule.GetType().Name}.", nameof(rule)),
        };
    }

    /// <summary>The date of the nth <paramref name="day"/> of the month (-1 for the last).</summary>
    public static LocalDate NthWeekdayOfMonth(YearMonth month, int ordinal, IsoDayOfWeek day)
    {
        if (ordinal == RecurrenceRule.Monthly.Last)
        {
            return month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)).With(DateAdjusters.PreviousOrSame(day));
        }
        if (ordinal is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, "Use 1 to 4, or -1 for the last.");
        }
        return month.OnDayOfMonth(1).With(DateAdjusters.NextOrSame(day)).PlusWeeks(ordinal - 1);
    }

    private static List<LocalDate> WeeklyDates(RecurrenceRule.Weekly rule, LocalDate from, LocalDate to)
    {
        var dates = new List<LocalDate>();
        for (var date = from.With(DateAdjusters.NextOrSame(rule.Day)); date <= to; date = date.PlusWeeks(rule.Interval))
        {
            dates.Add(date);
        }
        return dates;
    }

    private static List<LocalDate> MonthlyDates(RecurrenceRule.Monthly rule, LocalDate from, LocalDate to)
    {
        var dates = new List<LocalDate>();
        for (var month = from.ToYearMonth(); month <= to.ToYearMonth(); month = month.PlusMonths(1))
        {
            var date = NthWeekdayOfMonth(month, rule.Ordinal, rule.Day);
            if (date >= from && date <= to)
            {
                dates.Add(date);
            }
        }
        return dates;
    }

    private static string DayName(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "Monday",
        IsoDayOfWeek.Tuesday => "Tuesday",
        IsoDayOfWeek.Wednesday => "Wednesday",
        IsoDayOfWeek.Thursday => "Thursday",
        IsoDayOfWeek.Friday => "Friday",
        IsoDayOfWeek.Saturday => "Saturday",
        IsoDayOfWeek.Sunday => "Sunday",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week."),
    };

    private static string OrdinalName(int ordinal) => ordinal switch
    {
        1 => "first",
        2 => "second",
        3 => "third",
        4 => "fourth",
        RecurrenceRule.Monthly.Last => "last",
        _ => throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, "Use 1 to 4, or -1 for the last."),
    };
}
