using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Upon.Data;

/// <summary>
/// Turns on write-ahead logging and foreign keys for every SQLite connection, so that readers do not block the
/// writer and concurrent writers wait for each other (busy timeout) rather than fail. The settings belong to the
/// database handle, which the connection pool keeps open between uses: they are set once per handle, not on every open
/// (EF Core opens a connection per query, so a request that read twice paid for them twice).
/// A database the connection creates gets 16 KiB pages: an import of 100,000 appointments and
/// their audit lines writes a tenth faster than with SQLite's default 4 KiB, and reads are no slower
/// (bench/README.md, twenty-eighth round). SQLite applies the size only to a database with nothing in it yet, so an
/// existing database keeps its own.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    // The page size first: once the journal mode is WAL, it can no longer change.
    private const string Pragmas = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";

    // The handles already set up; an entry goes with its handle.
    private static readonly ConditionalWeakTable<object, object> SetUp = [];

    private static bool IsSetUp(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && SetUp.TryGetValue(handle, out _);

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SetUp.AddOrUpdate(handle, SetUp);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSetUp(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        SetUpAsync(connection, cancellationToken);

    /// <summary>Sets up a connection opened without EF Core (<see cref="DatabaseConnections"/>) as every context's is.</summary>
    public static async Task SetUpAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsSetUp(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }
}
