namespace Upon.Core.Sessions;

/// <summary>What the register says of one person at one session.</summary>
public enum AttendanceMark
{
    /// <summary>Attended, neither late nor leaving early.</summary>
    Present,

    /// <summary>Attended but joined more than 10 minutes after the start.</summary>
    Late,

    /// <summary>Attended but left more than 10 minutes before the end, or (from minutes alone) stayed under 75% of it.</summary>
    LeftEarly,

    /// <summary>Sent apologies.</summary>
    Excused,

    /// <summary>Expected but did not attend, without apologies.</summary>
    Absent,
}
