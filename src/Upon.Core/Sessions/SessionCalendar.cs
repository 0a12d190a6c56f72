using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>
/// Writes sessions as iCalendar (RFC 5545): a feed people subscribe to, and a single event to attach to an email.
/// </summary>
/// <remarks>
/// <para>Every event has its UID, SEQUENCE, DTSTAMP, DTSTART and DTEND in London time (TZID=Europe/London), SUMMARY,
/// DESCRIPTION, LOCATION, URL, STATUS, LAST-MODIFIED, CREATED and a display alarm the day before (TRIGGER:-P1D),
/// except a cancelled session, which gets no reminder. A residential is one event from its first day's start to its
/// last day's end.</para>
/// <para>LOCATION is the venue's address, or the video link when there is no venue. URL is the video link.</para>
/// <para>STATUS: a scheduled session, or one moved online, is CONFIRMED. A postponed session is TENTATIVE: it will
/// still run but its date is not settled, which is what TENTATIVE says. A cancelled session is CANCELLED and stays in
/// the feed, so that subscribed calendars remove or strike it out rather than keep a stale copy. Because some
/// calendars show STATUS nowhere, the SUMMARY of a postponed or cancelled session starts with "Postponed: " or
/// "Cancelled: ".</para>
/// <para>The calendar has one VTIMEZONE for Europe/London, built from the time zone database for the years of the
/// entries (see <see cref="LondonTimeZone"/>), so that calendars which read VTIMEZONE rather than the TZID name agree.
/// Ical.Net's serializer writes CRLF line ends, folds lines at 75 octets and escapes commas, semicolons, backslashes
/// and line breaks in text.</para>
/// </remarks>
public static class SessionCalendar
{
    /// <summary>The PRODID of every calendar Upon writes, naming Upon as its producer.</summary>
    public const string ProductId = "-//Upon//Programme sessions//EN";
    /// <summary>The TZID of every event's times, and the feed's X-WR-TIMEZONE.</summary>
    public const string TimeZoneId = "Europe/London";

    /// <summary>How long before the start the reminder shows.</summary>
    public static readonly TimeSpan ReminderBefore = TimeSpan.FromDays(1);

    /// <summary>A subscribable feed of the entries, stamped with <paramref name="stamp"/> (normally now).</summary>
    public static string Feed(string calendarName, IEnumerable<CalendarEntry> entries, Instant stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(calendarName);
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var duplicate = list.GroupBy(e => e.Uid, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two entries have the UID \"{duplicate.Key}\".", nameof(entries));
        }

