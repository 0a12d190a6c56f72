using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>
/// What the web app prints when it starts on a new database and again on the same one: no alarming EF warning from the
/// migrations, and where the demo accounts' password comes from and how to set a new one; on SQLite, the database it
/// creates has the product's page size.
/// </summary>
public abstract class StartupOutputTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task FirstAndSecondStart_PrintNoMigrationWarning_AndSayHowToResetTheDemoPassword()
    {
        await using var database = await TestDatabase.OrSkipAsync(() => TestDatabase.CreateAsync(provider));
        var environment = new Dictionary<string, string> { ["Demo__CreateOnEmptyDatabase"] = "true", ["ASPNETCORE_ENVIRONMENT"] = "Development" };

        var first = await UponWebProcess.StartAndStopAsync(database, environment);
        var second = await UponWebProcess.StartAndStopAsync(database, environment);

        foreach (var (output, error) in new[] { first, second })
        {
            var everything = output + error;
            Assert.DoesNotContain("PRAGMA foreign_keys", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("cannot be executed in a transaction", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("warn: Microsoft.EntityFrameworkCore", everything, StringComparison.Ordinal);
        }
        Assert.Contains("have the password: demo-", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("have the password", second.Output, StringComparison.Ordinal);
        Assert.Contains("Demo:Password", second.Output, StringComparison.Ordinal);
        Assert.Contains("upon users reset-password admin@upon.test", second.Output, StringComparison.Ordinal);
        if (provider == DatabaseProvider.Sqlite)
        {
            // A database the app creates has 16 KiB pages (SqlitePragmaInterceptor), in write-ahead logging.
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size";
            Assert.Equal(16384L, await command.ExecuteScalarAsync());
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", await command.ExecuteScalarAsync());
        }
    }
}

public sealed class StartupOutputTests_Sqlite() : StartupOutputTests(DatabaseProvider.Sqlite);

public sealed class StartupOutputTests_Postgres() : StartupOutputTests(DatabaseProvider.Postgres);
