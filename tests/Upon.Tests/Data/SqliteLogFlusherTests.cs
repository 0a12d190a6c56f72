using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// The import's log flusher works on a SQLite file in the middle of a transaction, leaves what the transaction wrote as
/// it was, and is not made on PostgreSQL.
/// </summary>
public abstract class SqliteLogFlusherTests(UponApp app)
{
    [SkippableFact]
    public async Task DuringATransaction_FlushesTheLog_AndTheTransactionGoesOn()
    {
        app.RequireDatabase();
        var name = $"Flushed {Guid.NewGuid():N}"[..20];

        var flushes = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Regions.Add(new Upon.Register.Region { Code = $"R{Guid.NewGuid():N}"[..9], Name = name });
            await db.SaveChangesAsync();
            var flusher = SqliteLogFlusher.For(db);
            if (app.Provider == DatabaseProvider.Postgres)
            {
                Assert.Null(flusher);
                await transaction.CommitAsync();
                return 0;
            }
            Assert.NotNull(flusher);
            await using (flusher)
            {
                flusher.Flush();
                flusher.Flush();
            }
            await transaction.CommitAsync();
            return flusher.Flushes;
        });

        Assert.InRange(flushes, app.Provider == DatabaseProvider.Postgres ? 0 : 1, 2);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Regions.AnyAsync(r => r.Name == name)));
    }

    [SkippableFact]
    public async Task WithTheConnectionClosed_IsNotMade()
    {
        app.RequireDatabase();

        var flusher = await app.WithScopeAsync(s => Task.FromResult(SqliteLogFlusher.For(s.GetRequiredService<UponDbContext>())));

        Assert.Null(flusher);
    }
}

public sealed class SqliteLogFlusherTests_Sqlite(SqliteApp app) : SqliteLogFlusherTests(app), IClassFixture<SqliteApp>;

public sealed class SqliteLogFlusherTests_Postgres(PostgresApp app) : SqliteLogFlusherTests(app), IClassFixture<PostgresApp>;
