using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Audit;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// The app's contexts come from EF Core's pool, through the real host: a context is used again by a later scope, readied
/// with that scope's audit actor and clock, and nothing one scope left in it (marks, tracked entities, an open
/// transaction) reaches the next.
/// </summary>
public abstract class PooledContextTests(UponApp app)
{
    /// <summary>
    /// Opens scopes one after another until one is handed <paramref name="wanted"/> again (the pool is a queue, so the
    /// contexts other work returned meanwhile come first), and runs <paramref name="check"/> in that scope.
    /// </summary>
    private async Task WhenHandedOutAgainAsync(UponDbContext wanted, Func<IServiceProvider, UponDbContext, Task> check)
    {
        for (var attempt = 0; attempt < DatabaseSetup.ContextPoolSize * 2; attempt++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
            if (ReferenceEquals(db, wanted))
            {
                await check(scope.ServiceProvider, db);
                return;
            }
        }
        Assert.Fail("The context was never handed out again: contexts are not pooled.");
    }

    [SkippableFact]
    public void TheContextFactory_IsEfCoresPool()
    {
        app.RequireDatabase();
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            Assert.IsType<PooledDbContextFactory<SqliteUponDbContext>>(app.Services.GetRequiredService<IDbContextFactory<SqliteUponDbContext>>());
        }
        else
        {
            Assert.IsType<PooledDbContextFactory<PostgresUponDbContext>>(app.Services.GetRequiredService<IDbContextFactory<PostgresUponDbContext>>());
        }
    }

    [SkippableFact]
    public async Task AContextUsedAgain_IsReadiedForItsNewScope_WithNothingLeftFromTheLast()
    {
        app.RequireDatabase();
        UponDbContext first;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<UponDbContext>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<IAuditActor>(), first.Actor);
            first.Erasing = true;
            first.MarkFigureDataChanged();
            Assert.NotEmpty(await first.Authorities.Take(3).ToListAsync());
            Assert.NotEmpty(first.ChangeTracker.Entries());
            // Left open: a request that failed between beginning a transaction and committing it.
            await first.Database.BeginTransactionAsync();
        }

        await WhenHandedOutAgainAsync(first, async (services, db) =>
        {
            Assert.Same(services.GetRequiredService<IAuditActor>(), db.Actor);
            Assert.Same(services.GetRequiredService<IClock>(), db.Clock);
            Assert.False(db.Erasing);
            Assert.False(db.TakeFigureDataChange());
            Assert.Empty(db.ChangeTracker.Entries());
            Assert.Null(db.Database.CurrentTransaction);
            // The transaction left open was ended, not kept: this scope can write (on SQLite it held the write lock).
            await using var own = await db.Database.BeginTransactionAsync();
            await db.DataVersions.Where(v => v.Id == Upon.Shared.Figures.DataVersion.RowId).ExecuteUpdateAsync(v => v.SetProperty(x => x.Version, x => x.Version));
            await own.RollbackAsync();
        });
    }
}

public sealed class PooledContextTests_Sqlite(SqliteApp app) : PooledContextTests(app), IClassFixture<SqliteApp>;

public sealed class PooledContextTests_Postgres(PostgresApp app) : PooledContextTests(app), IClassFixture<PostgresApp>;

/// <summary>A context made outside the app's services, and not readied, fails clearly when it would audit a change.</summary>
public sealed class UnreadiedContextTests
{
    [Fact]
    public void AContextNotReadied_SaysSo_RatherThanAuditingAsNoOne()
    {
        using var db = new SqliteUponDbContext(new DbContextOptionsBuilder<SqliteUponDbContext>().UseSqlite("Data Source=:memory:").Options);
        var error = Assert.Throws<InvalidOperationException>(() => db.Actor);
        Assert.Contains("Use(actor, clock)", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => db.Clock);
    }
}
