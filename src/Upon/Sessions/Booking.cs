using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Sessions;

/// <summary>
/// A participant's place on a session: booked, waiting, or cancelled. One row per participant and session; booking
/// again after cancelling reuses it. The waiting list is ordered by <see cref="Queue"/>, handed out in arrival order
/// while the session is locked.
/// </summary>
public class Booking
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public BookingStatus Status { get; set; }
    public long Queue { get; set; }
    public Instant RequestedAt { get; set; }
    public Instant? BookedAt { get; set; }
    public Instant? CancelledAt { get; set; }

    /// <summary>The account that made the booking (the participant, or staff on their behalf).</summary>
    public string? RequestedByUserId { get; set; }
}
