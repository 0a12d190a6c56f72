using NodaTime;

namespace Upon.Core;

/// <summary>
/// The dates Upon accepts from outside. Appointments run from 1 January 2000 (no DCS post existed before the Children
/// Act 2004 created it) to a year after today; sessions and the periods people ask about from 1 January 2000 to five
/// years after today. Anything else is refused at the edge with a clear error rather than stored or computed over.
/// </summary>
public static class PlausibleDates
{
    /// <summary>The earliest date accepted anywhere: 1 January 2000.</summary>
    public static readonly LocalDate Earliest = new(2000, 1, 1);

    /// <summary>The latest date an appointment may start or end: a year after <paramref name="today"/>.</summary>
    public static LocalDate LatestAppointment(LocalDate today) => today.PlusYears(1);

    /// <summary>The latest date of a session, or of a period searched: five years after <paramref name="today"/>.</summary>
    public static LocalDate LatestSession(LocalDate today) => today.PlusYears(5);

    /// <summary>Whether <paramref name="date"/> is a plausible appointment date.</summary>
    public static bool IsPlausibleAppointment(LocalDate date, LocalDate today) => date >= Earliest && date <= LatestAppointment(today);

    /// <summary>Whether <paramref name="date"/> is a plausible session date (or the end of a period searched).</summary>
    public static bool IsPlausibleSession(LocalDate date, LocalDate today) => date >= Earliest && date <= LatestSession(today);

    /// <summary>"from 2000-01-01 to 2031-11-25": the session range, for error messages.</summary>
    public static string SessionRange(LocalDate today) => $"from {Earliest.ToIsoString()} to {LatestSession(today).ToIsoString()}";
}
