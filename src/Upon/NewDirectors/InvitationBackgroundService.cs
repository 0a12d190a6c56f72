using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core;

namespace Upon.NewDirectors;

/// <summary>How often the web app runs the invitations (<c>NewDirectors:InvitationRunMinutes</c>; 0 turns it off).</summary>
public sealed class NewDirectorsOptions
{
    public int InvitationRunMinutes { get; set; } = 15;

    /// <summary>
    /// <c>NewDirectors:InvitingSince</c>: the day the programme began inviting first-time directors, the first day of a
    /// financial year (1 April). Years and first posts before it are not in the invitation figures.
    /// </summary>
    public string InvitingSince { get; set; } = "2020-04-01";

    /// <summary><see cref="InvitingSince"/> as a date, or null when it is not the 1 April of a year.</summary>
    public LocalDate? InvitingSinceDate =>
        NodaTime.Text.LocalDatePattern.Iso.Parse(InvitingSince ?? "") is { Success: true } parsed && parsed.Value is { Month: 4, Day: 1 } && parsed.Value >= Upon.Core.PlausibleDates.Earliest
            ? parsed.Value
            : null;
}

/// <summary>
/// Runs <see cref="InvitationRunner"/> in the web app every few minutes, so invitations go without anyone remembering,
/// then <see cref="JourneyService.AdvanceStagesAsync"/> (idempotent, so running it more than daily records nothing new).
/// </summary>
public sealed class InvitationBackgroundService(InvitationRunner runner, IServiceScopeFactory scopes, Upon.Shared.Leases.LeasedRuns leasedRuns, IClock clock, IOptions<NewDirectorsOptions> options, ILogger<InvitationBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.InvitationRunMinutes;
        if (minutes <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            var period = TimeSpan.FromMinutes(minutes);
            // One instance runs each per period, however many there are.
            try
            {
                await leasedRuns.RunAsync("invitation-run", period, cancellationToken => runner.RunAsync(cancellationToken: cancellationToken), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next run tries again; nothing is half-sent because each invitation commits on its own.
                logger.LogError(e, "The invitation run failed");
            }
            try
            {
                await leasedRuns.RunAsync("journey-run", period, async cancellationToken =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<JourneyService>().AdvanceStagesAsync(clock.TodayInLondon(), cancellationToken);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The journey run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
