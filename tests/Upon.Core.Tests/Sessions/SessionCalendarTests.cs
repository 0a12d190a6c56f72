using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Upon.Core.Sessions;

namespace Upon.Core.Tests.Sessions;

public class SessionCalendarTests
{
    private static readonly Instant Stamp = Instant.FromUtc(2025, 5, 1, 8, 30, 15);

    private static CalendarEntry Entry(
        string uid = "session-1@upon",
        LocalDateTime? start = null,
        LocalDateTime? end = null,
        SessionStatus status = SessionStatus.Scheduled,
        int sequence = 0,
        string title = "Virtual workshop: inspection readiness",
        string? description = "Bring your latest self-assessment.",
        string? location = null,
        string? url = "https://meet.example.org/j/123456") =>
        new(uid, sequence, title, description,
            start ?? new LocalDateTime(2025, 7, 10, 14, 0),
            end ?? new LocalDateTime(2025, 7, 10, 16, 0),
            location, url, status,
            Instant.FromUtc(2025, 4, 20, 9, 0), Instant.FromUtc(2025, 4, 1, 12, 0));

    private static Calendar Load(string text) => Calendar.Load(text) ?? throw new InvalidOperationException("Ical.Net could not read the calendar.");

    private static CalendarEvent SingleEventOf(string text) => Assert.Single(Load(text).Events);

