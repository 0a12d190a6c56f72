using NodaTime;

namespace Upon.Sessions;

/// <summary>Apologies sent in advance for a session, with the reason given. The register marks them excused.</summary>
public class Apology
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public required string Reason { get; set; }
    public Instant SentAt { get; set; }

    public const int MaxReasonLength = 1000;
}
