using NodaTime;

namespace Upon.Shared.Leases;

/// <summary>
/// A row of <c>leases</c>: who holds the named lease (<see cref="Holder"/>, an instance of the app) and until when. Taken
/// by <see cref="Leases"/> only when no one holds it or the holder's time has run out, so a run guarded by a lease runs on
/// one instance at a time.
/// </summary>
public sealed class Lease
{
    /// <summary>The longest lease name (a run's name, such as <c>retention-run</c>).</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest holder (an instance: machine, process and a random id).</summary>
    public const int MaxHolderLength = 200;

    public string Name { get; set; } = "";

    public string Holder { get; set; } = "";

    public Instant ExpiresAt { get; set; }
}
