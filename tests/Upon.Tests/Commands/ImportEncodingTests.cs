using System.Text;
using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>
/// The command line decodes files by the same rule as the upload page (issue 9 item 8): UTF-8 with or without a
/// byte-order mark; a Latin-1 or UTF-16 file exits 1 naming the line, instead of importing replacement characters.
/// And <c>upon export appointments</c> neutralises formulas, and its output imports back unchanged (item 3).
/// </summary>
public abstract class ImportEncodingTests(DatabaseFixture fixture)
{
    private static string WriteBytes(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<int> CountPeopleAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.People.CountAsync();
    }

    [SkippableFact]
    public async Task Import_Latin1File_ExitsOneNamingTheLine()
    {
        fixture.RequireDatabase();
        var before = await CountPeopleAsync();
        var text = CsvFiles.Lines(CsvFiles.Header, "350,enc-l1-1,Ann,Ash,permanent,2006-01-01,,,", "351,enc-l1-2,Zoë,Brontë,permanent,2006-01-01,,,");

        var result = await UponCli.RunAsync(fixture.Database, "import", "appointments", WriteBytes(Encoding.Latin1.GetBytes(text)));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Line 3 is not UTF-8", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountPeopleAsync());
    }

    [SkippableFact]
    public async Task Import_Utf16File_ExitsOneSayingSo()
    {
        fixture.RequireDatabase();
        var text = CsvFiles.Lines(CsvFiles.Header, "352,enc-16-1,Ann,Ash,permanent,2006-01-01,,,");

        var result = await UponCli.RunAsync(fixture.Database, "import", "appointments", WriteBytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("UTF-16", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportBankHolidays_Latin1File_ExitsOneNamingTheLine()
    {
        fixture.RequireDatabase();
        var result = await UponCli.RunAsync(fixture.Database, "import", "bank-holidays", WriteBytes(Encoding.Latin1.GetBytes("date,title\n2030-01-01,Jour de l'An é\n")));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Line 2 is not UTF-8", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ExportAppointments_NeutralisesFormulas_AndImportsBackUnchanged()
    {
        fixture.RequireDatabase();
        var file = WriteBytes(Encoding.UTF8.GetBytes(CsvFiles.Lines(CsvFiles.Header,
            "353,-12,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@SUM(A1),permanent,2006-01-01,,,")));
        Assert.Equal(0, (await UponCli.RunAsync(fixture.Database, "import", "appointments", file)).ExitCode);

        var export = await UponCli.RunAsync(fixture.Database, "export", "appointments");

        Assert.Equal(0, export.ExitCode);
        Assert.Contains("353,'-12,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'@SUM(A1),permanent,2006-01-01,,,,,", export.Output, StringComparison.Ordinal);
        var again = await UponCli.RunAsync(fixture.Database, "import", "appointments", WriteBytes(Encoding.UTF8.GetBytes(export.Output)));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 added, 0 updated", again.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"x\")", (await db.People.SingleAsync(p => p.PersonId == "-12")).GivenName);
    }
}

public sealed class ImportEncodingTests_Sqlite(SqliteDatabase fixture) : ImportEncodingTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class ImportEncodingTests_Postgres(PostgresDatabase fixture) : ImportEncodingTests(fixture), IClassFixture<PostgresDatabase>;
