using Upon.Data;

namespace Upon.Tests.Infrastructure;

/// <summary>A fresh database of one provider for a test class that drives the command line: migrated, or holding the demo.</summary>
public abstract class DatabaseFixture(DatabaseProvider provider, bool withDemo = false) : IAsyncLifetime
{
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;
    public string? Unavailable { get; private set; }
    public TestDatabase Database => _database ?? throw new InvalidOperationException(Unavailable ?? "The database was not created.");

    public void RequireDatabase() => Skip.If(Unavailable is not null, Unavailable);

    public async Task InitializeAsync()
    {
        try
        {
            _database = withDemo ? await TestDatabase.CreateWithDemoAsync(Provider) : await TestDatabase.CreateMigratedAsync(Provider);
        }
        catch (PostgresUnavailableException e) when (!TestEnvironment.IsCi)
        {
            Unavailable = e.Message;
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteDatabase() : DatabaseFixture(DatabaseProvider.Sqlite);

public sealed class PostgresDatabase() : DatabaseFixture(DatabaseProvider.Postgres);

/// <summary>What <c>upon demo</c> creates, for classes that check it (<see cref="TestDatabase.CreateWithDemoAsync"/>).</summary>
public sealed class SqliteDemoDatabase() : DatabaseFixture(DatabaseProvider.Sqlite, withDemo: true);

/// <inheritdoc cref="SqliteDemoDatabase"/>
public sealed class PostgresDemoDatabase() : DatabaseFixture(DatabaseProvider.Postgres, withDemo: true);
