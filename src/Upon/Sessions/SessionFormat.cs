using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>How pages and emails show sessions: London dates and times, where a session happens, status tags.</summary>
public static class SessionFormat
{
    private static readonly LocalDatePattern LongDate = LocalDatePattern.Create("dddd d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalDatePattern ShortDate = LocalDatePattern.Create("d MMMM uuuu", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern ClockTime = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Friday 16 January 2027".</summary>
    public static string Date(LocalDate date) => LongDate.Format(date);

    /// <summary>"16 January 2027".</summary>
    public static string ShortDateOf(LocalDate date) => ShortDate.Format(date);

    /// <summary>"14:00".</summary>
    public static string Time(LocalTime time) => ClockTime.Format(time);

    /// <summary>"Friday 16 January 2027, 14:00 to 16:00", or over two days "Tuesday 9 March 2027, 10:00 to Wednesday 10 March 2027, 16:00".</summary>
    public static string When(LocalDateTime start, LocalDateTime end) => start.Date == end.Date
        ? $"{Date(start.Date)}, {Time(start.TimeOfDay)} to {Time(end.TimeOfDay)}"
        : $"{Date(start.Date)}, {Time(start.TimeOfDay)} to {Date(end.Date)}, {Time(end.TimeOfDay)}";

    public static string When(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return When(session.Start, session.End);
    }

    /// <summary>An instant in London: "25 November 2026 at 12:00".</summary>
    public static string At(Instant instant)
    {
        var local = instant.InZone(Core.Time.London).LocalDateTime;
        return $"{ShortDate.Format(local.Date)} at {Time(local.TimeOfDay)}";
    }

    /// <summary>
    /// The instants of a session in UTC, for staff checking a time across the clock change: "16 July 2027, 13:00 to 15:00
    /// UTC", or over two days "9 March 2027, 10:00 to 10 March 2027, 16:00 UTC".
    /// </summary>
    public static string Utc(Instant start, Instant end)
    {
        var from = start.InUtc().LocalDateTime;
        var to = end.InUtc().LocalDateTime;
        return from.Date == to.Date
            ? $"{ShortDate.Format(from.Date)}, {Time(from.TimeOfDay)} to {Time(to.TimeOfDay)} UTC"
            : $"{ShortDate.Format(from.Date)}, {Time(from.TimeOfDay)} to {ShortDate.Format(to.Date)}, {Time(to.TimeOfDay)} UTC";
    }

    /// <summary>How the session is attended, without the video link: "Online", "In person", "In person, circumstances permitting", ...</summary>
    public static string Format(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Format(session.MovedOnline, session.Type, session.Venue, session.VideoLink, session.CircumstancesPermitting);
    }

    /// <inheritdoc cref="Format(Session)"/>
    public static string Format(bool movedOnline, SessionType type, string? venue, string? videoLink, bool circumstancesPermitting)
    {
        if (movedOnline)
        {
            return "Online (moved online)";
        }
        if (venue is not null)
        {
            var inPerson = circumstancesPermitting ? "In person, circumstances permitting" : "In person";
            return videoLink is null ? inPerson : $"{inPerson}, and online";
        }
        return Session.HeldOnline(movedOnline, type, venue, videoLink) ? "Online" : PlaceToBeConfirmed;
    }

    /// <summary>Whether a session ending at <paramref name="end"/> (London time) has ended at <paramref name="now"/>.</summary>
    public static bool HasEnded(LocalDateTime end, Instant now) => end <= now.InZone(Upon.Core.Time.London).LocalDateTime;

    /// <summary>The GOV.UK tag for a session's status as shown: grey "Held" once a session that ran has ended.</summary>
    public static string StatusTagClass(SessionStatus status, bool ended) =>
        status.WasHeld(ended) ? "govuk-tag govuk-tag--grey" : StatusTagClass(status);

    /// <summary>The GOV.UK tag for a session's status.</summary>
    public static string StatusTagClass(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => "govuk-tag govuk-tag--blue",
        SessionStatus.MovedOnline => "govuk-tag govuk-tag--purple",
        SessionStatus.Postponed => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--red",
    };

    /// <summary>"New Directors", or "Aspirant Directors: 2026-27" for a cohort.</summary>
    public static string Group(string strandName, string? cohortName) =>
        cohortName is null ? strandName : $"{strandName}: {cohortName}";

    /// <summary>"1 person", "12 people".</summary>
    public static string People(int count) => count == 1 ? "1 person" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} people");

    /// <summary>
    /// Where the session happens, as told to someone with a place on it (the video link included, when it is an https
    /// address: <see cref="Session.UsableVideoLink"/>).
    /// </summary>
    public static string Where(Session session) =>
        session.IsPlaceToBeConfirmed ? PlaceToBeConfirmed
        : !session.IsOnline && session.Venue is { } venue ? venue
        : session.UsableVideoLink is { } link ? $"Online: {link}" : "Online (the link will follow)";

    /// <summary>Where the session happens, as told to someone only waiting for a place: never the video link.</summary>
    public static string WhereForWaiting(Session session) =>
        session.IsPlaceToBeConfirmed ? PlaceToBeConfirmed
        : !session.IsOnline && session.Venue is { } venue ? venue
        : session.UsableVideoLink is null ? "Online (the link will follow)" : "Online (the link is sent to people with a place)";

    /// <summary>Where, within a line of a list: the venue, "online", or "place to be confirmed" (<see cref="Session.IsOnline"/>).</summary>
    public static string Place(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsOnline ? "online" : session.Venue ?? PlaceToBeConfirmed.ToLowerInvariant();
    }

    /// <summary>What a session with neither a venue nor a video link, of a type held in person, says of its place.</summary>
    public const string PlaceToBeConfirmed = "Place to be confirmed";
}
