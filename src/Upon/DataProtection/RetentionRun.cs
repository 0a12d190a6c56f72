using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.DataProtection;

/// <summary>What a retention run found due (the summary staff read first) and what it did.</summary>
public sealed record RetentionReport(LocalDate AsOf, bool DryRun, IReadOnlyList<string> Due, IReadOnlyList<string> Done);

/// <summary>
/// Applies the data map's retention periods: asks every feature (<see cref="IPersonalDataProvider.FindRetentionDueAsync"/>)
/// what is due today, writes that summary to the audit log first, then erases it as an erasure on request would (a whole
/// person, or rows by their table's policy), and writes what it did. A rule's person kept nowhere else loses their account
/// and their address in the audit log with their rows (<see cref="PersonalData.EraseAccountIfGoneAsync"/>). Run daily by
/// <see cref="RetentionBackgroundService"/> and by <c>upon privacy purge</c>.
/// </summary>
public sealed class RetentionRun(PersonalData personalData, ILiveParticipants liveParticipants, IEnumerable<IProgrammeActivity> activity, AuditLog audit, UponDbContext db, IClock clock)
{
    public async Task<RetentionReport> RunAsync(LocalDate? asOf = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var today = asOf ?? clock.TodayInLondon();
        var context = new RetentionContext(today, DataMap.RetentionPeriods,
            await liveParticipants.ReadAsync(cancellationToken), await ActivityByEmail.ReadAsync(activity, today, cancellationToken));
        var due = new List<RetentionDue>();
        foreach (var provider in personalData.Providers)
        {
            due.AddRange(await provider.FindRetentionDueAsync(context, cancellationToken));
        }
        var summary = due.Select(d => $"{d.Rule}: {d.Description}").ToList();
        if (dryRun)
        {
            return new RetentionReport(today, true, summary, []);
        }
        if (due.Count == 0)
        {
            return new RetentionReport(today, false, [], []);
        }
        var day = NodaTime.Text.LocalDatePattern.Iso.Format(today);
        await audit.RecordAsync(AuditActions.RetentionRun, "RetentionRun", day, "Due: " + string.Join("; ", summary), cancellationToken: cancellationToken);
        var done = new List<string>();
        foreach (var item in due)
        {
            if (item.Subject is { } subject)
            {
                var result = await personalData.EraseAsync(subject, $"Retention ({item.Rule})", cancellationToken);
                done.Add(result is null ? $"{item.Rule}: nothing left to erase" : $"{item.Rule}: a person erased as {result.Pseudonym} ({result.Rows} rows, {result.AuditEntriesShredded} audit entries shredded)");
            }
            else if (item.People is { Count: > 0 } people)
            {
                var erased = 0;
                var shredded = 0;
                var gone = 0;
                var accounts = 0;
                var tables = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var person in people)
                {
                    var rows = person.SelectMany(r => r.Rows.Where(x => db.Entry(x).State != EntityState.Detached).Select(x => (r.Table, Row: x))).ToList();
                    if (rows.Count == 0)
                    {
                        continue;
                    }
                    // Read before the erasure replaces them.
                    var addresses = personalData.AddressesIn(rows.Select(r => r.Row));
                    // One pseudonym per person: the same pseudonymous address in each of their tables, and in the audit log.
                    var pseudonym = PersonalData.NewPseudonym();
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    shredded += await personalData.EraseRowsAsync([.. rows.Select(r => r.Row)], pseudonym, cancellationToken);
                    var wholly = false;
                    foreach (var address in addresses)
                    {
                        if (await personalData.EraseAccountIfGoneAsync(new DataSubject(address), pseudonym, cancellationToken) is { } account)
                        {
                            wholly = true;
                            accounts += account.Accounts;
                            shredded += account.AuditEntriesShredded;
                        }
                    }
                    await transaction.CommitAsync(cancellationToken);
                    erased += rows.Count;
                    gone += wholly ? 1 : 0;
                    tables.UnionWith(rows.Select(r => r.Table));
                }
                done.Add($"{item.Rule}: {erased} rows of {people.Count} people in {string.Join(", ", tables)} erased, each person under their own pseudonym; " +
                    $"{gone} of them kept nowhere else, their {accounts} accounts erased ({shredded} audit entries shredded)");
            }
            else if (item.Rows is { Rows.Count: > 0 } found)
            {
                // An erasure earlier in this run may already have deleted some of these rows (a person's own problem report).
                var rows = found with { Rows = [.. found.Rows.Where(r => db.Entry(r).State != EntityState.Detached)] };
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var shredded = await personalData.EraseRowsAsync(rows.Rows, PersonalData.NewPseudonym(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                done.Add($"{item.Rule}: {rows.Rows.Count} rows of {rows.Table} erased ({shredded} audit entries shredded)");
            }
        }
        await audit.RecordAsync(AuditActions.RetentionRun, "RetentionRun", day, "Done: " + string.Join("; ", done), cancellationToken: cancellationToken);
        return new RetentionReport(today, false, summary, done);
    }
}

/// <summary><c>DataProtection:RetentionRunHours</c>: how often the web app runs the retention run (24 by default; 0 turns it off).</summary>
public sealed class DataProtectionOptions
{
    public int RetentionRunHours { get; set; } = 24;
}

/// <summary>Runs <see cref="RetentionRun"/> in the web app once a day (by default), so expired data goes without anyone remembering.</summary>
public sealed class RetentionBackgroundService(IServiceScopeFactory scopes, Upon.Shared.Leases.LeasedRuns leasedRuns, IOptions<DataProtectionOptions> options, ILogger<RetentionBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hours = options.Value.RetentionRunHours;
        if (hours <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours));
        do
        {
            try
            {
                // One instance runs it per period, however many there are.
                await leasedRuns.RunAsync("retention-run", TimeSpan.FromHours(hours), async cancellationToken =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAsync(cancellationToken: cancellationToken);
                    logger.LogInformation("Retention run for {Day}: {Due} due, {Done} done", report.AsOf, report.Due.Count, report.Done.Count);
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Each erasure commits on its own; the next run picks up what is still due.
                logger.LogError(e, "The retention run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
