using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>Each provider's migrations describe the current model, so nobody forgets to add one to each set.</summary>
public abstract class MigrationsTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task Migrations_MatchTheModel()
    {
        fixture.RequireDatabase();
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), $"The {fixture.Provider} migrations are behind the model: add a migration to each set (README, Configuration).");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed class MigrationsTests_Sqlite(SqliteDatabase fixture) : MigrationsTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class MigrationsTests_Postgres(PostgresDatabase fixture) : MigrationsTests(fixture), IClassFixture<PostgresDatabase>;
