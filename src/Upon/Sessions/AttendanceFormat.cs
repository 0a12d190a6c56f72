using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>How attendance pages show rates, marks and who recorded them.</summary>
public static class AttendanceFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly ZonedDateTimePattern At = ZonedDateTimePattern.CreateWithInvariantCulture("d MMMM uuuu 'at' HH:mm", null);
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("d MMMM uuuu", EnGb);

    /// <summary>"87.5%" (<see cref="FigureFormat.Percent"/>), or "no marks" when nothing is marked.</summary>
    public static string Rate(double? rate) => rate is { } value ? FigureFormat.Percent(value) : "no marks";

    /// <summary>"25 November 2026 at 12:00", London time.</summary>
    public static string When(Instant instant) => At.Format(instant.InZone(Time.London));

    /// <summary>"6 March 2026".</summary>
    public static string Date(LocalDate date) => LongDate.Format(date);

    /// <summary>"Marked by hand, by staff@example.org, 25 November 2026 at 12:00" or "Zoom report (95 minutes), by ...".</summary>
    public static string Recorded(AttendanceRecord record) =>
        $"{record.Source.DisplayName()}{(record.Minutes is { } m ? $" ({Minutes(m)})" : "")}, by {record.RecordedBy ?? "unknown"}, {When(record.RecordedAt)}";

    /// <summary>"1 minute", "95 minutes".</summary>
    public static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes.ToString("N0", CultureInfo.InvariantCulture)} minutes";

    /// <summary>The GOV.UK tag class of a mark: green attended, yellow late or left early, grey excused, red absent.</summary>
    public static string TagClass(AttendanceMark mark) => mark switch
    {
        AttendanceMark.Present => "govuk-tag govuk-tag--green",
        AttendanceMark.Late or AttendanceMark.LeftEarly => "govuk-tag govuk-tag--yellow",
        AttendanceMark.Excused => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--red",
    };

    /// <summary>The mark's name, and the short name of the small radios on the register ("Excused" for "Excused (apologies)").</summary>
    public static string ShortName(AttendanceMark mark) => mark == AttendanceMark.Excused ? "Excused" : mark.DisplayName();
}
