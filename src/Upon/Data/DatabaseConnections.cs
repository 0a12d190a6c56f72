using Microsoft.Data.Sqlite;

namespace Upon.Data;

/// <summary>
/// Connections to the platform's database without EF Core, for a command's work on SQLite that needs none of it: the
/// start's checks and an import (<see cref="Upon.Register.AppointmentImporter"/>). Any use of a context's connection or
/// transaction builds EF Core's model first (0.13 s of a command, bench/README.md, thirty-fourth round). The connection
/// string is the contexts' own, so a connection comes from, and goes back to, the same pool.
/// </summary>
public sealed class DatabaseConnections(DatabaseProvider provider, string connectionString)
{
    public DatabaseProvider Provider => provider;

    /// <summary>A SQLite connection, open and set up as the contexts' are (<see cref="SqlitePragmaInterceptor"/>); null on PostgreSQL.</summary>
    public async Task<SqliteConnection?> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            return null;
        }
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await SqlitePragmaInterceptor.SetUpAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
