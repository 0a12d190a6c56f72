namespace Upon.Core.Sessions;

/// <summary>What the register says of one person at one session.</summary>
public enum AttendanceMark
{
    Present,
    Late,
    LeftEarly,
    /// <summary>Sent apologies.</summary>
    Excused,
    Absent,
}
