using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Email;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Shared.Leases;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;
using Upon.Tests.NewDirectors;

namespace Upon.Tests.Shared.Figures;

/// <summary>
/// Two instances of the real host on one PostgreSQL database with their background work on, as in production: both
/// outbox senders polling one real SMTP server on loopback, and every periodic run (retention, feedback, endorsements,
/// invitations, journeys) started on both.
/// </summary>
public sealed class TwoInstancesRunsApp() : UponApp(DatabaseProvider.Postgres), IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>The settings both instances run with.</summary>
    public IEnumerable<KeyValuePair<string, string?>> InstanceSettings =>
    [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:UseStartTls", "false"),
        new("Email:Smtp:TimeoutSeconds", "10"),
        new("Email:PollSeconds", "1"),
        new("Email:BatchSize", "2"),
        new("DataProtection:RetentionRunHours", "24"),
        new("Feedback:RunMinutes", "60"),
        new("Aspirants:EndorsementRunMinutes", "60"),
        new("NewDirectors:InvitationRunMinutes", "60"),
    ];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => InstanceSettings;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Each outbox email sent once, each New Directors invitation once, and each periodic run run once per period, across two instances.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes it through IAsyncLifetime.DisposeAsync.")]
public sealed class TwoInstancesRunsTests : IClassFixture<TwoInstancesRunsApp>, IAsyncLifetime
{
    private static readonly string[] Runs = ["retention-run", "feedback-run", "endorsement-run", "invitation-run", "journey-run"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TwoInstancesRunsApp _app;
    private readonly CapturedLogs _secondLogs = new();
    private readonly SecondInstance _second;

    public TwoInstancesRunsTests(TwoInstancesRunsApp app)
    {
        _app = app;
        _second = new SecondInstance(app, app.InstanceSettings, services => services.AddSingleton<ILoggerProvider>(_secondLogs));
    }

    public async Task InitializeAsync()
    {
        if (_app.Unavailable is null)
        {
            await _second.StartAsync();
        }
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    private static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Still waiting for {what} after {Patience.TotalSeconds} s.");
            await Task.Delay(200);
        }
    }

    private static int Took(CapturedLogs logs, string run) =>
        logs.Entries.Count(e => e.Category == typeof(LeasedRuns).FullName && e.Message == $"{run}: this instance took the lease and runs it");

    private static bool Tried(CapturedLogs logs, string run) =>
        logs.Entries.Any(e => e.Category == typeof(LeasedRuns).FullName && e.Message.StartsWith($"{run}: ", StringComparison.Ordinal));

    [SkippableFact]
    public async Task EachOutboxEmail_IsSentOnce_WithBothInstancesSendersRunning()
    {
        _app.RequireDatabase();
        var recipients = Enumerable.Range(0, 30).Select(i => OutboxTesting.Address($"two-instances{i}")).ToList();
        foreach (var to in recipients)
        {
            await _app.EnqueueAsync(to, "Sent once");
        }

        await WaitForAsync(() => Task.FromResult(recipients.All(to => _app.Smtp.To(to).Count > 0)), "every message to arrive");
        // Both senders keep polling: give them a few more rounds to send anything twice.
        await Task.Delay(TimeSpan.FromSeconds(3));

        foreach (var to in recipients)
        {
            Assert.Single(_app.Smtp.To(to));
        }
        var claimedBy = await _app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => recipients.Contains(m.To)).Select(m => new { m.SentAt, m.Attempts }).ToListAsync());
        Assert.All(claimedBy, m => Assert.Equal(1, m.Attempts));
        Assert.All(claimedBy, m => Assert.NotNull(m.SentAt));
    }

    [SkippableFact]
    public async Task EachInvitation_IsPlannedAndSentOnce_ThroughBothInstancesAtOnce()
    {
        _app.RequireDatabase();
        var authority = await InvitationSeed.FreeAuthorityAsync(_app);
        var personId = $"TI-{Guid.NewGuid():N}"[..20];
        var email = $"{personId.ToLowerInvariant()}@example.org";
        var today = _app.Clock.GetCurrentInstant().InZone(Upon.Core.Time.London).Date;
        var file = CsvFiles.Lines(CsvFiles.Header + ",email", $"{authority},{personId},Robin,Example,interim,{today.ToIsoString()},,,,{email}");

        // The same new appointment recorded through both instances at once: one records it (and plans its invitation);
        // the other finds it recorded, or fails on the unique key and writes nothing.
        async Task<bool> ImportAsync(IServiceProvider services)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                return (await scope.ServiceProvider.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(file))).Succeeded;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }
        var imported = await Task.WhenAll(ImportAsync(_app.Services), ImportAsync(_second.Services));
        Assert.Contains(true, imported);

        // Both instances send what is due, several times at once.
        var runners = new[] { _app.Services.GetRequiredService<InvitationRunner>(), _second.Services.GetRequiredService<InvitationRunner>() };
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => runners[i % 2].RunAsync(today))));

        var invitation = Assert.Single(await InvitationSeed.InvitationsOfAsync(_app, personId));
        Assert.Equal((InvitationStatus.Sent, 1), (invitation.Status, invitation.Sends));
        await WaitForAsync(() => Task.FromResult(_app.Smtp.To(email).Count > 0), "the invitation email");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(_app.Smtp.To(email));
    }

    [SkippableFact]
    public async Task EachPeriodicRun_RunsOnOneInstance_WhenBothStartIt()
    {
        _app.RequireDatabase();

        await WaitForAsync(() => Task.FromResult(Runs.All(r => Tried(_app.Logs, r) && Tried(_secondLogs, r))), "both instances to try every run");

        foreach (var run in Runs)
        {
            Assert.Equal(1, Took(_app.Logs, run) + Took(_secondLogs, run));
        }
        var leases = await _app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Leases.AsNoTracking().ToListAsync());
        Assert.Equal(Runs.Order(), leases.Select(l => l.Name).Where(Runs.Contains).Order());
        var holders = new[] { _app.Services.GetRequiredService<LeaseHolder>().Name, _second.Services.GetRequiredService<LeaseHolder>().Name };
        Assert.All(leases.Where(l => Runs.Contains(l.Name)), l => Assert.Contains(l.Holder, holders));
    }

    [SkippableFact]
    public async Task ADailyRun_RunsOncePerDay_AcrossBothInstances()
    {
        _app.RequireDatabase();
        var name = $"test-daily-{Guid.NewGuid():N}"[..30];
        var runs = 0;
        Task Run(CancellationToken _)
        {
            Interlocked.Increment(ref runs);
            return Task.CompletedTask;
        }
        var instances = new[] { _app.Services.GetRequiredService<LeasedRuns>(), _second.Services.GetRequiredService<LeasedRuns>() };
        async Task<int> DayAsync()
        {
            var ran = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => instances[i % 2].RunAsync(name, TimeSpan.FromDays(1), Run))));
            return ran.Count(r => r);
        }

        var start = _app.Clock.GetCurrentInstant();
        try
        {
            Assert.Equal(1, await DayAsync());
            _app.Clock.Advance(Duration.FromHours(12));
            Assert.Equal(0, await DayAsync());
            _app.Clock.Advance(Duration.FromHours(12));
            Assert.Equal(1, await DayAsync());
            Assert.Equal(2, runs);
        }
        finally
        {
            // The clock is the class's: the other tests' instances must not find the real runs' leases expired.
            _app.Clock.Reset(start);
        }
    }
}
