using NodaTime;

namespace Upon.Core;

/// <summary>
/// The range of dates Upon accepts from outside (files, forms, the API, query strings). Anything outside is refused at
/// the edge with an error naming the field, so that no absurd date (year 1, year 9999, a negative year) reaches a
/// query, a report or a calculation.
/// </summary>
/// <remarks>
/// Appointments start no earlier than 1 January 2000, before which no DCS post existed (the Children Act
/// 2004 created it), and lie no later than a year after today (a post can be announced ahead). Sessions, and any date a
/// page is asked to show or export, lie between 1 January 2000 and five years after today.
/// </remarks>
public static class PlausibleDates
{
    /// <summary>The earliest date Upon accepts anywhere: 1 January 2000.</summary>
    public static readonly LocalDate Earliest = new(2000, 1, 1);

    /// <summary>How far ahead an appointment may be dated: one year after today.</summary>
    public static readonly Period AppointmentsAhead = Period.FromYears(1);

    /// <summary>How far ahead a session (or a date range to show) may be dated: five years after today.</summary>
    public static readonly Period SessionsAhead = Period.FromYears(5);

    /// <summary>The last date an appointment may start or end on, given today.</summary>
    public static LocalDate LatestAppointmentDate(LocalDate today) => today.Plus(AppointmentsAhead);

    /// <summary>The last date a session (or a range to show) may be on, given today.</summary>
    public static LocalDate LatestSessionDate(LocalDate today) => today.Plus(SessionsAhead);

    /// <summary>Whether an appointment date lies in the plausible range.</summary>
    public static bool IsPlausibleAppointmentDate(LocalDate date, LocalDate today) => date >= Earliest && date <= LatestAppointmentDate(today);

    /// <summary>Whether a session date lies in the plausible range.</summary>
    public static bool IsPlausibleSessionDate(LocalDate date, LocalDate today) => date >= Earliest && date <= LatestSessionDate(today);

    /// <summary>
    /// Checks an appointment date; returns null when it is plausible, otherwise the reason, such as
    /// "The start date must be between 1 January 2000 and 2 December 2027."
    /// </summary>
    public static string? CheckAppointmentDate(LocalDate date, LocalDate today, string what) =>
        IsPlausibleAppointmentDate(date, today) ? null : OutOfRange(what, LatestAppointmentDate(today));

    /// <summary>Checks a session date (or a date to show); returns null when it is plausible, otherwise the reason.</summary>
    public static string? CheckSessionDate(LocalDate date, LocalDate today, string what) =>
        IsPlausibleSessionDate(date, today) ? null : OutOfRange(what, LatestSessionDate(today));

    private static string OutOfRange(string what, LocalDate latest) =>
        $"{Capitalised(what)} must be between {Long(Earliest)} and {Long(latest)}.";

    private static string Long(LocalDate date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
