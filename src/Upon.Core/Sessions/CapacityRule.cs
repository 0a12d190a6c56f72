namespace Upon.Core.Sessions;

/// <summary>A session seats at most its capacity: a request that arrives when every seat is taken joins the waiting list.</summary>
public static class CapacityRule
{
    /// <summary>What a request gets when <paramref name="booked"/> seats of <paramref name="capacity"/> are taken.</summary>
    public static BookingStatus StatusForRequest(int booked, int capacity) =>
        booked < capacity ? BookingStatus.Booked : BookingStatus.Waitlisted;

    /// <summary>How many seats are free; never negative (capacity may be lowered below the seats already taken).</summary>
    public static int FreeSeats(int booked, int capacity) => Math.Max(0, capacity - booked);
}
