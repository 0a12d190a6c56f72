using NodaTime;

namespace Upon.DataProtection;

/// <summary>What a person asked for by email: a copy of their data, or its erasure.</summary>
public enum SubjectRequestKind
{
    Access,
    Erasure,
}

/// <summary>
/// A data protection request made outside Upon (by email or letter), on the administrators' to-do list until it is
/// answered. It is due one calendar month after it was received, as the ICO expects.
/// </summary>
public class SubjectRequest
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public SubjectRequestKind Kind { get; set; }
    public LocalDate ReceivedOn { get; set; }
    public LocalDate DueOn { get; set; }
    public string? Notes { get; set; }
    public Instant RecordedAt { get; set; }
    public required string RecordedBy { get; set; }
    public Instant? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }

    /// <summary>The day a request received on <paramref name="receivedOn"/> must be answered by: one calendar month later.</summary>
    public static LocalDate DueFor(LocalDate receivedOn) => receivedOn.PlusMonths(1);

    public const int MaxNotesLength = 2000;
}
