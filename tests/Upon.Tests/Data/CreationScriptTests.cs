using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// A new database is created from the migrations' script embedded in the assembly (Data/DatabaseSetup.cs): the script is
/// what the migrations generate, the schema it creates is the migrator's, and a database created by it still takes later
/// migrations through the migrator.
/// </summary>
public abstract class CreationScriptTests(DatabaseProvider provider)
{
    [Fact]
    public void EmbeddedScript_IsWhatTheMigrationsGenerate()
    {
        using var db = DesignTimeContext();
        var generated = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.NoTransactions);

        Assert.True(Normalise(generated) == Normalise(DatabaseSetup.CreationScript(provider)),
            $"{DatabaseSetup.CreationScriptPath(provider)} is not what the {provider} migrations generate (a migration was added or changed, " +
            $"or EF Core was upgraded). Regenerate it from the repository's root: {DatabaseSetup.CreationScriptCommand(provider)}");
    }

    [Fact]
    public void MigrationIds_AreTheMigrationsInOrder()
    {
        using var db = DesignTimeContext();

        Assert.Equal(db.Database.GetMigrations(), DatabaseSetup.MigrationIds(provider));
        Assert.NotEmpty(DatabaseSetup.MigrationIds(provider));
    }

    [Fact]
    public void IsPostgres_SaysWhichProviderTheContextUses()
    {
        using var db = DesignTimeContext();

        Assert.Equal(provider == DatabaseProvider.Postgres, db.Database.IsPostgres());
    }

    [SkippableFact]
    public async Task DatabaseCreatedFromTheScript_HasTheMigratorsSchemaAndHistory()
    {
        await using var fromScript = await CreateAsync();
        await using var fromMigrator = await CreateAsync();

        await using (var db = fromScript.CreateDbContext())
        {
            Assert.True(await DatabaseSetup.CreateFromScriptAsync(db));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.True(await DatabaseSetup.IsUpToDateAsync(db));
        }
        await using (var db = fromMigrator.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var expected = await SchemaAsync(fromMigrator);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await SchemaAsync(fromScript));
    }

    [SkippableFact]
    public async Task DatabaseWithTables_IsLeftToTheMigrator()
    {
        await using var database = await CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        var before = await SchemaAsync(database);

        Assert.False(await DatabaseSetup.CreateFromScriptAsync(db));
        Assert.Equal(before, await SchemaAsync(database));
    }

    [SkippableFact]
    public async Task LaterMigrations_ApplyThroughTheMigrator_ToADatabaseCreatedFromAnEarlierScript()
    {
        await using var database = await CreateAsync();
        await using var fromMigrator = await CreateAsync();
        IReadOnlyList<string> migrations;
        await using (var db = database.CreateDbContext())
        {
            // The database an earlier release created from its script: every migration but the last two.
            migrations = [.. db.Database.GetMigrations()];
            var earlier = db.GetService<IMigrator>().GenerateScript(toMigration: migrations[^3], options: MigrationsSqlGenerationOptions.NoTransactions);
            Assert.True(await DatabaseSetup.CreateFromScriptAsync(db, earlier));
            Assert.Equal(migrations.TakeLast(2), await db.Database.GetPendingMigrationsAsync());
        }
        await using (var db = fromMigrator.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        // This release's start-up, through the real command line.
        var file = CsvFiles.Write(CsvFiles.Lines(CsvFiles.Header, "201,C000001,Alex,Example,permanent,2020-04-01,,,"));
        var result = await UponCli.RunAsync(database, "import", "appointments", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using (var db = database.CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(migrations, await db.Database.GetAppliedMigrationsAsync());
        }
        Assert.Equal(await SchemaAsync(fromMigrator), await SchemaAsync(database));
    }

    private UponDbContext DesignTimeContext() => provider == DatabaseProvider.Sqlite
        ? new SqliteDesignTimeFactory().CreateDbContext([])
        : new PostgresDesignTimeFactory().CreateDbContext([]);

    private static string Normalise(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    private Task<TestDatabase> CreateAsync() => TestDatabase.OrSkipAsync(() => TestDatabase.CreateAsync(provider));

    /// <summary>
    /// The schema as the database describes it, one line per object, and the migrations' history. EF Core's migrator adds
    /// its lock table on SQLite, which is not part of the schema.
    /// </summary>
    private async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        string[] queries = provider == DatabaseProvider.Sqlite
            ? [
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsLock' ORDER BY type, name",
            ]
            : [
                "SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default, character_maximum_length, is_identity, identity_generation " +
                "FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
                "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY tablename, indexname",
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1, 2",
                "SELECT event_object_table, trigger_name, event_manipulation, action_timing, action_statement FROM information_schema.triggers " +
                "WHERE trigger_schema = current_schema() ORDER BY 1, 2, 3",
                "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = current_schema()::regnamespace ORDER BY 1",
                "SELECT sequencename, data_type, start_value, increment_by FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1",
            ];
        queries = [.. queries, "SELECT \"MigrationId\", \"ProductVersion\" FROM \"__ef_migrations\" ORDER BY 1"];
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }
        return lines;
    }
}

public sealed class CreationScriptTests_Sqlite() : CreationScriptTests(DatabaseProvider.Sqlite);

public sealed class CreationScriptTests_Postgres() : CreationScriptTests(DatabaseProvider.Postgres);
