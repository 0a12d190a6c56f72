using Upon.Data;

namespace Upon.Audit;

/// <summary>
/// Writes audit lines of reads made outside any transaction (the coaching figures served from the cache, say) together:
/// lines that arrive while a write is under way wait for it and are written in the next, in one transaction, so that many
/// requests at once make a few writes instead of one each. Every caller waits until its own lines are committed, so no
/// line is lost and none is written after its answer has gone; a failed write fails each of its callers.
/// </summary>
public sealed class AuditGroupWriter(IServiceScopeFactory scopes)
{
    private sealed record Waiting(IReadOnlyList<AuditEvent> Events, TaskCompletionSource Written);

    private readonly Lock _lock = new();
    private List<Waiting> _queue = [];
    private bool _writing;

    /// <summary>How many writes were made (for the tests: fewer than the callers when they came at once).</summary>
    public long Writes => Interlocked.Read(ref _writes);

    private long _writes;

    /// <summary>Writes <paramref name="events"/>, with whatever else is waiting, and returns once they are committed.</summary>
    public Task WriteAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }
        var waiting = new Waiting(events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool lead;
        lock (_lock)
        {
            _queue.Add(waiting);
            lead = !_writing;
            _writing = true;
        }
        if (lead)
        {
            // Not the caller's token: the lines of others may be in this write.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }
        // A caller that gives up stops waiting; its lines are written all the same.
        return waiting.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<Waiting> batch;
            lock (_lock)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = _queue;
                _queue = [];
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
                db.AuditEvents.AddRange(batch.SelectMany(w => w.Events));
                await db.SaveChangesAsync();
                Interlocked.Increment(ref _writes);
                batch.ForEach(w => w.Written.TrySetResult());
            }
            catch (Exception e)
            {
                batch.ForEach(w => w.Written.TrySetException(e));
            }
        }
    }
}
