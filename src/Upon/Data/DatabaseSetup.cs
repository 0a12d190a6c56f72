using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Upon.Data;

/// <summary>Which database the platform runs on: <c>Database:Provider</c> and <c>ConnectionStrings:Upon</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseSetup
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
    /// a measurable share of a cached figure request (bench/README.md, the request path).
    /// </para>
    /// <para>
    /// EF Core's migrator checks, before migrating, that the migrations are not behind the model (its pending-model-changes
    /// warning): it builds the migrations' snapshot model and compares it with the model, which was more than half of
    /// creating a new database (1.4 s of the 2.2 s, bench/README.md). The check is ignored at run time because
    /// tests/Upon.Tests/Data/MigrationsTests.cs makes the same check on both providers before anything is released.
    /// </para>
    /// </remarks>
    public static IServiceCollection AddUponDatabase(this IServiceCollection services, IConfiguration configuration)
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
            services.AddDbContext<UponDbContext, SqliteUponDbContext>(o => o
                .UseSqlite(builder.ToString(), sqlite => sqlite.MigrationsHistoryTable("__ef_migrations")
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .UseModel(CompiledModels.Sqlite.SqliteUponDbContextModel.Instance)
                .AddInterceptors(new SqlitePragmaInterceptor(), new DataVersions())
                .ConfigureWarnings(IgnorePendingModelChangesCheck), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<UponDbContext, PostgresUponDbContext>(o => o
                .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations")
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .UseModel(CompiledModels.Postgres.PostgresUponDbContextModel.Instance)
                .AddInterceptors(new DataVersions())
                .ConfigureWarnings(IgnorePendingModelChangesCheck), optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
    }

    private static void IgnorePendingModelChangesCheck(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    /// <summary>
    /// Brings the schema up to date. An up-to-date database costs one query (the latest applied migration and how many
    /// there are); only a database that is behind, or new, goes through EF Core's migrator and its lock. True when it migrated.
    /// </summary>
    public static async Task<bool> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        if (await IsUpToDateAsync(db, cancellationToken))
        {
            return false;
        }
        await db.Database.MigrateAsync(cancellationToken);
        return true;
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

    /// <summary>Whether the history table names exactly this build's migrations, read with one query.</summary>
    public static async Task<bool> IsUpToDateAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var known = db.Database.GetMigrations().ToList();
        if (known.Count == 0)
        {
            return false;
        }
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
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
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
