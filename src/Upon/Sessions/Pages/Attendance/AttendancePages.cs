using System.Globalization;

namespace Upon.Sessions.Pages.Attendance;

/// <summary>The addresses of the attendance pages.</summary>
public static class AttendancePages
{
    public const string Figures = "/sessions/attendance";

    public static string Register(int sessionId) => $"/sessions/{sessionId.ToString(CultureInfo.InvariantCulture)}/register";

    public static string Import(int sessionId) => $"{Register(sessionId)}/import";
}
