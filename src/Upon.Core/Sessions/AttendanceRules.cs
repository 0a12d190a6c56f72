using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>Whether a session's register can be marked now.</summary>
public enum RegisterAvailability
{
    /// <summary>The session has started (or is over) and was not cancelled: it can be marked.</summary>
    Open,

    /// <summary>The session has not started yet: nobody can have attended it.</summary>
    NotStarted,

    /// <summary>The session was cancelled: it did not take place.</summary>
    Cancelled,
}

/// <summary>The rules of marking a register, shared by the register page and the import of attendance reports.</summary>
public static class AttendanceRules
{
    /// <summary>
    /// A register opens when the session starts (so a session under way can be marked as people arrive) and stays
    /// open afterwards for corrections. A cancelled session has no register, whenever it was due.
    /// </summary>
    public static RegisterAvailability AvailabilityOf(SessionStatus status, Instant start, Instant now) =>
        status == SessionStatus.Cancelled ? RegisterAvailability.Cancelled
        : now < start ? RegisterAvailability.NotStarted
        : RegisterAvailability.Open;

    /// <summary>
    /// The mark for someone expected who did not come: excused when they sent apologies in advance, otherwise absent.
    /// </summary>
    public static AttendanceMark MarkForNoShow(bool sentApologies) => sentApologies ? AttendanceMark.Excused : AttendanceMark.Absent;
}
