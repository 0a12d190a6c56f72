using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>Where an attendance mark came from.</summary>
public enum AttendanceSource
{
    Register,
    Teams,
    Zoom,
}

/// <summary>One line of a session's register: what the register says of one participant.</summary>
public class AttendanceRecord
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public AttendanceMark Mark { get; set; }

    /// <summary>Minutes in the meeting, when an attendance report gave them.</summary>
    public int? Minutes { get; set; }
    public AttendanceSource Source { get; set; }
    public Instant RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}
