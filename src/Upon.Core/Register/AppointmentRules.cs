using NodaTime;

namespace Upon.Core.Register;

/// <summary>The rules every appointment must keep, whether it comes from a form, an upload or the command line.</summary>
public static class AppointmentRules
{
    /// <summary>
    /// Checks that an end date comes with a reason and an unplanned flag, and that none of them comes without it;
    /// returns the problems as (field, reason) pairs, using the CSV column names.
    /// </summary>
    public static IEnumerable<(string Field, string Reason)> CheckEnding(LocalDate start, LocalDate? end, LeavingReason? reason, bool? unplanned)
    {
        if (end is not null && end < start)
        {
            yield return ("end_date", "The end date must be on or after the start date.");
        }
        if (end is not null && reason is null)
        {
            yield return ("leaving_reason", "Give a leaving reason when there is an end date.");
        }
        if (end is null && reason is not null)
        {
            yield return ("leaving_reason", "A leaving reason needs an end date: leave it empty while the director is in post.");
        }
        if (end is not null && unplanned is null)
        {
            yield return ("unplanned", "Say whether the departure was unplanned (yes or no) when there is an end date.");
        }
        if (end is null && unplanned is not null)
        {
            yield return ("unplanned", "Leave unplanned empty while the director is in post.");
        }
    }

    /// <summary>Checks that an appointment lies within its authority's operating period.</summary>
    public static string? CheckOperatingPeriod(string authorityName, OperatingPeriod period, LocalDate start, LocalDate? end)
    {
        if (period.Covers(start, end))
        {
            return null;
        }
        var from = period.From is { } f ? f.ToString("d MMMM yyyy", null) : "its creation";
        var to = period.To is { } t ? t.ToString("d MMMM yyyy", null) : "today";
        return end is null && period.To is not null
            ? $"{authorityName} ceased on {to}, so an appointment there must have ended by then."
            : $"{authorityName} operated from {from} to {to}; the appointment falls outside that.";
    }

    /// <summary>
    /// Finds the first pair of appointments in one authority that share a day. Shared arrangements (one person holding
    /// two authorities) are fine; two appointments in one authority on one day are not.
    /// </summary>
    public static (T First, T Second)? FindOverlap<T>(IEnumerable<T> appointmentsInOneAuthority, Func<T, LocalDate> start, Func<T, LocalDate?> end)
    {
        T? previous = default;
        var hasPrevious = false;
        LocalDate? previousEnd = null;
        foreach (var appointment in appointmentsInOneAuthority.OrderBy(start))
        {
            if (hasPrevious && (previousEnd is null || start(appointment) <= previousEnd))
            {
                return (previous!, appointment);
            }
            if (!hasPrevious || previousEnd is not null && (end(appointment) is null || end(appointment) > previousEnd))
            {
                previous = appointment;
                previousEnd = end(appointment);
            }
            hasPrevious = true;
        }
        return null;
    }
}
