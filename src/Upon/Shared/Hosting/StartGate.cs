using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Upon.Shared.Hosting;

/// <summary>
/// Start-up timing and the gate the web app's background work waits at. Each start-up step is logged at Debug under
/// <see cref="Category"/> (bench/README.md gives the breakdown); the periodic runs and the outbox sender start once the
/// first request has been answered, or <c>Hosting:BackgroundStartSeconds</c> (5 by default) after the app started,
/// whichever comes first, so that on a small machine they do not compete with the first request for the cores.
/// </summary>
public sealed class StartGate
{
    /// <summary>The log category of the start-up timings.</summary>
    public const string Category = "Upon.Startup";

    private readonly IHostApplicationLifetime _lifetime;
    private readonly IConfiguration _configuration;
    private readonly Task _firstAnswer;

    /// <param name="activity">The requests counted by <see cref="RequestActivitySetup.UseRequestActivity"/>: the first answer opens the gate.</param>
    public StartGate(IHostApplicationLifetime lifetime, IConfiguration configuration, ILoggerFactory loggers, RequestActivity activity)
    {
        _lifetime = lifetime;
        _configuration = configuration;
        _firstAnswer = activity.FirstAnswer;
        var logger = loggers.CreateLogger(Category);
        _firstAnswer.ContinueWith(
            _ => logger.LogDebug("Start-up: the first request was answered {Milliseconds} ms after launch", (long)SinceLaunch.TotalMilliseconds),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>How long ago the process was launched (the runtime's own start included).</summary>
    public static TimeSpan SinceLaunch
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return DateTime.Now - process.StartTime;
        }
    }

    /// <summary>Waits until the app has started and then for the first answer, at most <c>Hosting:BackgroundStartSeconds</c>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
        {
            await started.Task;
        }
        var seconds = Math.Clamp(_configuration.GetValue("Hosting:BackgroundStartSeconds", 5.0), 0, 600);
        if (seconds > 0)
        {
            await Task.WhenAny(_firstAnswer, Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}

/// <summary>A hosted service started once <see cref="StartGate"/> opens (and stopped with the app, started or not).</summary>
public sealed class GatedHostedService<T>(T inner, StartGate gate, ILoggerFactory loggers) : IHostedService, IDisposable
    where T : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _starting = Task.CompletedTask;
    private bool _started;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = StartWhenOpenAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task StartWhenOpenAsync(CancellationToken stopping)
    {
        try
        {
            await gate.WaitAsync(stopping);
            await inner.StartAsync(stopping);
            _started = true;
            loggers.CreateLogger(StartGate.Category).LogDebug("Start-up: {Service} started {Milliseconds} ms after launch", typeof(T).Name, (long)StartGate.SinceLaunch.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before it started.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting;
        if (_started)
        {
            await inner.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();
}

public static class StartGateSetup
{
    /// <summary>Runs <typeparamref name="T"/> (a singleton) as a hosted service started by <see cref="StartGate"/>.</summary>
    public static IServiceCollection AddGatedHostedService<T>(this IServiceCollection services)
        where T : class, IHostedService
    {
        services.TryAddSingleton<RequestActivity>();
        services.TryAddSingleton<StartGate>();
        services.TryAddSingleton<T>();
        return services.AddHostedService(sp => new GatedHostedService<T>(
            sp.GetRequiredService<T>(), sp.GetRequiredService<StartGate>(), sp.GetRequiredService<ILoggerFactory>()));
    }
}
