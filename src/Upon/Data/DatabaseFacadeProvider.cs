using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Upon.Data;

public static class DatabaseFacadeProvider
{
    private const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Whether the context runs on PostgreSQL. Npgsql's own <c>IsNpgsql()</c> lives in its provider's assembly, so calling it
    /// loads that assembly and Npgsql's on a SQLite server too (about 2.4 MB of code mapped for nothing, bench/README.md).
    /// </summary>
    public static bool IsPostgres(this DatabaseFacade database) =>
        string.Equals(database.ProviderName, NpgsqlProviderName, StringComparison.Ordinal);

    /// <summary>The provider the context runs on, told as <see cref="IsPostgres"/> tells it.</summary>
    public static DatabaseProvider Provider(this DatabaseFacade database) =>
        database.IsPostgres() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
