using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>When a session is open to book: from when it is published until it starts, unless it has been cancelled.</summary>
public static class BookingWindowRule
{
    /// <summary>The message for a cancelled session.</summary>
    public const string Cancelled = "This session has been cancelled.";

    /// <summary>The message for a session that has started (or is over).</summary>
    public const string Started = "This session has already started.";

    /// <summary>Why a session with this status and start cannot be booked now, or null when it can.</summary>
    public static string? WhyClosed(SessionStatus status, Instant start, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (status == SessionStatus.Cancelled)
        {
            return Cancelled;
        }
        return start <= clock.GetCurrentInstant() ? Started : null;
    }
}
