using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Upon.Data;

/// <summary>Which database the platform runs on: <c>Database:Provider</c> and <c>ConnectionStrings:Upon</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>What <see cref="DatabaseSetup.MigrateAsync"/> did to the schema.</summary>
public enum SchemaChange
{
    /// <summary>Nothing: it was up to date.</summary>
    None,

    /// <summary>Created a new database's schema.</summary>
    Created,

    /// <summary>Created a new database's schema and wrote its set-up, in one transaction (SQLite).</summary>
    CreatedAndFilled,

    /// <summary>Applied the migrations the database was behind by.</summary>
    Migrated,
}

/// <summary>Writes a new database's set-up in the transaction that creates its schema (Upon.NewDatabaseFill).</summary>
public delegate Task NewDatabaseFiller(BulkSession session, IServiceProvider services, CancellationToken cancellationToken);

public static partial class DatabaseSetup
{
    /// <summary>The SQLite file used when no connection string is configured, relative to the working directory.</summary>
    public const string DefaultSqlitePath = "App_Data/upon.db";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var text = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }
        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{text}'.");
    }

    public static string ConnectionStringFrom(IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Upon");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("ConnectionStrings:Upon must be set when Database:Provider is Postgres.");
        }
        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(DefaultSqlitePath) }.ToString();
    }

    /// <remarks>
    /// Every <c>list.Contains(column)</c> in a query is sent as ONE parameter (a JSON array read with <c>json_each</c> on
    /// SQLite, an array compared with <c>= ANY</c> on PostgreSQL) instead of EF Core 10's default of one parameter per
    /// element, which fails past SQLite's 32,766 variables and PostgreSQL's 65,535 parameters: no query expands an
    /// unbounded list into parameters.
    /// <para>
    /// The options are built once (a singleton), naming the provider's compiled model, rather than for every request's
    /// context: built per context, they and EF Core's search of the assembly for the compiled model (by reflection) were
    /// a measurable share of a cached figure request (bench/README.md, the request path). A command's options do not
    /// (<paramref name="modelInOptions"/> false): naming the model builds it, 0.13 s, when the options are, and a command on
    /// SQLite may need none (an import); EF Core finds it by its assembly attribute when something first needs it.
    /// </para>
    /// <para>
    /// EF Core's migrator checks, before migrating, that the migrations are not behind the model (its pending-model-changes
    /// warning): it builds the migrations' snapshot model and compares it with the model, which was more than half of
    /// creating a new database (1.4 s of the 2.2 s, bench/README.md). The check is ignored at run time because
    /// tests/Upon.Tests/Data/MigrationsTests.cs makes the same check on both providers before anything is released.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddUponDatabase(this IServiceCollection services, IConfiguration configuration, bool modelInOptions = true)
    {
        var provider = ProviderFrom(configuration);
        var connectionString = ConnectionStringFrom(configuration, provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 60);
            builder.Pooling = true;
            connectionString = builder.ToString();
            services.AddPooledDbContext<SqliteUponDbContext>(o => o
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations")
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .NamingModel(modelInOptions, () => CompiledModels.Sqlite.SqliteUponDbContextModel.Instance)
                .AddInterceptors(new SqlitePragmaInterceptor(), new DataVersions())
                .ConfigureWarnings(IgnorePendingModelChangesCheck));
        }
        else
        {
            services.AddPooledDbContext<PostgresUponDbContext>(o => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations")
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .NamingModel(modelInOptions, () => CompiledModels.Postgres.PostgresUponDbContextModel.Instance)
                .AddInterceptors(new DataVersions())
                .ConfigureWarnings(IgnorePendingModelChangesCheck));
        }
        services.AddSingleton(new DatabaseConnections(provider, connectionString));
        return services;
    }

    /// <summary>How many idle contexts the pool keeps: more than the requests a 2-core instance has under way at once.</summary>
    public const int ContextPoolSize = 128;

    /// <summary>
    /// Registers <see cref="UponDbContext"/> per scope, taken from EF Core's context pool and readied with the scope's audit
    /// actor and the clock. A new context builds EF Core's internal services on its first use, which was more than a
    /// quarter of a cached figure API request's CPU (bench/README.md, nineteenth round); a pooled one keeps them, and is
    /// reset and returned to the pool when the scope ends.
    /// </summary>
    private static void AddPooledDbContext<TContext>(this IServiceCollection services, Action<DbContextOptionsBuilder> options)
        where TContext : UponDbContext
    {
        services.AddPooledDbContextFactory<TContext>(options, ContextPoolSize);
        services.AddScoped<UponDbContext>(provider => provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext()
            .Use(provider.GetRequiredService<Upon.Audit.IAuditActor>(), provider.GetRequiredService<NodaTime.IClock>()));
    }

    private static DbContextOptionsBuilder NamingModel(this DbContextOptionsBuilder options, bool name, Func<Microsoft.EntityFrameworkCore.Metadata.IModel> model) =>
        name ? options.UseModel(model()) : options;

    private static void IgnorePendingModelChangesCheck(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>
    /// Brings the schema up to date. An up-to-date database costs one query (the latest applied migration and how many
    /// there are); a new, empty database is created in one transaction from the migrations' script embedded in the
    /// assembly (<see cref="CreateFromScriptAsync(UponDbContext, CancellationToken)"/>), and on SQLite given
    /// <paramref name="fillNew"/>'s set-up in the same transaction, on a connection of its own (no EF Core context);
    /// only a database that is behind goes through EF Core's migrator and its lock.
    /// </summary>
    public static async Task<SchemaChange> MigrateAsync(IServiceProvider services, NewDatabaseFiller? fillNew, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        // On SQLite the check needs no context, so that a command that makes no EF Core query never builds the model.
        var connections = services.GetRequiredService<DatabaseConnections>();
        await using (var connection = await connections.OpenSqliteAsync(cancellationToken))
        {
            if (connection is not null && await IsUpToDateAsync(connection, DatabaseProvider.Sqlite, cancellationToken))
            {
                return SchemaChange.None;
            }
        }
        if (fillNew is not null && connections.Provider == DatabaseProvider.Sqlite && await CreateAndFillSqliteAsync(services, fillNew, cancellationToken))
        {
            return SchemaChange.CreatedAndFilled;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        if (await IsUpToDateAsync(db, cancellationToken))
        {
            return SchemaChange.None;
        }
        if (await CreateFromScriptAsync(db, cancellationToken))
        {
            return SchemaChange.Created;
        }
        await db.Database.MigrateAsync(cancellationToken);
        return SchemaChange.Migrated;
    }

    /// <summary>
    /// On SQLite, creates the schema of a database with no tables from the embedded script and writes
    /// <paramref name="fill"/>'s rows, in one transaction (which holds the write lock from its start: a second process
    /// creating the same database waits, then finds it created) on a connection of its own, so that no EF Core context is
    /// made ready. False, having changed nothing, when the database has tables.
    /// </summary>
    private static async Task<bool> CreateAndFillSqliteAsync(IServiceProvider services, NewDatabaseFiller fill, CancellationToken cancellationToken)
    {
        var connection = (await services.GetRequiredService<DatabaseConnections>().OpenSqliteAsync(cancellationToken))!;
        await using var scope = services.CreateAsyncScope();
        BulkSession? session = null;
        try
        {
            // As EF Core's migrator does around SQLite's table rebuilds (a no-op inside a transaction, so set before it).
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF;", cancellationToken);
            // Begun here rather than by the session, which would close the connection, foreign keys off, if it failed.
            var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            session = BulkSession.Own(scope.ServiceProvider.GetRequiredService<UponDbContext>(), connection, transaction);
            var created = await CountTablesAsync(session.Connection, session.Transaction, postgres: false, cancellationToken) == 0;
            if (created)
            {
                await ExecuteAsync(session.Connection, session.Transaction, CreationScript(DatabaseProvider.Sqlite), cancellationToken);
                await fill(session, scope.ServiceProvider, cancellationToken);
                // With foreign keys off, SQLite checked none of the fill's references: every one is checked before it is kept.
                await ThrowOnBrokenForeignKeysAsync(session, cancellationToken);
                await session.CommitAsync(cancellationToken);
            }
            else
            {
                await session.RollbackAsync(cancellationToken);
            }
            return created;
        }
        finally
        {
            // The pool keeps the handle, with its settings: foreign keys go back on, whatever happened.
            await RestoreForeignKeysAsync(connection, session);
            if (session is not null)
            {
                await session.DisposeAsync();
            }
            await connection.DisposeAsync();
        }
    }

    private static async Task ThrowOnBrokenForeignKeysAsync(BulkSession session, CancellationToken cancellationToken)
    {
        await using var check = session.Connection.CreateCommand();
        check.Transaction = session.Transaction;
        check.CommandText = "PRAGMA foreign_key_check;";
        await using var reader = await check.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                $"The new database's set-up breaks a foreign key: a row of {reader.GetString(0)} refers to a missing row of {reader.GetString(2)}. Nothing was written.");
        }
    }

    private static async Task RestoreForeignKeysAsync(SqliteConnection connection, BulkSession? session)
    {
        try
        {
            if (session is not null && !connection.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                await session.RollbackAsync(CancellationToken.None);
            }
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON;", CancellationToken.None);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            // A connection that cannot take the setting back cannot be trusted with it: it leaves the pool.
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>The file, in the source, of each provider's creation script, and the command that regenerates it.</summary>
    public static string CreationScriptPath(DatabaseProvider provider) => $"src/Upon/Data/Migrations/{provider}/CreateDatabase.sql";

    /// <inheritdoc cref="CreationScriptPath"/>
    public static string CreationScriptCommand(DatabaseProvider provider) =>
        $"dotnet ef migrations script --project src/Upon --context {provider}UponDbContext --no-transactions --output {CreationScriptPath(provider)}";

    /// <summary>
    /// Every migration of the provider as one SQL script, from an empty database to the latest migration with its history
    /// rows (<c>dotnet ef migrations script --no-transactions</c>, see <see cref="CreationScriptCommand"/>), embedded in the
    /// assembly. tests/Upon.Tests/Data/CreationScriptTests.cs fails when it differs from what the migrations generate.
    /// </summary>
    public static string CreationScript(DatabaseProvider provider)
    {
        using var stream = typeof(DatabaseSetup).Assembly.GetManifestResourceStream($"Upon.Data.Migrations.{provider}.CreateDatabase.sql")
            ?? throw new InvalidOperationException($"The {provider} creation script is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates the schema of a new database (no tables at all) by running the embedded creation script in one transaction.
    /// EF Core's migrator builds every migration's target model and generates its SQL on each new database (0.8 s of a new
    /// database's start, bench/README.md); the script is that SQL, generated once. False, having changed nothing, when the
    /// database already has tables: the caller then goes through the migrator.
    /// </summary>
    public static Task<bool> CreateFromScriptAsync(UponDbContext db, CancellationToken cancellationToken = default) =>
        CreateFromScriptAsync(db, CreationScript(db.Database.Provider()), cancellationToken);

    /// <inheritdoc cref="CreateFromScriptAsync(UponDbContext, CancellationToken)"/>
    public static async Task<bool> CreateFromScriptAsync(UponDbContext db, string script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var postgres = db.Database.IsPostgres();
        var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        try
        {
            if (!postgres)
            {
                // As EF Core's migrator does around SQLite's table rebuilds (a no-op inside a transaction, so set before it).
                await ExecuteAsync(connection, null, "PRAGMA foreign_keys = OFF;", cancellationToken);
            }
            // SQLite: BEGIN IMMEDIATE, the write lock. PostgreSQL: an advisory lock held to the end of the transaction. Either
            // way a second process creating the same database at once waits, then finds the tables and uses the migrator.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (postgres)
            {
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({CreationLockKey});", cancellationToken);
            }
            if (await CountTablesAsync(connection, transaction, postgres, cancellationToken) != 0)
            {
                return false;
            }
            await ExecuteAsync(connection, transaction, script, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            if (!postgres)
            {
                await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON;", CancellationToken.None);
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CountTablesAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, bool postgres, CancellationToken cancellationToken)
    {
        await using var count = connection.CreateCommand();
        count.Transaction = transaction;
        count.CommandText = postgres
            ? "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The advisory lock key of creating a database from the script ("upon" in ASCII).</summary>
    private const long CreationLockKey = 0x75706F6E;

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Loads the EF Core model: the compiled model of the provider (Data/CompiledModels, generated by
    /// <c>dotnet ef dbcontext optimize</c>; see the README), found by EF Core through its assembly attribute.
    /// </summary>
    public static Task LoadModelAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        _ = scope.ServiceProvider.GetRequiredService<UponDbContext>().Model;
        return Task.CompletedTask;
    }

    /// <summary>
    /// This build's migrations of the provider, in order, as named by the history rows of its embedded creation script
    /// (which tests/Upon.Tests/Data/CreationScriptTests.cs keeps equal to the migrations). EF Core's own list,
    /// <c>GetMigrations()</c>, finds them by loading every type in the assembly, at every start: the type data of every
    /// page, migration and compiled model, and the other provider's assembly, kept for nothing.
    /// </summary>
    public static IReadOnlyList<string> MigrationIds(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? PostgresMigrationIds.Value : SqliteMigrationIds.Value;

    private static readonly Lazy<IReadOnlyList<string>> SqliteMigrationIds = new(() => ReadMigrationIds(DatabaseProvider.Sqlite));
    private static readonly Lazy<IReadOnlyList<string>> PostgresMigrationIds = new(() => ReadMigrationIds(DatabaseProvider.Postgres));

    private static IReadOnlyList<string> ReadMigrationIds(DatabaseProvider provider) =>
        [.. HistoryRow().Matches(CreationScript(provider)).Select(m => m.Groups["id"].Value)];

    [System.Text.RegularExpressions.GeneratedRegex(@"INSERT INTO ""?__ef_migrations""? \(""MigrationId"", ""ProductVersion""\)\s*VALUES \('(?<id>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex HistoryRow();

    /// <summary>Whether the history table names exactly this build's migrations, read with one query.</summary>
    public static async Task<bool> IsUpToDateAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provider = db.Database.Provider();
        return await db.WithOpenConnectionAsync(connection => IsUpToDateAsync(connection, provider, cancellationToken), cancellationToken);
    }

    /// <inheritdoc cref="IsUpToDateAsync(UponDbContext, CancellationToken)"/>
    public static async Task<bool> IsUpToDateAsync(System.Data.Common.DbConnection connection, DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var known = MigrationIds(provider);
        if (known.Count == 0)
        {
            return false;
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*), MAX(\"MigrationId\") FROM \"__ef_migrations\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                && Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) == known.Count
                && !reader.IsDBNull(1) && reader.GetString(1) == known[^1];
        }
        catch (System.Data.Common.DbException)
        {
            // No history table yet: a new database.
            return false;
        }
    }
}
