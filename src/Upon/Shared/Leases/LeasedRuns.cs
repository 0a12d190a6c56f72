using NodaTime;

namespace Upon.Shared.Leases;

/// <summary>
/// Runs a periodic job (the daily retention run, the invitation, feedback and endorsement runs ...) on one instance per
/// period, whatever the number of instances: each instance's timer calls <see cref="RunAsync"/>, and only the one that
/// takes the job's lease runs it. The lease lasts the period less a small margin, so the instance that ran keeps its turn
/// at its next tick, and another takes over within one of its own periods when that instance stops.
/// </summary>
public sealed class LeasedRuns(IServiceScopeFactory scopes, ILogger<LeasedRuns> logger)
{
    /// <summary>
    /// Runs <paramref name="run"/> when this instance takes the lease <paramref name="name"/> for <paramref name="period"/>
    /// (less a margin of a twentieth of it, at most a minute); true when it ran. A failed run gives the lease up, so that the
    /// next tick on any instance tries again, and the exception goes to the caller.
    /// </summary>
    public async Task<bool> RunAsync(string name, TimeSpan period, Func<CancellationToken, Task> run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var length = Duration.FromTimeSpan(period);
        length -= Duration.Min(length / 20, Duration.FromMinutes(1));
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (!await scope.ServiceProvider.GetRequiredService<Leases>().TryTakeAsync(name, length, cancellationToken))
            {
                logger.LogInformation("{Run}: another instance holds the lease", name);
                return false;
            }
        }
        logger.LogInformation("{Run}: this instance took the lease and runs it", name);
        try
        {
            await run(cancellationToken);
            return true;
        }
        catch
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Leases>().ReleaseAsync(name, CancellationToken.None);
            throw;
        }
    }
}
