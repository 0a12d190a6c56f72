using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Audit;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// A new SQLite database is given its set-up in the transaction that creates its schema (<see cref="NewDatabaseFill"/>),
/// without EF Core: it holds exactly what the set-up steps write through EF Core into a database that has the tables but
/// nothing in them, with one created audit line a row; and a fill that fails leaves no table behind.
/// </summary>
public sealed class NewDatabaseFillTests
{
    /// <summary>Every set-up table, less what is made afresh each time (a role's key and stamp, the form's time).</summary>
    private static readonly string[] SetUpTables =
    [
        "SELECT Name, NormalizedName FROM AspNetRoles ORDER BY Name",
        "SELECT * FROM regions ORDER BY Code",
        "SELECT * FROM authorities ORDER BY Code",
        "SELECT * FROM authority_gss_codes ORDER BY Code, ValidFrom",
        "SELECT * FROM strands ORDER BY Id",
        "SELECT Id, Name, StrandId, SessionType FROM feedback_forms ORDER BY Id",
        "SELECT * FROM feedback_questions ORDER BY Id",
        "SELECT * FROM bank_holidays ORDER BY Date",
        "SELECT * FROM workforce_ethnicity ORDER BY Id",
        "SELECT * FROM census_ethnicity ORDER BY Id",
        "SELECT name, seq FROM sqlite_sequence ORDER BY name",
    ];

    [Fact]
    public async Task ANewDatabase_HoldsWhatTheSetUpStepsWrite_WithOneCreatedLineARow()
    {
        await using var filled = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var stepped = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Sqlite);
        foreach (var database in new[] { filled, stepped })
        {
            // A command that writes (a report, which only reads, leaves the roles, strands and form to one that writes).
            var result = await UponCli.RunAsync(database, "invitations", "run");
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        foreach (var query in SetUpTables)
        {
            var expected = await RowsAsync(stepped, query);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(await RowsAsync(filled, query)), query);
        }
        // What is made afresh each time has the same form: a role's key and stamp, the form's time as EF Core writes it.
        const string fresh = """
            SELECT (SELECT COUNT(*) FROM AspNetRoles WHERE length(Id) = 36 AND length(ConcurrencyStamp) = 36),
                   (SELECT COUNT(*) FROM feedback_forms WHERE UpdatedAt GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]*')
            """;
        var expectedFresh = $"{Upon.Shared.Security.Roles.All.Count}:Int64|1:Int64";
        Assert.Equal([expectedFresh], await RowsAsync(stepped, fresh));
        Assert.Equal([expectedFresh], await RowsAsync(filled, fresh));
        // The same rows named by the same created lines, by the same actor; a role by its name (its key is new each time).
        const string lines = """
            SELECT a.EntityType, COALESCE(r.Name, a.EntityId), a.Action, a.Actor FROM audit_events a
            LEFT JOIN AspNetRoles r ON a.EntityType = 'IdentityRole' AND r.Id = a.EntityId
            WHERE a.EntityType IN ('IdentityRole', 'Region', 'Authority', 'AuthorityGssCode', 'Strand', 'FeedbackForm', 'FeedbackQuestion', 'BankHoliday')
            ORDER BY 1, 2
            """;
        var stepLines = await RowsAsync(stepped, lines);
        Assert.Equal(stepLines, await RowsAsync(filled, lines));
        Assert.Equal(stepLines.Count, stepLines.Distinct().Count());
        var rows = await RowsAsync(stepped, """
            SELECT (SELECT COUNT(*) FROM AspNetRoles) + (SELECT COUNT(*) FROM regions) + (SELECT COUNT(*) FROM authorities)
              + (SELECT COUNT(*) FROM authority_gss_codes) + (SELECT COUNT(*) FROM strands) + (SELECT COUNT(*) FROM feedback_forms)
              + (SELECT COUNT(*) FROM feedback_questions) + (SELECT COUNT(*) FROM bank_holidays)
            """);
        Assert.Equal(rows.Single(), $"{stepLines.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}:Int64");
        // Without values, as an import's created lines: the row holds them.
        Assert.Equal([$"|{NewDatabaseFill.Detail}:String"], await RowsAsync(filled, "SELECT DISTINCT Changes, Detail FROM audit_events WHERE Action = 'created'"));
    }

    [Fact]
    public async Task AFillThatFails_LeavesNoTable_AndTheNextStartCreatesTheDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = Services(database);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DatabaseSetup.MigrateAsync(services, (_, _, _) => throw new InvalidOperationException("The fill failed."), CancellationToken.None));
        Assert.Equal("The fill failed.", failure.Message);
        Assert.Equal(["0:Int64"], await RowsAsync(database, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
        // The pooled connection the creation used has its foreign keys back on.
        await using (var connection = (await services.GetRequiredService<DatabaseConnections>().OpenSqliteAsync(CancellationToken.None))!)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys";
            Assert.Equal(1L, await command.ExecuteScalarAsync());
        }

        Assert.Equal(SchemaChange.CreatedAndFilled, await DatabaseSetup.MigrateAsync(services, NewDatabaseFill.FillAsync, CancellationToken.None));
        Assert.Equal(SchemaChange.None, await DatabaseSetup.MigrateAsync(services, NewDatabaseFill.FillAsync, CancellationToken.None));
        Assert.Equal([$"{Upon.Register.ReferenceData.AuthorityReferenceData.LoadEmbedded().Authorities.Count}:Int64"],
            await RowsAsync(database, "SELECT COUNT(*) FROM authorities"));
    }

    [Fact]
    public async Task AFillThatBreaksAForeignKey_IsRefused_AndLeavesNoTable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = Services(database);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSetup.MigrateAsync(services, async (session, _, cancellationToken) =>
        {
            // An authority in a region no row names: with foreign keys off during creation, SQLite alone would keep it.
            await using var insert = session.Connection.CreateCommand();
            insert.Transaction = session.Transaction;
            insert.CommandText = "INSERT INTO authorities (Code, Name, RegionCode) VALUES ('999', 'Nowhere', 'E12999999')";
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }, CancellationToken.None));

        Assert.Contains("authorities", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["0:Int64"], await RowsAsync(database, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"));
    }

    private static ServiceProvider Services(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Upon"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IClock>(SystemClock.Instance)
            .AddSingleton<IAuditActor, CommandLineAuditActor>()
            .AddSingleton<Microsoft.AspNetCore.Identity.ILookupNormalizer, Microsoft.AspNetCore.Identity.UpperInvariantLookupNormalizer>();
        services.AddUponDatabase(configuration, modelInOptions: false);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Each row of the query as one line of text, its values separated by bars (null as nothing), each with how SQLite
    /// holds it (text, integer, real), so that the text 1 and the integer 1 differ.
    /// </summary>
    private static async Task<List<string>> RowsAsync(TestDatabase database, string query)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? ""
                : $"{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}:{reader.GetValue(i).GetType().Name}")));
        }
        return rows;
    }
}
