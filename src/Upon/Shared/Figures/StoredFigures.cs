using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Upon.Data;

namespace Upon.Shared.Figures;

/// <summary>
/// Reads and writes <see cref="StoredFigure"/> rows. Reading takes no services and no EF Core model: a plain connection
/// of the configured provider and one query that returns the figures only when they were computed for the database's
/// current data version, today and this build. A command line that answers from them skips building its host.
/// </summary>
public static class StoredFigures
{
    /// <summary>
    /// This build: the module ids of Upon and Upon.Core (the figures' code), so that figures stored by another release
    /// are never read as this one's.
    /// </summary>
    public static string Build { get; } =
        $"{typeof(StoredFigure).Assembly.ManifestModule.ModuleVersionId:N}.{typeof(Upon.Core.Time).Assembly.ManifestModule.ModuleVersionId:N}";

    // Joined on data_versions in the same statement: the row is fresh only while the data version is the one it was computed for.
    private static readonly string ReadSql =
        $"""
         SELECT f."{nameof(StoredFigure.Json)}" FROM {StoredFigure.Table} f
         JOIN data_versions v ON v."{nameof(DataVersion.Id)}" = {DataVersion.RowId} AND v."{nameof(DataVersion.Version)}" = f."{nameof(StoredFigure.DataVersion)}"
         WHERE f."{nameof(StoredFigure.Key)}" = @key AND f."{nameof(StoredFigure.Day)}" = @day AND f."{nameof(StoredFigure.Build)}" = @build
         """;

    /// <summary>
    /// The JSON stored under <paramref name="key"/> when it is fresh (this data version, <paramref name="day"/>, this
    /// build); null when it is missing or stale, or the database cannot be read this way (no such file, not yet
    /// migrated), when the caller computes the figures the usual way.
    /// </summary>
    public static async Task<string?> ReadAsync(IConfiguration configuration, string key, LocalDate day, CancellationToken cancellationToken = default)
    {
        DbConnection connection;
        try
        {
            connection = Connect(configuration);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // A configuration error: the usual start names it.
            return null;
        }
        await using (connection)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = ReadSql;
                Add(command, "key", key);
                Add(command, "day", day.ToDateOnly());
                Add(command, "build", Build);
                return await command.ExecuteScalarAsync(cancellationToken) as string;
            }
            catch (DbException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Stores <paramref name="json"/> under <paramref name="key"/>, computed from the data of <paramref name="version"/>
    /// (read before the computation) on <paramref name="day"/>, replacing what was there. Storing is best effort: a
    /// database that cannot be written to (a read-only copy) still gets its report.
    /// </summary>
    public static async Task StoreAsync(UponDbContext db, string key, long version, LocalDate day, string json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            // Not figure data: DataVersions leaves the version alone for this table.
            await db.Database.ExecuteSqlAsync(
                $"""
                 INSERT INTO stored_figures ("Key", "DataVersion", "Day", "Build", "Json") VALUES ({key}, {version}, {day.ToDateOnly()}, {Build}, {json})
                 ON CONFLICT ("Key") DO UPDATE SET "DataVersion" = excluded."DataVersion", "Day" = excluded."Day", "Build" = excluded."Build", "Json" = excluded."Json"
                 """, cancellationToken);
        }
        catch (DbException)
        {
            // Not stored: the next report computes the figures again.
        }
    }

    /// <summary>The data version now, read with one query (before computing figures to store).</summary>
    public static Task<long> VersionAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.DataVersions.AsNoTracking().Where(v => v.Id == DataVersion.RowId).Select(v => v.Version).FirstAsync(cancellationToken);
    }

    private static DbConnection Connect(IConfiguration configuration)
    {
        var provider = DatabaseSetup.ProviderFrom(configuration);
        var connectionString = DatabaseSetup.ConnectionStringFrom(configuration, provider);
        return provider == DatabaseProvider.Postgres ? Postgres(connectionString) : Sqlite(connectionString);
    }

    // Each provider in its own method, so that only the one in use is loaded.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The provider's type stays out of the signature, so that the other provider's assembly is never loaded.")]
    private static DbConnection Postgres(string connectionString) => new NpgsqlConnection(connectionString);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The provider's type stays out of the signature, so that the other provider's assembly is never loaded.")]
    private static DbConnection Sqlite(string connectionString)
    {
        // ReadWrite, not ReadWriteCreate: a missing file is not created here (the usual start creates and migrates it).
        var sqlite = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        sqlite.DefaultTimeout = Math.Max(sqlite.DefaultTimeout, 60);
        return new SqliteConnection(sqlite.ToString());
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
