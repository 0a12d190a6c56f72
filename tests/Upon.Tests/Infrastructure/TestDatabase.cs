using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upon.Data;

namespace Upon.Tests.Infrastructure;

/// <summary>A fresh, empty database for one test class: a temporary SQLite file or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    private readonly Func<Task> _drop;

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Environment variables that point the real executable at this database.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider.ToString(),
        ["ConnectionStrings__Upon"] = ConnectionString,
    };

    /// <summary>
    /// A context on this database, for checking what the product wrote. On SQLite its connections are set up as the
    /// product's are, so a database it creates (the migrated template) has the product's page size and journal mode.
    /// </summary>
    public UponDbContext CreateDbContext() => Provider == DatabaseProvider.Sqlite
        ? new SqliteUponDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<SqliteUponDbContext>()
            .UseSqlite(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations"))
            .AddInterceptors(new SqlitePragmaInterceptor()).Options).Use(new Upon.Audit.CommandLineAuditActor(), NodaTime.SystemClock.Instance)
        : new PostgresUponDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PostgresUponDbContext>()
            .UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable("__ef_migrations")).Options).Use(new Upon.Audit.CommandLineAuditActor(), NodaTime.SystemClock.Instance);

    private static readonly OncePerTestRun<DatabaseProvider, string> MigratedTemplates = new(async provider =>
    {
        var template = await CreateAsync(provider);
        await using (var db = template.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }
        return await KeepAsTemplateAsync(template);
    });

    private static readonly OncePerTestRun<DatabaseProvider, string> DemoTemplates = new(async provider =>
    {
        var demo = await CreateMigratedAsync(provider);
        var result = await UponCli.RunAsync(demo, "demo");
        if (result.ExitCode != 0)
        {
            await demo.DisposeAsync();
            throw new InvalidOperationException($"upon demo failed: {result}");
        }
        return await KeepAsTemplateAsync(demo);
    });

    /// <summary>
    /// A fresh database with every migration applied, copied from a template migrated once per test run: CREATE DATABASE
    /// ... TEMPLATE on PostgreSQL, a copy of the file on SQLite. Migrating each database took most of a fixture's start.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        await CreateAsync(provider, await MigratedTemplates.GetAsync(provider));

    /// <summary>
    /// A fresh database holding what <c>upon demo</c> creates, copied from one the real command filled once per test run:
    /// the demo takes 10 to 20 seconds a run, and the classes that check what it made share it.
    /// </summary>
    public static async Task<TestDatabase> CreateWithDemoAsync(DatabaseProvider provider) =>
        await CreateAsync(provider, await DemoTemplates.GetAsync(provider));

    /// <summary>
    /// Readies a filled database to be copied, and keeps it until the test process exits. Copying needs its write-ahead
    /// log folded into the file (SQLite) and no connections to it (PostgreSQL's CREATE DATABASE ... TEMPLATE).
    /// </summary>
    private static async Task<string> KeepAsTemplateAsync(TestDatabase template)
    {
        if (template.Provider == DatabaseProvider.Sqlite)
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(template.ConnectionString))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await checkpoint.ExecuteNonQueryAsync();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template.ConnectionString;
    }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => CreateAsync(provider, template: null);

    /// <summary>
    /// The database <paramref name="create"/> makes, or the test skipped, visibly, when PostgreSQL is missing outside CI
    /// (under CI the missing server fails the test).
    /// </summary>
    public static async Task<TestDatabase> OrSkipAsync(Func<Task<TestDatabase>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return await create();
        }
        catch (PostgresUnavailableException e) when (!TestEnvironment.IsCi)
        {
            Skip.If(true, e.Message);
            throw;
        }
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string? template)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (template is not null)
            {
                File.Copy(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(template).DataSource, path);
            }
            return new TestDatabase(provider, $"Data Source={path}", () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    try
                    {
                        File.Delete(file);
                    }
                    catch (IOException)
                    {
                    }
                }
                return Task.CompletedTask;
            });
        }

        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString);
        var name = $"upon_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            try
            {
                await connection.OpenAsync();
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new PostgresUnavailableException(
                    $"PostgreSQL is not reachable at {admin.Host}:{admin.Port} ({e.Message}). Run .ci/run, or set UPON_TEST_POSTGRES.", e);
            }
            var from = template is null ? "" : $" TEMPLATE \"{new NpgsqlConnectionStringBuilder(template).Database}\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name, Pooling = true, MaxPoolSize = 200 };
        return new TestDatabase(provider, builder.ConnectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync() => await _drop();
}

/// <summary>PostgreSQL could not be reached. Outside CI such tests are skipped; under CI they fail.</summary>
public sealed class PostgresUnavailableException(string message, Exception inner) : Exception(message, inner);
