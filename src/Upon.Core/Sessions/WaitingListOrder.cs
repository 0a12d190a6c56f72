namespace Upon.Core.Sessions;

/// <summary>
/// The waiting list is first come, first served: each request (to book, or to book again after cancelling) takes the
/// next number in the session's queue, and a person's place is counted from the people waiting with lower numbers.
/// </summary>
public static class WaitingListOrder
{
    /// <summary>The queue number for the next request, after the highest given so far (null when none has been).</summary>
    public static long NextQueueNumber(long? highestSoFar) => (highestSoFar ?? 0) + 1;

    /// <summary>A place on the waiting list, 1 for the first person, from how many are waiting ahead.</summary>
    public static int Position(int waitingAhead)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(waitingAhead);
        return waitingAhead + 1;
    }
}