        var calendar = NewCalendar(list, stamp);
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        // Outlook re-reads a subscribed feed no more often than this asks.
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var entry in list.OrderBy(e => e.Start).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            calendar.Events.Add(ToEvent(entry, stamp));
        }
        return Serialize(calendar);
    }

    /// <summary>
    /// One event, as a calendar to attach to an email (METHOD:PUBLISH), stamped with <paramref name="stamp"/>. With an
    /// <paramref name="organizer"/>, the event names it as ORGANIZER (RFC 5546 asks for one in PUBLISH), the same one
    /// the event's <see cref="Cancellation"/> names.
    /// </summary>
    public static string SingleEvent(CalendarEntry entry, Instant stamp, CalendarAddress? organizer = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var calendar = NewCalendar([entry], stamp);
        var calendarEvent = ToEvent(entry, stamp);
        if (organizer is not null)
        {
            calendarEvent.Organizer = OrganizerOf(organizer);
        }
        calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    /// <summary>
    /// A cancellation to attach to an email (METHOD:CANCEL): the event with its UID, STATUS:CANCELLED and the
    /// <see cref="CalendarEntry.Sequence"/> given, which must be higher than any the person was sent, so their calendar
    /// removes the event rather than keep it. RFC 5546 requires a CANCEL to name its ORGANIZER, who sends it, and
    /// the ATTENDEE it is for, here the one person the email goes to.
    /// </summary>
    public static string Cancellation(CalendarEntry entry, Instant stamp, CalendarAddress organizer, CalendarAddress attendee)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(attendee);
        var cancelled = entry with { Status = SessionStatus.Cancelled };
        var calendar = NewCalendar([cancelled], stamp);
        calendar.Method = CalendarMethods.Cancel;
        var calendarEvent = ToEvent(cancelled, stamp);
        calendarEvent.Organizer = OrganizerOf(organizer);
        calendarEvent.Attendees.Add(AttendeeOf(attendee));
        calendar.Events.Add(calendarEvent);
        return Serialize(calendar);
    }

    /// <summary>The STATUS written for a session status.</summary>
    public static string ToEventStatus(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled or SessionStatus.MovedOnline => EventStatus.Confirmed,
        SessionStatus.Postponed => EventStatus.Tentative,
        SessionStatus.Cancelled => EventStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown session status."),
    };

    private static Calendar NewCalendar(List<CalendarEntry> entries, Instant stamp)
    {
        var years = entries.Count == 0
            ? (First: stamp.InZone(Time.London).Year, Last: stamp.InZone(Time.London).Year)
            : (First: entries.Min(e => e.Start.Year), Last: entries.Max(e => e.End.Year));
        var calendar = new Calendar { ProductId = ProductId, Method = CalendarMethods.Publish };
        calendar.AddTimeZone(LondonTimeZone.Build(years.First, years.Last));
        return calendar;
    }

    private static CalendarEvent ToEvent(CalendarEntry entry, Instant stamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Uid, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Title, nameof(entry));
        ArgumentOutOfRangeException.ThrowIfNegative(entry.Sequence, nameof(entry));
        if (!entry.AllDay)
        {
            SessionTimes.ValidateSpan(entry.Start, entry.End);
        }

        var summary = entry.Status switch
        {
            SessionStatus.Postponed => "Postponed: " + entry.Title,
            SessionStatus.Cancelled => "Cancelled: " + entry.Title,
            _ => entry.Title,
        };
        var location = string.IsNullOrWhiteSpace(entry.Location) ? entry.Url : entry.Location;
        var calendarEvent = new CalendarEvent
        {
            Uid = entry.Uid,
            Sequence = entry.Sequence,
            DtStamp = Utc(stamp),
            DtStart = entry.AllDay ? Day(entry.Start.Date) : London(entry.Start),
            DtEnd = entry.AllDay ? Day(entry.Start.Date.PlusDays(1)) : London(entry.End),
            Summary = summary,
            Status = ToEventStatus(entry.Status),
            LastModified = Utc(entry.LastModified),
            Created = Utc(entry.Created),
        };
        if (!string.IsNullOrWhiteSpace(entry.Description))
        {
            calendarEvent.Description = entry.Description;
        }
        if (!string.IsNullOrWhiteSpace(location))
        {
            calendarEvent.Location = location;
        }
        if (!string.IsNullOrWhiteSpace(entry.Url))
        {
            calendarEvent.Url = Uri.TryCreate(entry.Url, UriKind.Absolute, out var url)
                ? url
                : throw new ArgumentException($"The video link of {entry.Uid} is not an absolute URL: \"{entry.Url}\".", nameof(entry));
        }
        if (entry.Status != SessionStatus.Cancelled && !entry.AllDay)
        {
            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = $"Tomorrow: {entry.Title}",
                Trigger = new Trigger(Ical.Net.DataTypes.Duration.FromDays(-ReminderBefore.Days)),
            });
        }
        return calendarEvent;
    }

    private static Organizer OrganizerOf(CalendarAddress address)
    {
        var organizer = new Organizer(MailTo(address.Email));
        if (!string.IsNullOrWhiteSpace(address.Name))
        {
            organizer.CommonName = address.Name;
        }
        return organizer;
    }

    private static Attendee AttendeeOf(CalendarAddress address)
    {
        var attendee = new Attendee(MailTo(address.Email));
        if (!string.IsNullOrWhiteSpace(address.Name))
        {
            attendee.CommonName = address.Name;
        }
        return attendee;
    }

    private static string MailTo(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return "mailto:" + email.Trim();
    }

    private static CalDateTime Day(LocalDate date) => new(new DateOnly(date.Year, date.Month, date.Day));

    private static CalDateTime London(LocalDateTime local) =>
        new(new DateOnly(local.Year, local.Month, local.Day), new TimeOnly(local.Hour, local.Minute, local.Second), TimeZoneId);

    private static CalDateTime Utc(Instant instant)
    {
        var utc = instant.InUtc();
        return new CalDateTime(new DateOnly(utc.Year, utc.Month, utc.Day), new TimeOnly(utc.Hour, utc.Minute, utc.Second), CalDateTime.UtcTzId);
    }

    private static string Serialize(Calendar calendar) =>
        new CalendarSerializer().SerializeToString(calendar)
        ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");
}
