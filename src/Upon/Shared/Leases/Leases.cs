using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Shared.Leases;

/// <summary>
/// Database leases, so that something several instances of the app all do on a timer (a daily run) is done by one of
/// them per period. A lease is taken with one conditional UPDATE (<c>... WHERE Name = @name AND ExpiresAt &lt;= @now</c>),
/// or, the first time, one INSERT that the primary key lets only one instance make; both are atomic on SQLite and
/// PostgreSQL alike, so whoever else tries at the same moment finds the lease taken. A lease is never renewed: until it
/// expires it is refused to everyone, its holder too (the run it guards has had its turn this period).
/// </summary>
public sealed class Leases(UponDbContext db, IClock clock, LeaseHolder holder)
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for this instance until <paramref name="length"/> from now, when it is free
    /// (never taken, or expired); true when taken.
    /// </summary>
    public async Task<bool> TryTakeAsync(string name, Duration length, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, Lease.MaxNameLength, nameof(name));
        if (length <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(length), "A lease lasts some time.");
        }
        var now = clock.GetCurrentInstant();
        var until = now + length;
        var me = holder.Name;
        var taken = await db.Leases
            .Where(l => l.Name == name && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        if (await db.Leases.AsNoTracking().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false;
        }
        var lease = new Lease { Name = name, Holder = me, ExpiresAt = until };
        db.Leases.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first: the lease is theirs.
            return false;
        }
        finally
        {
            db.Entry(lease).State = EntityState.Detached;
        }
    }

    /// <summary>Gives the lease up now, if this instance holds it (after a failed run, so that another may try).</summary>
    public Task<int> ReleaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var me = holder.Name;
        return db.Leases.Where(l => l.Name == name && l.Holder == me && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), cancellationToken);
    }
}

/// <summary>This instance of the app as a lease holder: machine, process and a random id (two hosts in one process differ).</summary>
public sealed class LeaseHolder
{
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
