using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>Keeps a session's London wall-clock times and their instants together, and locks a session for a change.</summary>
public static class SessionSchedule
{
    /// <summary>
    /// Checks a start and end in London: each must be a time that happens exactly once (not in the hour skipped or repeated
    /// when the clocks change), and the end must come after the start. Problems are keyed <c>Start</c> and <c>End</c>.
    /// </summary>
    public static Dictionary<string, string> Check(LocalDateTime start, LocalDateTime end)
    {
        var errors = new Dictionary<string, string>();
        if (!SessionTimes.TryResolve(start, out _, out var startProblem))
        {
            errors["Start"] = startProblem;
        }
        if (!SessionTimes.TryResolve(end, out _, out var endProblem))
        {
            errors["End"] = endProblem;
        }
        if (end <= start)
        {
            errors.TryAdd("End", "The end must be after the start");
        }
        return errors;
    }

    /// <summary>Sets <see cref="Session.Start"/>, <see cref="Session.End"/> and their instants together.</summary>
    /// <exception cref="ArgumentException">A time is not exactly one instant in London, or the end is not after the start (check first with <see cref="Check"/>).</exception>
    public static void SetTimes(Session session, LocalDateTime start, LocalDateTime end)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!SessionTimes.TryResolve(start, out var startUtc, out var startProblem))
        {
            throw new ArgumentException(startProblem, nameof(start));
        }
        if (!SessionTimes.TryResolve(end, out var endUtc, out var endProblem))
        {
            throw new ArgumentException(endProblem, nameof(end));
        }
        if (endUtc <= startUtc)
        {
            throw new ArgumentException("The end must be after the start.", nameof(end));
        }
        session.Start = start;
        session.End = end;
        session.StartUtc = startUtc;
        session.EndUtc = endUtc;
    }

    /// <summary>A new iCalendar UID, set once when a session is created.</summary>
    public static string NewUid() => $"{Guid.NewGuid():N}@upon";

    /// <summary>
    /// Takes the session's row for the rest of the current transaction, as <see cref="BookingService"/> does, so that
    /// bookings and other changes to it wait (a row lock on PostgreSQL, the write lock on SQLite). False if there is no
    /// such session.
    /// </summary>
    public static async Task<bool> LockAsync(UponDbContext db, int sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.LockRowAsync<Session>(sessionId, cancellationToken);
        return await db.Sessions.AnyAsync(s => s.Id == sessionId, cancellationToken);
    }
}
