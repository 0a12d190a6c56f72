using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Data;
using Upon.Shared.Leases;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Leases;

/// <summary>The database lease on both providers: taken once, held until it expires, given up after a failed run.</summary>
public abstract class LeasesTests(UponApp app)
{
    private static string NewName() => $"lease-{Guid.NewGuid():N}"[..30];

    private Task<bool> TakeAsync(string name, Duration length) =>
        app.WithScopeAsync(s => s.GetRequiredService<Upon.Shared.Leases.Leases>().TryTakeAsync(name, length));

    private Task<Lease> RowAsync(string name) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Leases.AsNoTracking().SingleAsync(l => l.Name == name));

    /// <summary>Takes <paramref name="name"/> as another instance would (another holder), with one UPDATE on the row.</summary>
    private Task HoldElsewhereAsync(string name, Instant until) =>
        app.WithDbAsync(db => db.Leases.Where(l => l.Name == name).ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "elsewhere/1/abcdef12").SetProperty(l => l.ExpiresAt, until)));

    [SkippableFact]
    public async Task TryTake_AFreeLease_IsTakenUntilItsLength()
    {
        app.RequireDatabase();
        var name = NewName();

        Assert.True(await TakeAsync(name, Duration.FromHours(1)));

        var row = await RowAsync(name);
        Assert.Equal(app.Services.GetRequiredService<LeaseHolder>().Name, row.Holder);
        Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromHours(1), row.ExpiresAt);
    }

    [SkippableFact]
    public async Task TryTake_HeldByAnotherInstance_IsRefusedUntilItExpires()
    {
        app.RequireDatabase();
        var name = NewName();
        Assert.True(await TakeAsync(name, Duration.FromMinutes(1)));
        var until = app.Clock.GetCurrentInstant() + Duration.FromMinutes(10);
        await HoldElsewhereAsync(name, until);

        Assert.False(await TakeAsync(name, Duration.FromMinutes(1)));
        Assert.Equal("elsewhere/1/abcdef12", (await RowAsync(name)).Holder);

        // Exactly at expiry the lease is free again.
        await HoldElsewhereAsync(name, app.Clock.GetCurrentInstant());
        Assert.True(await TakeAsync(name, Duration.FromMinutes(1)));
        Assert.Equal(app.Services.GetRequiredService<LeaseHolder>().Name, (await RowAsync(name)).Holder);
    }

    [SkippableFact]
    public async Task TryTake_ManyAtOnceForANewLease_OnlyOneTakesIt()
    {
        app.RequireDatabase();
        var name = NewName();
        var taken = 0;
        // Each attempt as a different instance: a holder of its own.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var leases = new Upon.Shared.Leases.Leases(scope.ServiceProvider.GetRequiredService<UponDbContext>(), app.Clock, new LeaseHolder());
            if (await leases.TryTakeAsync(name, Duration.FromHours(1)))
            {
                Interlocked.Increment(ref taken);
            }
        })));

        Assert.Equal(1, taken);
    }

    [SkippableFact]
    public async Task LeasedRun_ThatFails_GivesTheLeaseUp_SoTheNextTickRunsIt()
    {
        app.RequireDatabase();
        var name = NewName();
        var runs = app.Services.GetRequiredService<LeasedRuns>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => runs.RunAsync(name, TimeSpan.FromHours(24), _ => throw new InvalidOperationException("The run failed")));
        Assert.Equal(app.Clock.GetCurrentInstant(), (await RowAsync(name)).ExpiresAt);

        var ran = false;
        Assert.True(await runs.RunAsync(name, TimeSpan.FromHours(24), _ => { ran = true; return Task.CompletedTask; }));
        Assert.True(ran);
        // Held for the period less a minute's margin, so this instance's next tick (a day later) finds it free.
        Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromHours(24) - Duration.FromMinutes(1), (await RowAsync(name)).ExpiresAt);
    }

    [SkippableFact]
    public async Task TryTake_ByTheHolderAgain_IsRefusedUntilItExpires()
    {
        app.RequireDatabase();
        var name = NewName();
        Assert.True(await TakeAsync(name, Duration.FromMinutes(5)));

        Assert.False(await TakeAsync(name, Duration.FromMinutes(30)));
        Assert.Equal(app.Clock.GetCurrentInstant() + Duration.FromMinutes(5), (await RowAsync(name)).ExpiresAt);
    }
}

public sealed class LeasesTests_Sqlite(SqliteApp app) : LeasesTests(app), IClassFixture<SqliteApp>;

public sealed class LeasesTests_Postgres(PostgresApp app) : LeasesTests(app), IClassFixture<PostgresApp>;
