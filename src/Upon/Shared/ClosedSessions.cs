namespace Upon.Shared;

/// <summary>
/// A feature whose sessions are only for the people booked on them (an action learning set's meetings): nobody else
/// sees them among the sessions they can book or books them themselves. Staff still book anyone. Sessions asks every
/// source without depending on the features that implement it.
/// </summary>
public interface IClosedSessionSource
{
    /// <summary>Which of <paramref name="sessionIds"/> are closed to everyone not booked on them.</summary>
    Task<IReadOnlySet<int>> ClosedAmongAsync(IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken);
}
