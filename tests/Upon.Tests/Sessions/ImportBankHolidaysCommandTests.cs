using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>
/// <c>upon import bank-holidays FILE</c> through the real executable: a GOV.UK file replaces the table in one go; a bad file
/// is refused with one line and nothing is written.
/// </summary>
public abstract class ImportBankHolidaysCommandTests(DatabaseFixture fixture)
{
    private const string Good = """
        {
          "england-and-wales": {
            "division": "england-and-wales",
            "events": [
              { "title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true },
              { "title": "New Year’s Day", "date": "2030-01-01", "notes": "", "bunting": true },
              { "title": "Good Friday", "date": "2030-04-19", "notes": "", "bunting": false }
            ]
          },
          "scotland": {
            "division": "scotland",
            "events": [ { "title": "St Andrew’s Day", "date": "2030-12-02", "notes": "", "bunting": true } ]
          }
        }
        """;

    private static string Write(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<List<(LocalDate Date, string Title)>> HolidaysAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return [.. (await db.BankHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync()).Select(h => (h.Date, h.Title))];
    }

    private async Task AssertRefusedAsync(string content, string expected)
    {
        var before = await HolidaysAsync();
        var result = await UponCli.RunAsync(fixture.Database, "import", "bank-holidays", Write(content));
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("upon: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("nothing was imported.", line.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(before, await HolidaysAsync());
    }

    [SkippableFact]
    public async Task Import_BadFilesWriteNothing_AndAGoodFileReplacesTheTable()
    {
        fixture.RequireDatabase();
        Assert.Empty(await HolidaysAsync());

        await AssertRefusedAsync("""{ "england-and-wales": { "events": [ { "title": "Leap day", "date": "2030-02-29" } ] } }""", "2030-02-29");

        var good = await UponCli.RunAsync(fixture.Database, "import", "bank-holidays", Write(Good));

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("Loaded 3 bank holidays in England and Wales, from 1 January 2030 to 25 December 2030", good.Output, StringComparison.Ordinal);
        Assert.Equal(
            [(new LocalDate(2030, 1, 1), "New Year’s Day"), (new LocalDate(2030, 4, 19), "Good Friday"), (new LocalDate(2030, 12, 25), "Christmas Day")],
            await HolidaysAsync());

        await AssertRefusedAsync("not json at all", "not valid JSON");
        await AssertRefusedAsync("""{ "scotland": { "events": [ { "title": "St Andrew’s Day", "date": "2030-12-02" } ] } }""", "no \"england-and-wales\" division");
        await AssertRefusedAsync("""{ "england-and-wales": { "events": [ { "title": "", "date": "2030-05-06" } ] } }""", "title is empty");
        await AssertRefusedAsync("""{ "england-and-wales": { "events": [ { "title": "A", "date": "2030-05-06" }, { "title": "B", "date": "2030-05-06" } ] } }""", "2030-05-06 is already the date of");
        await AssertRefusedAsync("""{ "england-and-wales": { "events": [] } }""", "has no events");

        var again = await UponCli.RunAsync(fixture.Database, "import", "bank-holidays", Write(Good));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("(0 added, 0 updated, 0 removed)", again.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Import_MissingFile_IsAnOperatorError()
    {
        fixture.RequireDatabase();

        var result = await UponCli.RunAsync(fixture.Database, "import", "bank-holidays", Path.Combine(Path.GetTempPath(), "upon-tests", "no-such-file.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no file at", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reference_RegeneratesTheShippedFileFromTheGovUkFeed()
    {
        fixture.RequireDatabase();
        var output = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.json");

        var result = await UponCli.RunAsync(fixture.Database, "reference", "bank-holidays", SharedDataFile("govuk_bank_holidays_2024_2027.json"), output);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Wrote 32 England and Wales bank holidays, 2024-01-01 to 2027-12-28.", result.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(ShippedFile()), await File.ReadAllTextAsync(output));
    }

    private static string SharedDataFile(string name) => TestData.PathOf(name);

    private static string ShippedFile() => TestData.PathOf("shipped-bank-holidays.json");
}

public sealed class ImportBankHolidaysCommandTests_Sqlite(SqliteDatabase fixture) : ImportBankHolidaysCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class ImportBankHolidaysCommandTests_Postgres(PostgresDatabase fixture) : ImportBankHolidaysCommandTests(fixture), IClassFixture<PostgresDatabase>;
