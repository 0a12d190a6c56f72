using Upon.Sessions;

namespace Upon.Participants.Pages;

/// <summary>
/// What the attendance record partial shows: a person's record, and for whom. Staff see who recorded each mark and
/// link to the session's register; a participant sees their own record and links to their session pages.
/// </summary>
public sealed record AttendanceHistoryView(AttendanceHistory History, bool ForStaff)
{
    public string SessionUrl(Session session) => ForStaff ? Sessions.Pages.Attendance.AttendancePages.Register(session.Id) : $"/my/sessions/{session.Id}";
}
