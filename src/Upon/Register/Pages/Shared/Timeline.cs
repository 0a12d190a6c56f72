using NodaTime;
using Upon.Core.Register;

namespace Upon.Register.Pages.Shared;

/// <summary>
/// One item of a timeline: an appointment, or (with no appointment) a vacancy. <see cref="End"/> is the last day,
/// inclusive, or null while it lasts.
/// </summary>
public sealed record TimelineItem(Appointment? Appointment, LocalDate Start, LocalDate? End)
{
    /// <summary>The length in years and months, counting an open item to <paramref name="today"/>.</summary>
    public string Length(LocalDate today) =>
        RegisterFormat.YearsAndMonths(Start, End ?? today) + (End is null && Start <= today ? " so far" : "");

    /// <summary>The length in days, both ends inclusive, counting an open item to <paramref name="today"/>.</summary>
    public int Days(LocalDate today) => Period.DaysBetween(Start, End ?? today) + 1;
}

/// <summary>Builds the timelines of the authority and person pages.</summary>
public static class Timeline
{
    /// <summary>
    /// An authority's appointments, newest first, with a vacancy wherever no one was in post between two appointments, and
    /// after the last one if it ended before today (or before the authority ceased).
    /// </summary>
    public static IReadOnlyList<TimelineItem> ForAuthority(Authority authority, LocalDate today)
    {
        var items = new List<TimelineItem>();
        LocalDate? coveredTo = null;
        var open = false;
        foreach (var appointment in authority.Appointments.OrderBy(a => a.StartDate).ThenBy(a => a.Id))
        {
            if (!open && coveredTo is { } covered && appointment.StartDate > covered.PlusDays(1))
            {
                items.Add(new TimelineItem(null, covered.PlusDays(1), appointment.StartDate.PlusDays(-1)));
            }
            items.Add(new TimelineItem(appointment, appointment.StartDate, appointment.EndDate));
            if (appointment.EndDate is not { } end)
            {
                open = true;
            }
            else if (coveredTo is null || end > coveredTo)
            {
                coveredTo = end;
            }
        }
        if (!open && coveredTo is { } last)
        {
            var ceased = authority.OperatingTo is { } to && to < today ? to : (LocalDate?)null;
            var limit = ceased ?? today;
            if (last < limit)
            {
                items.Add(new TimelineItem(null, last.PlusDays(1), ceased));
            }
        }
        items.Reverse();
        return items;
    }

    /// <summary>A person's appointments across authorities, oldest first.</summary>
    public static IReadOnlyList<TimelineItem> ForPerson(Person person) =>
        [.. person.Appointments.OrderBy(a => a.StartDate).ThenBy(a => a.AuthorityCode, StringComparer.Ordinal)
            .Select(a => new TimelineItem(a, a.StartDate, a.EndDate))];

    /// <summary>
    /// The total time in post up to <paramref name="today"/>, in months, counting days held in two authorities at once
    /// only once and each 30 spare days as a month.
    /// </summary>
    public static int TotalMonths(IEnumerable<Appointment> appointments, LocalDate today)
    {
        var spans = appointments
            .Where(a => a.StartDate <= today)
            .Select(a => (Start: a.StartDate, End: a.EndDate is { } e && e < today ? e : today))
            .OrderBy(s => s.Start)
            .ToList();
        var merged = new List<(LocalDate Start, LocalDate End)>();
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End.PlusDays(1))
            {
                if (span.End > merged[^1].End)
                {
                    merged[^1] = (merged[^1].Start, span.End);
                }
            }
            else
            {
                merged.Add(span);
            }
        }
        long months = 0, days = 0;
        foreach (var (start, end) in merged)
        {
            var period = Period.Between(start, end.PlusDays(1), PeriodUnits.Years | PeriodUnits.Months | PeriodUnits.Days);
            months += period.Years * 12 + period.Months;
            days += period.Days;
        }
        return (int)(months + days / 30);
    }

    /// <summary>"Left: retired" and so on, for an ended appointment.</summary>
    public static string? Leaving(Appointment appointment) =>
        appointment.LeavingReason is { } reason ? $"Left: {reason.ToLabel()}" : null;
}

/// <summary>What the timeline partial shows: on an authority's page each item names the person, on a person's page the authority.</summary>
public sealed record TimelineView(IReadOnlyList<TimelineItem> Items, LocalDate Today, bool NameAuthority);
