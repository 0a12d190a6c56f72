using Microsoft.Extensions.Options;

namespace Upon.SessionFeedback;

/// <summary>Runs <see cref="FeedbackRunner"/> in the web app every <c>Feedback:RunMinutes</c>, so people are asked and reminded without anyone remembering.</summary>
public sealed class FeedbackBackgroundService(FeedbackRunner runner, Upon.Shared.Leases.LeasedRuns leasedRuns, IOptions<FeedbackOptions> options, ILogger<FeedbackBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.RunMinutes;
        if (minutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            try
            {
                // One instance runs it per period, however many there are.
                await leasedRuns.RunAsync("feedback-run", TimeSpan.FromMinutes(minutes), cancellationToken => runner.RunAsync(cancellationToken: cancellationToken), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again; each person's request commits on its own.
                logger.LogError(e, "The feedback run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
