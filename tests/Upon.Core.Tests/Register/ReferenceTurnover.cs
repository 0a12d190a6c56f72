using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

/// <summary>
/// A deliberately naive, scan-everything reading of the published definitions, to check the indexed calculator
/// against. Where several appointments are candidates (the previous appointment, or the postholder), the one
/// latest by start, then end (open last), then person is taken.
/// </summary>
internal static class ReferenceTurnover
{
    public static TurnoverFigures ForYear(
        FinancialYear year, IReadOnlyList<AuthorityFact> authorities, IReadOnlyList<AppointmentFact> appointments)
    {
        var last = year.LastDay;
        var inOperation = authorities.Where(a => a.Period.Contains(last)).ToList();

        var changes = appointments.Where(a => year.Contains(a.Start) && IsChange(a, appointments)).ToList();
        var unplanned = appointments
            .Where(a => a.Unplanned == true && a.End is { } end && year.Contains(end))
            .Select(a => a.AuthorityCode).Distinct().Count();
        var firstTime = appointments.Count(a =>
            year.Contains(a.Start) && !appointments.Any(b => b.PersonId == a.PersonId && b.Start < a.Start));
        var interim = inOperation.Count(authority =>
            appointments
                .Where(a => a.AuthorityCode == authority.Code && a.IsInPostOn(last))
                .OrderBy(a => a, Comparer<AppointmentFact>.Create((x, y) => Order(x, y)))
                .LastOrDefault() is { IsInterimOrActing: true });

        var tenures = Tenures.Build(appointments);
        var completed = tenures.Where(t => t.End is { } end && year.Contains(end)).Select(t => t.LengthInDays(t.End!.Value)).ToList();
        var median = Median(tenures.Where(t => t.Start <= last)
            .Select(t => (Days: t.LengthInDays(last), Ended: t.End is { } end && end <= last)).ToList());

        return new TurnoverFigures(
            year.Label,
            inOperation.Count,
            changes.Count,
            changes.Select(a => a.AuthorityCode).Distinct().Count(),
            unplanned,
            inOperation.Count == 0 ? 0 : Math.Round((double)unplanned / inOperation.Count, 4, MidpointRounding.AwayFromZero),
            firstTime,
            inOperation.Count == 0 ? 0 : Math.Round((double)interim / inOperation.Count, 4, MidpointRounding.AwayFromZero),
            completed.Count == 0 ? null : Math.Round(completed.Average() / 30.4375, 2, MidpointRounding.AwayFromZero),
            median is null ? null : Math.Round(median.Value / 30.4375, 2, MidpointRounding.AwayFromZero),
            Rising(year, appointments));
    }

    private static bool IsChange(AppointmentFact appointment, IReadOnlyList<AppointmentFact> appointments)
    {
        var previous = appointments
            .Where(a => a.AuthorityCode == appointment.AuthorityCode && a.Start < appointment.Start)
            .OrderBy(a => a, Comparer<AppointmentFact>.Create((x, y) => Order(x, y)))
            .LastOrDefault();
        return previous is not null && previous.PersonId != appointment.PersonId;
    }

    private static int Order(AppointmentFact x, AppointmentFact y)
    {
        var byStart = x.Start.CompareTo(y.Start);
        if (byStart != 0)
        {
            return byStart;
        }
        var byEnd = (x.End ?? LocalDate.MaxIsoValue).CompareTo(y.End ?? LocalDate.MaxIsoValue);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(x.PersonId, y.PersonId);
    }

    /// <summary>Textbook product-limit estimate: at each event time t, S *= 1 - d(t) / n(t), n(t) = durations >= t.</summary>
    private static int? Median(List<(int Days, bool Ended)> observations)
    {
        var survival = 1.0;
        foreach (var time in observations.Where(o => o.Ended).Select(o => o.Days).Distinct().Order())
        {
            var atRisk = observations.Count(o => o.Days >= time);
            var events = observations.Count(o => o.Ended && o.Days == time);
            survival *= 1 - ((double)events / atRisk);
            if (survival <= 0.5 + 1e-10)
            {
                return time;
            }
        }
        return null;
    }

    private static int? Rising(FinancialYear year, IReadOnlyList<AppointmentFact> appointments)
    {
        if (appointments.Count == 0)
        {
            return null;
        }
        var first = FinancialYear.Containing(appointments.Min(a => a.Start));
        if (year <= first)
        {
            return null;
        }
        int Changes(FinancialYear y) => appointments.Count(a => y.Contains(a.Start) && IsChange(a, appointments));
        var run = 0;
        for (var y = year; y > first && Changes(y) > Changes(y.Previous()); y = y.Previous())
        {
            run++;
        }
        return run;
    }
}
