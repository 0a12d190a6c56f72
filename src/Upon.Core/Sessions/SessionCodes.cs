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

    /// <summary>Every session type, in display order.</summary>
    public static IReadOnlyList<SessionType> AllTypes { get; } = [.. Types.Keys];
    /// <summary>Every session status, in display order.</summary>
    public static IReadOnlyList<SessionStatus> AllStatuses { get; } = [.. Statuses.Keys];
    /// <summary>Every attendance mark, in the order the register offers them.</summary>
    public static IReadOnlyList<AttendanceMark> AllMarks { get; } = [.. Marks.Keys];

    /// <summary>The type's code, such as <c>virtual-workshop</c>.</summary>
    public static string ToCode(this SessionType value) => Types[value].Code;
    /// <summary>The type as people read it, such as "Network webinar".</summary>
    public static string DisplayName(this SessionType value) => Types[value].Name;
    /// <summary>The status's code, such as <c>moved-online</c>.</summary>
    public static string ToCode(this SessionStatus value) => Statuses[value].Code;
    /// <summary>The status as people read it, such as "Moved online".</summary>
    public static string DisplayName(this SessionStatus value) => Statuses[value].Name;

    /// <summary>
    /// The status as lists and pages show it: "Held" for a session that ran (scheduled or moved online) and has ended,
    /// so a past session is never tagged "Scheduled"; otherwise the status's own name ("Cancelled", "Postponed", ...).
    /// </summary>
    public static string DisplayName(this SessionStatus value, bool ended) => WasHeld(value, ended) ? "Held" : value.DisplayName();

    /// <summary>Whether a session with this status that has <paramref name="ended"/> took place.</summary>
    public static bool WasHeld(this SessionStatus value, bool ended) => ended && value is SessionStatus.Scheduled or SessionStatus.MovedOnline;
    /// <summary>The booking status's code, such as <c>waitlisted</c>.</summary>
    public static string ToCode(this BookingStatus value) => BookingStatuses[value].Code;
    /// <summary>The booking status as people read it, such as "On the waiting list".</summary>
    public static string DisplayName(this BookingStatus value) => BookingStatuses[value].Name;
    /// <summary>The mark's code, such as <c>left-early</c>.</summary>
    public static string ToCode(this AttendanceMark value) => Marks[value].Code;
    /// <summary>The mark as people read it, such as "Excused (apologies)".</summary>
    public static string DisplayName(this AttendanceMark value) => Marks[value].Name;

    /// <summary>Reads a session type code, ignoring surrounding spaces; false if it is not one.</summary>
    public static bool TryParseType(string? code, out SessionType value) => TryParse(Types, code, out value);
    /// <summary>Reads a session status code, ignoring surrounding spaces; false if it is not one.</summary>
    public static bool TryParseStatus(string? code, out SessionStatus value) => TryParse(Statuses, code, out value);
    /// <summary>Reads an attendance mark code, ignoring surrounding spaces; false if it is not one.</summary>
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
