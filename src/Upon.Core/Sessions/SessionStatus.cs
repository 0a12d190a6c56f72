namespace Upon.Core.Sessions;

/// <summary>Where a session stands. A session that moves online or is postponed still runs; a cancelled one does not.</summary>
public enum SessionStatus
{
    /// <summary>Running as first planned.</summary>
    Scheduled,

    /// <summary>An in-person session now held online by video link, at the same date and time.</summary>
    MovedOnline,

    /// <summary>Moved to a new date and time; bookings and the waiting list carry over.</summary>
    Postponed,

    /// <summary>Not running. It stays in lists and calendars, and its bookings stay as the record; it cannot change again.</summary>
    Cancelled,
}
