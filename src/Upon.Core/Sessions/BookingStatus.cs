namespace Upon.Core.Sessions;

/// <summary>A person's place on a session: a seat, a place in the waiting list, or given up.</summary>
public enum BookingStatus
{
    Booked,
    Waitlisted,
    Cancelled,
}