    /// <summary>The content lines with folding undone.</summary>
    private static List<string> Unfolded(string text) => [.. text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n").Where(l => l.Length > 0)];

    [Fact]
    public void Feed_SummerWorkshop_IsOneHourBeforeInUtc()
    {
        var calendarEvent = SingleEventOf(SessionCalendar.Feed("Sessions", [Entry()], Stamp));
        Assert.Equal(new DateTime(2025, 7, 10, 13, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2025, 7, 10, 15, 0, 0, DateTimeKind.Utc), calendarEvent.DtEnd!.AsUtc);
        Assert.Equal("Europe/London", calendarEvent.DtStart.TzId);
    }

    [Fact]
    public void Feed_WinterWorkshop_IsTheSameInUtc()
    {
        var text = SessionCalendar.Feed("Sessions", [Entry(start: new LocalDateTime(2025, 1, 16, 14, 0), end: new LocalDateTime(2025, 1, 16, 16, 0))], Stamp);
        Assert.Equal(new DateTime(2025, 1, 16, 14, 0, 0, DateTimeKind.Utc), SingleEventOf(text).DtStart!.AsUtc);
    }

    [Fact]
    public void Feed_WritesLondonTimesWithTzid()
    {
        var lines = Unfolded(SessionCalendar.Feed("Sessions", [Entry()], Stamp));
        Assert.Contains("DTSTART;TZID=Europe/London:20250710T140000", lines);
        Assert.Contains("DTEND;TZID=Europe/London:20250710T160000", lines);
    }

    [Fact]
    public void Feed_TwoDayResidential_IsOneEventSpanningBothDays()
    {
        var residential = Entry(uid: "residential-7@upon", start: new LocalDateTime(2025, 6, 12, 10, 0), end: new LocalDateTime(2025, 6, 13, 15, 30),
            title: "Residential", location: "Example Hall, 1 Example Road, Warwick", url: null);
        var calendarEvent = SingleEventOf(SessionCalendar.Feed("Sessions", [residential], Stamp));
        Assert.Equal(new DateTime(2025, 6, 12, 9, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2025, 6, 13, 14, 30, 0, DateTimeKind.Utc), calendarEvent.DtEnd!.AsUtc);
        Assert.False(calendarEvent.IsAllDay);
    }

    [Theory]
    [InlineData(SessionStatus.Scheduled, "CONFIRMED")]
    [InlineData(SessionStatus.MovedOnline, "CONFIRMED")]
    [InlineData(SessionStatus.Postponed, "TENTATIVE")]
    [InlineData(SessionStatus.Cancelled, "CANCELLED")]
    public void Feed_Status(SessionStatus status, string expected)
    {
        var text = SessionCalendar.Feed("Sessions", [Entry(status: status)], Stamp);
        Assert.Contains("STATUS:" + expected, Unfolded(text));
        Assert.Equal(expected, SingleEventOf(text).Status);
    }

    [Fact]
    public void Feed_CancelledSession_StaysInTheFeedMarkedInItsSummary()
    {
        var text = SessionCalendar.Feed("Sessions", [Entry(uid: "a@upon"), Entry(uid: "b@upon", status: SessionStatus.Cancelled)], Stamp);
        var events = Load(text).Events;
        Assert.Equal(2, events.Count);
        var cancelled = events.Single(e => e.Uid == "b@upon");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal("Cancelled: Virtual workshop: inspection readiness", cancelled.Summary);
    }

    [Fact]
    public void Feed_CancelledSession_HasNoReminder() =>
        Assert.Empty(SingleEventOf(SessionCalendar.Feed("Sessions", [Entry(status: SessionStatus.Cancelled)], Stamp)).Alarms);

    [Fact]
    public void Feed_PostponedSession_SaysSoInItsSummary() =>
        Assert.StartsWith("Postponed: ", SingleEventOf(SessionCalendar.Feed("Sessions", [Entry(status: SessionStatus.Postponed)], Stamp)).Summary, StringComparison.Ordinal);

    [Fact]
    public void Feed_UidAndSequence()
    {
        var calendarEvent = SingleEventOf(SessionCalendar.Feed("Sessions", [Entry(uid: "session-42@upon.example.org", sequence: 3)], Stamp));
        Assert.Equal("session-42@upon.example.org", calendarEvent.Uid);
        Assert.Equal(3, calendarEvent.Sequence);
    }

    [Fact]
    public void Feed_Stamps()
    {
        var lines = Unfolded(SessionCalendar.Feed("Sessions", [Entry()], Stamp));
        Assert.Contains("DTSTAMP:20250501T083015Z", lines);
        Assert.Contains("LAST-MODIFIED:20250420T090000Z", lines);
        Assert.Contains("CREATED:20250401T120000Z", lines);
    }

    [Fact]
    public void Feed_AlarmTheDayBefore()
    {
        var text = SessionCalendar.Feed("Sessions", [Entry()], Stamp);
        var alarm = Assert.Single(SingleEventOf(text).Alarms);
        Assert.Equal("DISPLAY", alarm.Action);
        Assert.Equal(Ical.Net.DataTypes.Duration.FromDays(-1), alarm.Trigger!.Duration);
        Assert.Contains("TRIGGER:-P1D", Unfolded(text));
        Assert.False(string.IsNullOrWhiteSpace(alarm.Description));
    }

    [Fact]
    public void Feed_CalendarProperties()
    {
        var text = SessionCalendar.Feed("DCS programme sessions", [Entry()], Stamp);
        var lines = Unfolded(text);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("PRODID:-//Upon//Programme sessions//EN", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains("X-WR-CALNAME:DCS programme sessions", lines);
        Assert.Contains("X-WR-TIMEZONE:Europe/London", lines);
        var calendar = Load(text);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(SessionCalendar.ProductId, calendar.ProductId);
    }

    [Fact]
    public void Feed_OneLondonTimeZone()
    {
        var text = SessionCalendar.Feed("Sessions", [Entry(uid: "a@upon"), Entry(uid: "b@upon", start: new LocalDateTime(2026, 1, 8, 10, 0), end: new LocalDateTime(2026, 1, 8, 12, 0))], Stamp);
        var timeZone = Assert.Single(Load(text).TimeZones);
        Assert.Equal("Europe/London", timeZone.TzId);
        Assert.Single(Unfolded(text), l => l == "BEGIN:VTIMEZONE");
        Assert.Contains(timeZone.TimeZoneInfos, i => i.Name == "STANDARD" && i.TimeZoneName == "GMT");
        Assert.Contains(timeZone.TimeZoneInfos, i => i.Name == "DAYLIGHT" && i.TimeZoneName == "BST");
    }

    [Fact]
    public void Feed_TimeZoneRules_AreLastSundaysOfMarchAndOctober()
    {
        var lines = Unfolded(SessionCalendar.Feed("Sessions", [Entry()], Stamp));
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();
        var daylight = zone.SkipWhile(l => l != "BEGIN:DAYLIGHT").TakeWhile(l => l != "END:DAYLIGHT").ToList();
        var standard = zone.SkipWhile(l => l != "BEGIN:STANDARD").TakeWhile(l => l != "END:STANDARD").ToList();
        // Entries in 2025: the rules start in 2024, so the offset at the first entry is defined.
        Assert.Contains("DTSTART:20240331T010000", daylight);
        Assert.Contains(daylight, l => l.StartsWith("RRULE:FREQ=YEARLY", StringComparison.Ordinal) && l.Contains("BYMONTH=3", StringComparison.Ordinal) && l.Contains("BYDAY=-1SU", StringComparison.Ordinal));
        Assert.Contains("TZOFFSETFROM:+0000", daylight);
        Assert.Contains("TZOFFSETTO:+0100", daylight);
        Assert.Contains("DTSTART:20241027T020000", standard);
        Assert.Contains(standard, l => l.StartsWith("RRULE:FREQ=YEARLY", StringComparison.Ordinal) && l.Contains("BYMONTH=10", StringComparison.Ordinal) && l.Contains("BYDAY=-1SU", StringComparison.Ordinal));
        Assert.Contains("TZOFFSETFROM:+0100", standard);
        Assert.Contains("TZOFFSETTO:+0000", standard);
    }

    [Fact]
    public void Feed_TimeZoneObservances_GiveTheSameChangesAsTheTimeZoneDatabase()
    {
        var text = SessionCalendar.Feed("Sessions",
            [Entry(uid: "a@upon", start: new LocalDateTime(2025, 2, 3, 10, 0), end: new LocalDateTime(2025, 2, 3, 12, 0)),
             Entry(uid: "b@upon", start: new LocalDateTime(2027, 11, 4, 10, 0), end: new LocalDateTime(2027, 11, 4, 12, 0))], Stamp);
        var timeZone = Assert.Single(Load(text).TimeZones);

        // Ical.Net expands each observance; the wall times of the changes must be tzdb's, year by year.
        var fromVTimeZone = timeZone.TimeZoneInfos
            .SelectMany(info => info.GetOccurrences(new CalDateTime(2024, 1, 1), new EvaluationOptions())
                .TakeWhile(o => o.Period.StartTime.Year <= 2028)
                .Select(o => (info.Name, At: o.Period.StartTime.Value)))
            .OrderBy(x => x.At)
            .ToList();
        var fromTzdb = Time.London.GetZoneIntervals(Instant.FromUtc(2024, 1, 1, 0, 0), Instant.FromUtc(2029, 1, 1, 0, 0))
            .Skip(1)
            .Select(i => (Name: i.Savings == Offset.Zero ? "STANDARD" : "DAYLIGHT", At: i.Start.WithOffset(i.Savings == Offset.Zero ? Offset.FromHours(1) : Offset.Zero).LocalDateTime.ToDateTimeUnspecified()))
            .ToList();
        Assert.Equal(fromTzdb, fromVTimeZone);
    }

    [Fact]
    public void Feed_FutureYears_Work()
    {
        // Ical.Net's VTimeZone.FromDateTimeZone fails for years well ahead of the system clock; this must not.
        var text = SessionCalendar.Feed("Sessions", [Entry(start: new LocalDateTime(2031, 7, 10, 14, 0), end: new LocalDateTime(2031, 7, 10, 16, 0))], Stamp);
        Assert.Equal(new DateTime(2031, 7, 10, 13, 0, 0, DateTimeKind.Utc), SingleEventOf(text).DtStart!.AsUtc);
        Assert.Contains("DTSTART:20300331T010000", Unfolded(text));
    }

    [Fact]
    public void Feed_SameInput_SameText() =>
        Assert.Equal(SessionCalendar.Feed("Sessions", [Entry()], Stamp), SessionCalendar.Feed("Sessions", [Entry()], Stamp));

    [Fact]
    public void Feed_Empty_IsAValidCalendar()
    {
        var calendar = Load(SessionCalendar.Feed("Sessions", [], Stamp));
        Assert.Empty(calendar.Events);
        Assert.Single(calendar.TimeZones);
    }

    [Fact]
    public void Feed_EventsInStartOrder()
    {
        var text = SessionCalendar.Feed("Sessions",
            [Entry(uid: "later@upon", start: new LocalDateTime(2025, 9, 1, 10, 0), end: new LocalDateTime(2025, 9, 1, 11, 0)), Entry(uid: "sooner@upon")], Stamp);
        Assert.Equal(["sooner@upon", "later@upon"], Load(text).Events.Select(e => e.Uid));
    }

    [Fact]
    public void Feed_OnlineSession_LocationIsTheVideoLink()
    {
        var calendarEvent = SingleEventOf(SessionCalendar.Feed("Sessions", [Entry(location: null, url: "https://meet.example.org/j/987")], Stamp));
        Assert.Equal("https://meet.example.org/j/987", calendarEvent.Location);
        Assert.Equal(new Uri("https://meet.example.org/j/987"), calendarEvent.Url);
    }

    [Fact]
    public void Feed_InPersonSession_LocationIsTheVenue()
    {
        var calendarEvent = SingleEventOf(SessionCalendar.Feed("Sessions", [Entry(location: "Example House, 2 Sample Street, Leeds LS1 1AA", url: null)], Stamp));
        Assert.Equal("Example House, 2 Sample Street, Leeds LS1 1AA", calendarEvent.Location);
        Assert.Null(calendarEvent.Url);
    }

    [Fact]
    public void Feed_TextWithCommasSemicolonsAndLineBreaks_IsEscapedAndReadBack()
    {
        const string title = "Leading change; risk, safety and inspection";
        const string description = "Agenda:\nOne, two; three\\four";
        var text = SessionCalendar.Feed("Sessions", [Entry(title: title, description: description, location: "Room 1, Example House; Leeds")], Stamp);
        var lines = Unfolded(text);
        Assert.Contains(@"SUMMARY:Leading change\; risk\, safety and inspection", lines);
        Assert.Contains(@"DESCRIPTION:Agenda:\nOne\, two\; three\\four", lines);
        Assert.Contains(@"LOCATION:Room 1\, Example House\; Leeds", lines);
        var calendarEvent = SingleEventOf(text);
        Assert.Equal(title, calendarEvent.Summary);
        Assert.Equal(description, calendarEvent.Description);
        Assert.Equal("Room 1, Example House; Leeds", calendarEvent.Location);
    }

    [Fact]
    public void Feed_LongLines_AreFoldedAtSeventyFiveOctetsWithCrlf()
    {
        var description = string.Concat(Enumerable.Repeat("Directors’ peer review — ünïcödé text that goes on, ", 12));
        var text = SessionCalendar.Feed("Sessions", [Entry(description: description)], Stamp);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split("\r\n"), l => l.Contains('\n', StringComparison.Ordinal) || l.Contains('\r', StringComparison.Ordinal));
        var physical = text.Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(physical, l => l.StartsWith(' '));
        Assert.Equal(description, SingleEventOf(text).Description);
    }

    [Fact]
    public void Feed_DuplicateUid_Throws() =>
        Assert.Throws<ArgumentException>(() => SessionCalendar.Feed("Sessions", [Entry(), Entry()], Stamp));

    [Fact]
    public void Feed_StartInTheSpringGap_Throws() =>
        Assert.Throws<SessionTimeException>(() =>
            SessionCalendar.Feed("Sessions", [Entry(start: new LocalDateTime(2025, 3, 30, 1, 30), end: new LocalDateTime(2025, 3, 30, 3, 0))], Stamp));

    [Fact]
    public void Feed_NotAUrl_Throws() =>
        Assert.Throws<ArgumentException>(() => SessionCalendar.Feed("Sessions", [Entry(url: "meet dot example")], Stamp));

    [Fact]
    public void SingleEvent_IsAPublishedCalendarWithTheSameEvent()
    {
        var entry = Entry(sequence: 2);
        var text = SessionCalendar.SingleEvent(entry, Stamp);
        var calendar = Load(text);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Single(calendar.TimeZones);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(entry.Uid, calendarEvent.Uid);
        Assert.Equal(2, calendarEvent.Sequence);
        Assert.Equal(new DateTime(2025, 7, 10, 13, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart!.AsUtc);
        Assert.Single(calendarEvent.Alarms);
        Assert.DoesNotContain(Unfolded(text), l => l.StartsWith("X-WR-CALNAME", StringComparison.Ordinal));

        var inFeed = Unfolded(SessionCalendar.Feed("Sessions", [entry], Stamp)).SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT");
        var alone = Unfolded(text).SkipWhile(l => l != "BEGIN:VEVENT").TakeWhile(l => l != "END:VEVENT");
        Assert.Equal(inFeed, alone);
    }

    [Fact]
    public void Cancellation_NamesItsOrganizerAndAttendee_AsRfc5546Requires()
    {
        var text = SessionCalendar.Cancellation(Entry(sequence: 3), Stamp, new CalendarAddress("no-reply@upon.example.org", "Upon"),
            new CalendarAddress("sam.example@example.org", "Sam Example"));

        var calendar = Load(text);
        Assert.Equal("CANCEL", calendar.Method);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(("CANCELLED", 3), (calendarEvent.Status, calendarEvent.Sequence));
        Assert.Equal(new Uri("mailto:no-reply@upon.example.org"), calendarEvent.Organizer!.Value);
        Assert.Equal("Upon", calendarEvent.Organizer.CommonName);
        var attendee = Assert.Single(calendarEvent.Attendees);
        Assert.Equal(new Uri("mailto:sam.example@example.org"), attendee.Value);
        Assert.Equal("Sam Example", attendee.CommonName);
    }

    [Fact]
    public void SingleEvent_WithAnOrganizer_NamesTheOneItsCancellationNames()
    {
        var organizer = new CalendarAddress("no-reply@upon.example.org", "Upon");

        var published = SingleEventOf(SessionCalendar.SingleEvent(Entry(), Stamp, organizer));
        var cancelled = SingleEventOf(SessionCalendar.Cancellation(Entry(sequence: 1), Stamp, organizer, new CalendarAddress("sam.example@example.org")));

        Assert.Equal(new Uri("mailto:no-reply@upon.example.org"), published.Organizer!.Value);
        Assert.Equal(published.Organizer.Value, cancelled.Organizer!.Value);
        Assert.Empty(published.Attendees);
    }
}
