using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Upon.Sessions;

/// <summary>Session times as people read them: "Friday 16 January 2027, 14:00 to 16:00" (London time).</summary>
public static class SessionFormat
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd d MMMM yyyy", EnGb);
    private static readonly LocalTimePattern Clock = LocalTimePattern.Create("HH:mm", EnGb);

    public static string Date(LocalDate date) => LongDate.Format(date);

    public static string Time(LocalTime time) => Clock.Format(time);

    /// <summary>One day: "Friday 16 January 2027, 14:00 to 16:00"; several: "Tuesday 9 March 2027, 10:00 to Wednesday 10 March 2027, 16:00".</summary>
    public static string When(LocalDateTime start, LocalDateTime end) =>
        start.Date == end.Date
            ? $"{Date(start.Date)}, {Time(start.TimeOfDay)} to {Time(end.TimeOfDay)}"
            : $"{Date(start.Date)}, {Time(start.TimeOfDay)} to {Date(end.Date)}, {Time(end.TimeOfDay)}";

    public static string When(Session session) => When(session.Start, session.End);

    /// <summary>Where the session happens, as told to someone with a place on it.</summary>
    public static string Where(Session session) =>
        session.Status == Core.Sessions.SessionStatus.MovedOnline || session.Venue is null
            ? session.VideoLink is { } link ? $"Online: {link}" : "Online (the link will follow)"
            : session.Venue;
}
