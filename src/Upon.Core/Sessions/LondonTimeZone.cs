using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;
using NodaTime.TimeZones;
using NodaTime.Utility;

namespace Upon.Core.Sessions;

/// <summary>
/// The VTIMEZONE for Europe/London, built from NodaTime's time zone database for a range of years.
/// </summary>
/// <remarks>
/// <para>Ical.Net's <c>VTimeZone.FromDateTimeZone</c> reads the system clock (it looks at transitions up to now) and
/// throws when the earliest date to support is more than a year ahead, which a feed of next year's sessions is. This
/// builds the same kind of component from the entries' years alone, so the same entries always give the same text.</para>
/// <para>It takes the transitions from 1 January of the year before the first entry (so the offset in force at the
/// first entry is defined) to the end of the year after the last. Each kind of transition (to BST, to GMT) becomes one
/// observance. When every transition of a kind falls on the same weekday of the same week of the same month at the
/// same wall time, as London's have since 1996 (last Sunday of March and of October), the observance is a yearly
/// RRULE starting at the first; otherwise it lists each transition as an RDATE.</para>
/// </remarks>
internal static class LondonTimeZone
{
    public static VTimeZone Build(int firstYear, int lastYear)
    {
        var zone = Time.London;
        var start = new LocalDate(firstYear - 1, 1, 1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var end = new LocalDate(lastYear + 2, 1, 1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var intervals = zone.GetZoneIntervals(start, end).ToList();

        var timeZone = new VTimeZone(zone.Id);
        var transitions = intervals.Zip(intervals.Skip(1), (before, after) => new Transition(before, after)).ToList();
        if (transitions.Count == 0)
        {
            var only = intervals[0];
            timeZone.AddChild(Observance(only.Savings != Offset.Zero, only.Name, only.WallOffset, only.WallOffset,
                start.WithOffset(only.WallOffset).LocalDateTime, []));
            return timeZone;
        }

        foreach (var kind in transitions
            .GroupBy(t => (t.IsDaylight, t.After.Name, From: t.Before.WallOffset, To: t.After.WallOffset))
            .OrderBy(g => g.Key.IsDaylight))
        {
            var onsets = kind.Select(t => t.LocalOnset).OrderBy(t => t).ToList();
            var rule = YearlyRule(onsets);
            var observance = Observance(kind.Key.IsDaylight, kind.Key.Name, kind.Key.From, kind.Key.To, onsets[0], rule is null ? onsets.Skip(1) : []);
            if (rule is not null)
            {
                observance.RecurrenceRule = rule;
            }
            timeZone.AddChild(observance);
        }
        return timeZone;
    }

    private static VTimeZoneInfo Observance(bool daylight, string name, Offset from, Offset to, LocalDateTime firstOnset, IEnumerable<LocalDateTime> laterOnsets)
    {
        var observance = new VTimeZoneInfo
        {
            Name = daylight ? Components.Daylight : Components.Standard,
            TimeZoneName = name,
            OffsetFrom = new UtcOffset(from.ToTimeSpan()),
            OffsetTo = new UtcOffset(to.ToTimeSpan()),
            DtStart = Floating(firstOnset),
        };
        foreach (var onset in laterOnsets)
        {
            observance.RecurrenceDates.Add(Floating(onset));
        }
        return observance;
    }

    /// <summary>A yearly rule that gives exactly these onsets, one a year with no gaps, or null if there is none.</summary>
    private static RecurrencePattern? YearlyRule(List<LocalDateTime> onsets)
    {
        var first = onsets[0];
        var isLast = IsLastOfMonth(first.Date);
        var week = (first.Day - 1) / 7 + 1;
        for (var i = 0; i < onsets.Count; i++)
        {
            var onset = onsets[i];
            var sameShape = onset.Year == first.Year + i
                && onset.Month == first.Month
                && onset.DayOfWeek == first.DayOfWeek
                && onset.TimeOfDay == first.TimeOfDay
                && (isLast ? IsLastOfMonth(onset.Date) : (onset.Day - 1) / 7 + 1 == week);
            if (!sameShape)
            {
                return null;
            }
        }
        var rule = new RecurrencePattern(FrequencyType.Yearly);
        rule.ByMonth.Add(first.Month);
        rule.ByDay.Add(new WeekDay(BclConversions.ToDayOfWeek(first.DayOfWeek), isLast ? -1 : week));
        return rule;
    }

    private static bool IsLastOfMonth(LocalDate date) => date.PlusWeeks(1).Month != date.Month;

    private static CalDateTime Floating(LocalDateTime local) =>
        new(new DateOnly(local.Year, local.Month, local.Day), new TimeOnly(local.Hour, local.Minute, local.Second), null);

    /// <summary>One change of offset; <see cref="LocalOnset"/> is the wall time just before it, as VTIMEZONE's DTSTART wants.</summary>
    private sealed record Transition(ZoneInterval Before, ZoneInterval After)
    {
        public bool IsDaylight => After.Savings != Offset.Zero;

        public LocalDateTime LocalOnset => After.Start.WithOffset(Before.WallOffset).LocalDateTime;
    }
}
