namespace Upon.Core.Sessions;

/// <summary>A person's place on a session: a seat, a place in the waiting list, or given up.</summary>
public enum BookingStatus
{
    /// <summary>Holds one of the session's seats.</summary>
    Booked,

    /// <summary>On the waiting list, in queue order, for the next freed seat.</summary>
    Waitlisted,

    /// <summary>Gave up their seat or left the waiting list.</summary>
    Cancelled,
}
