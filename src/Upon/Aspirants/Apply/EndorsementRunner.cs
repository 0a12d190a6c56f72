using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core;
using Upon.Core.Aspirants;
using Upon.Data;

namespace Upon.Aspirants.Apply;

/// <summary>The Aspirant Directors settings this part reads (<c>Aspirants:...</c>).</summary>
public sealed class AspirantsApplyOptions
{
    /// <summary><c>Aspirants:EndorsementRunMinutes</c>: how often the web app runs the Aspirant Directors run (endorsement reminders, overdue offers, completion); 0 turns it off.</summary>
    public int EndorsementRunMinutes { get; set; } = 60;

    /// <summary><c>Aspirants:Completion</c>.</summary>
    public CompletionSettings Completion { get; set; } = new();

    public sealed class CompletionSettings
    {
        /// <summary><c>Aspirants:Completion:MinTaughtDays</c>: taught days attended to complete, for a cohort that does not set its own (default 6 of 8).</summary>
        public int MinTaughtDays { get; set; } = 6;
    }
}

/// <param name="Reminded">Reminders sent to endorsing directors.</param>
/// <param name="Completed">Accepted applicants whose completion was recorded (completed or not) after their cohort's taught days.</param>
/// <param name="Expired">Offers that passed their deadline unanswered, each place offered to the first on the waiting list.</param>
public sealed record AspirantRunResult(int Reminded, int Completed, int Expired = 0);

/// <summary>
/// Sends the endorsement reminders that are due (<see cref="EndorsementReminders"/>), each in its own transaction with
/// its row locked and its email in the outbox in that transaction, so two runs never remind twice; then expires overdue
/// offers (<see cref="Selection.ExpireAllOverdueAsync"/>: each once, however many instances run); then records completion
/// for cohorts whose taught days are over.
/// </summary>
public sealed class EndorsementRunner(IServiceScopeFactory scopes, IClock clock, ILogger<EndorsementRunner> logger)
{
    public async Task<AspirantRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.TodayInLondon();
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
            var open = await db.AspirantEndorsements.AsNoTracking()
                .Where(e => e.Endorsed == null && e.RequestedAt != null && e.DueOn != null && e.ProtectedToken != null && e.RemindersSent < EndorsementReminders.MaxReminders)
                .Select(e => new { e.Id, e.RequestedAt, e.DueOn, e.LastReminderAt, e.RemindersSent }).ToListAsync(cancellationToken);
            due = [.. open.Where(e => EndorsementReminders.Due(e.RequestedAt!.Value.InZone(Time.London).Date, e.DueOn!.Value, today,
                e.LastReminderAt?.InZone(Time.London).Date, e.RemindersSent)).Select(e => e.Id)];
        }
        var reminded = 0;
        foreach (var id in due)
        {
            if (await RemindAsync(id, today, cancellationToken))
            {
                reminded++;
            }
        }
        int expired;
        await using (var scope = scopes.CreateAsyncScope())
        {
            expired = await scope.ServiceProvider.GetRequiredService<Selection>().ExpireAllOverdueAsync(cancellationToken);
        }
        int completed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            completed = await scope.ServiceProvider.GetRequiredService<CohortYear.OfferResponse>().RecordCompletionAsync(cancellationToken);
        }
        if (reminded + completed + expired > 0)
        {
            logger.LogInformation("Aspirants: {Reminded} endorsement reminders, {Expired} offers expired, {Completed} completions recorded", reminded, expired, completed);
        }
        return new AspirantRunResult(reminded, completed, expired);
    }

    private async Task<bool> RemindAsync(int id, LocalDate today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<AspirantEndorsement>(id, cancellationToken);
        var endorsement = await db.AspirantEndorsements.Include(e => e.Application).ThenInclude(a => a!.Cohort).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endorsement is null || endorsement.Endorsed is not null || endorsement.RequestedAt is null || endorsement.DueOn is not { } dueOn
            || !EndorsementReminders.Due(endorsement.RequestedAt.Value.InZone(Time.London).Date, dueOn, today, endorsement.LastReminderAt?.InZone(Time.London).Date, endorsement.RemindersSent)
            || scope.ServiceProvider.GetRequiredService<Endorsements>().LinkOf(endorsement) is not { } link)
        {
            return false;
        }
        endorsement.RemindersSent++;
        endorsement.LastReminderAt = clock.GetCurrentInstant();
        ApplyEmails.EndorsementReminder(db, endorsement.Application!, endorsement.Application!.Cohort!, dueOn, link);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>Runs <see cref="EndorsementRunner"/> in the web app every <c>Aspirants:EndorsementRunMinutes</c>.</summary>
public sealed class EndorsementBackgroundService(EndorsementRunner runner, Upon.Shared.Leases.LeasedRuns leasedRuns, IOptions<AspirantsApplyOptions> options, ILogger<EndorsementBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.EndorsementRunMinutes;
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
                await leasedRuns.RunAsync("endorsement-run", TimeSpan.FromMinutes(minutes), runner.RunAsync, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The aspirants run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
