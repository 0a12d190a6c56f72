using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Upon.Data;
using Upon.Health;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Health;

/// <summary>
/// The readiness check's database part: healthy with every migration this build ships applied, unhealthy naming the
/// one that is not, and unhealthy naming them all on a database whose tables were made without migrations.
/// </summary>
public abstract class DatabaseReadyCheckTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task Ready_OnlyWhenEveryMigrationOfThisBuildIsApplied()
    {
        await using var database = await TestDatabase.OrSkipAsync(() => TestDatabase.CreateMigratedAsync(provider));
        var last = DatabaseSetup.MigrationIds(provider)[^1];

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(HealthStatus.Healthy, (await new DatabaseReadyCheck(db).CheckHealthAsync(new HealthCheckContext())).Status);
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__ef_migrations\" WHERE \"MigrationId\" = {0}", last);
        }
        await using (var db = database.CreateDbContext())
        {
            var result = await new DatabaseReadyCheck(db).CheckHealthAsync(new HealthCheckContext());

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Equal($"1 migrations are not applied: {last}.", result.Description);
        }
    }

    [SkippableFact]
    public async Task NotReady_OnADatabaseWithNoMigrationHistory()
    {
        await using var database = await TestDatabase.OrSkipAsync(() => TestDatabase.CreateAsync(provider));
        await using var db = database.CreateDbContext();
        // The model's tables, with no migration history.
        await db.Database.EnsureCreatedAsync();

        var result = await new DatabaseReadyCheck(db).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith($"{DatabaseSetup.MigrationIds(provider).Count} migrations are not applied: {DatabaseSetup.MigrationIds(provider)[0]}, ", result.Description, StringComparison.Ordinal);
    }
}

public sealed class DatabaseReadyCheckTests_Sqlite() : DatabaseReadyCheckTests(DatabaseProvider.Sqlite);

public sealed class DatabaseReadyCheckTests_Postgres() : DatabaseReadyCheckTests(DatabaseProvider.Postgres);
