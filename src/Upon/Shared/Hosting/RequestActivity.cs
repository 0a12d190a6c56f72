namespace Upon.Shared.Hosting;

/// <summary>
/// Whether the web app is serving: the requests under way, how many have been answered, and when the last one ended.
/// Counted by the first middleware of the pipeline; read by <see cref="StartGate"/> (which opens on the first answer) and
/// <see cref="IdleMemoryTrimmer"/>.
/// </summary>
public sealed class RequestActivity
{
    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _inFlight;
    private long _answered;
    private long _lastEndedTicks = Environment.TickCount64;

    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Requests answered since the app started.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Completes when the first request has ended, answered or not.</summary>
    public Task FirstAnswer => _firstAnswer.Task;

    /// <summary>How long since the last request ended (or since the app started, before any).</summary>
    public TimeSpan QuietFor => TimeSpan.FromMilliseconds(Math.Max(0, Environment.TickCount64 - Interlocked.Read(ref _lastEndedTicks)));

    public void Began() => Interlocked.Increment(ref _inFlight);

    public void Ended()
    {
        Interlocked.Exchange(ref _lastEndedTicks, Environment.TickCount64);
        var answered = Interlocked.Increment(ref _answered);
        Interlocked.Decrement(ref _inFlight);
        if (answered == 1)
        {
            _firstAnswer.TrySetResult();
        }
    }
}

public static class RequestActivitySetup
{
    /// <summary>
    /// Counts every request in <see cref="RequestActivity"/>: the first middleware of the pipeline, so that all are counted
    /// and the first answer opens the <see cref="StartGate"/>.
    /// </summary>
    public static IApplicationBuilder UseRequestActivity(this IApplicationBuilder app)
    {
        var activity = app.ApplicationServices.GetRequiredService<RequestActivity>();
        return app.Use(async (context, next) =>
        {
            activity.Began();
            try
            {
                await next(context);
            }
            finally
            {
                activity.Ended();
            }
        });
    }
}
