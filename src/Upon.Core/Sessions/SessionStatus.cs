namespace Upon.Core.Sessions;

/// <summary>Where a session stands. A session that moves online or is postponed still runs; a cancelled one does not.</summary>
public enum SessionStatus
{
    Scheduled,
    MovedOnline,
    Postponed,
    Cancelled,
}
