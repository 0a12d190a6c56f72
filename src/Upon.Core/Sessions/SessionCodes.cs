using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Sessions;

/// <summary>
/// The codes and display names of session types, statuses, booking statuses and attendance marks, as the API, CSV
/// files and pages use them (<c>virtual-workshop</c>, <c>moved-online</c>, <c>left-early</c>, ...).
/// </summary>
public static class SessionCodes
{
    private static readonly Dictionary<SessionType, (string Code, string Name)> Types = new()
    {
        [SessionType.VirtualWorkshop] = ("virtual-workshop", "Virtual workshop"),
        [SessionType.Residential] = ("residential", "Residential"),
        [SessionType.TaughtDay] = ("taught-day", "Taught day"),
        [SessionType.ActionLearningSet] = ("action-learning-set", "Action learning set"),
        [SessionType.Webinar] = ("webinar", "Network webinar"),
        [SessionType.CoachingGroup] = ("coaching-group", "Coaching group"),
    };

    private static readonly Dictionary<SessionStatus, (string Code, string Name)> Statuses = new()
    {
        [SessionStatus.Scheduled] = ("scheduled", "Scheduled"),
        [SessionStatus.MovedOnline] = ("moved-online", "Moved online"),
        [SessionStatus.Postponed] = ("postponed", "Postponed"),
        [SessionStatus.Cancelled] = ("cancelled", "Cancelled"),
    };

    private static readonly Dictionary<BookingStatus, (string Code, string Name)> BookingStatuses = new()
    {
        [BookingStatus.Booked] = ("booked", "Booked"),
        [BookingStatus.Waitlisted] = ("waitlisted", "On the waiting list"),
        [BookingStatus.Cancelled] = ("cancelled", "Cancelled"),
    };

    private static readonly Dictionary<AttendanceMark, (string Code, string Name)> Marks = new()
    {
        [AttendanceMark.Present] = ("present", "Present"),
        [AttendanceMark.Late] = ("late", "Late"),
        [AttendanceMark.LeftEarly] = ("left-early", "Left early"),
        [AttendanceMark.Excused] = ("excused", "Excused (apologies)"),
        [AttendanceMark.Absent] = ("absent", "Absent"),
    };

    public static IReadOnlyList<SessionType> AllTypes { get; } = [.. Types.Keys];
    public static IReadOnlyList<SessionStatus> AllStatuses { get; } = [.. Statuses.Keys];
    public static IReadOnlyList<AttendanceMark> AllMarks { get; } = [.. Marks.Keys];

    public static string ToCode(this SessionType value) => Types[value].Code;
    public static string DisplayName(this SessionType value) => Types[value].Name;
    public static string ToCode(this SessionStatus value) => Statuses[value].Code;
    public static string DisplayName(this SessionStatus value) => Statuses[value].Name;

    /// <summary>
    /// The status as lists and pages show it: "Held" for a session that ran (scheduled or moved online) and has ended,
    /// so a past session is never tagged "Scheduled"; otherwise the status's own name ("Cancelled", "Postponed", ...).
    /// </summary>
    public static string DisplayName(this SessionStatus value, bool ended) => WasHeld(value, ended) ? "Held" : value.DisplayName();

    /// <summary>Whether a session with this status that has <paramref name="ended"/> took place.</summary>
    public static bool WasHeld(this SessionStatus value, bool ended) => ended && value is SessionStatus.Scheduled or SessionStatus.MovedOnline;
    public static string ToCode(this BookingStatus value) => BookingStatuses[value].Code;
    public static string DisplayName(this BookingStatus value) => BookingStatuses[value].Name;
    public static string ToCode(this AttendanceMark value) => Marks[value].Code;
    public static string DisplayName(this AttendanceMark value) => Marks[value].Name;

    /// <summary>Whether the mark counts as having attended (present, late or left early).</summary>
    public static bool IsAttended(this AttendanceMark mark) => mark is AttendanceMark.Present or AttendanceMark.Late or AttendanceMark.LeftEarly;

    public static bool TryParseType(string? code, out SessionType value) => TryParse(Types, code, out value);
    public static bool TryParseStatus(string? code, out SessionStatus value) => TryParse(Statuses, code, out value);
    public static bool TryParseMark(string? code, out AttendanceMark value) => TryParse(Marks, code, out value);

    private static bool TryParse<T>(Dictionary<T, (string Code, string Name)> codes, string? code, [MaybeNullWhen(false)] out T value)
        where T : struct, Enum
    {
        var trimmed = code?.Trim();
        foreach (var (key, (c, _)) in codes)
        {
            if (string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = key;
                return true;
            }
        }
        value = default;
        return false;
    }
}
