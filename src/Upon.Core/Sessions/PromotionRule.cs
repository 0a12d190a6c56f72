namespace Upon.Core.Sessions;

/// <summary>
/// Who is given a seat when one frees (a cancellation, apologies, a higher capacity): the people waiting longest, in
/// queue order, one per free seat. A cancelled session promotes nobody.
/// </summary>
public static class PromotionRule
{
    /// <summary>The places on the waiting list that become seats, first in the queue first.</summary>
    /// <param name="status">The session's status.</param>
    /// <param name="booked">Seats taken, after the change that freed one.</param>
    /// <param name="capacity">The session's capacity.</param>
    /// <param name="waiting">Everyone on the waiting list, in any order.</param>
    /// <param name="queueNumber">Each place's number in the queue.</param>
    public static IReadOnlyList<T> WhoIsPromoted<T>(SessionStatus status, int booked, int capacity, IEnumerable<T> waiting, Func<T, long> queueNumber)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(queueNumber);
        if (status == SessionStatus.Cancelled)
        {
            return [];
        }
        return [.. waiting.OrderBy(queueNumber).Take(CapacityRule.FreeSeats(booked, capacity))];
    }
}
