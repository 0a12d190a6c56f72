using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Tests.Infrastructure;
using Upon.Tests.Register.Pages;

namespace Upon.Tests.Register;

/// <summary>
/// Issue 9 item 2: 100,000 appointments of 100,000 new people import on both databases, through the command line and
/// through the upload page. On SQLite this failed with "too many SQL variables" (a list expanded into one parameter
/// per element past 32,766), and the page gave a 500.
/// </summary>
public static class LargeImportFile
{
    public const int Rows = 100_000;

    /// <summary>Metropolitan and London authorities that operated throughout 2000 to 2026.</summary>
    private static readonly string[] Authorities =
    [
        .. new[] { (202, 12), (301, 20), (330, 7), (340, 5), (350, 10), (370, 4), (380, 5), (390, 5) }
            .SelectMany(r => Enumerable.Range(r.Item1, r.Item2))
            .Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>One six-day appointment after another in each authority from 1 January 2000, each of a new person.</summary>
    public static byte[] Create(string prefix)
    {
        var text = new StringBuilder(CsvFiles.Header).Append('\n');
        var first = new LocalDate(2000, 1, 1);
        for (var i = 0; i < Rows; i++)
        {
            var start = first.PlusDays(i / Authorities.Length * 6);
            text.Append(Authorities[i % Authorities.Length]).Append(',').Append(prefix).Append(i).Append(",Given,Family,interim,")
                .Append(start.ToString("yyyy-MM-dd", null)).Append(',').Append(start.PlusDays(5).ToString("yyyy-MM-dd", null)).Append(",end_of_interim,no\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

public abstract class LargeImportCommandTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task ImportAppointments_100000NewPeople_Succeeds()
    {
        fixture.RequireDatabase();
        var path = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, LargeImportFile.Create("cli-"));

        var result = await UponCli.RunAsync(fixture.Database, "import", "appointments", path);

        Assert.True(result.ExitCode == 0, result.ToString()[..Math.Min(2000, result.ToString().Length)]);
        Assert.Contains("100000 rows: 100000 added, 0 updated, 0 unchanged; 100000 new people.", result.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(LargeImportFile.Rows, await db.People.CountAsync(p => p.PersonId.StartsWith("cli-")));
        File.Delete(path);
    }
}

public sealed class LargeImportCommandTests_Sqlite(SqliteDatabase fixture) : LargeImportCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class LargeImportCommandTests_Postgres(PostgresDatabase fixture) : LargeImportCommandTests(fixture), IClassFixture<PostgresDatabase>;

public abstract class LargeImportPageTests(UponApp app)
{
    [SkippableFact]
    public async Task Upload_100000NewPeople_PreviewsAndSaves()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var preview = await client.PostFileAsync("/register/upload", "CsvFile", "large.csv", LargeImportFile.Create("page-"));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var doc = await Html.ParseAsync(preview);
        Assert.Equal("100,000 rows: 100,000 to add, 0 to update, 0 unchanged, 100,000 new people", doc.QuerySelector("#preview-summary").Text());
        Assert.Equal(50, doc.QuerySelectorAll("#preview-changes tbody tr").Length);
        var token = doc.QuerySelector("input[name=token]")!.GetAttribute("value")!;

        var confirm = await client.PostFormAsync("/register/upload", new Dictionary<string, string> { ["token"] = token }, "/register/upload?handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(LargeImportFile.Rows, await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().People.CountAsync(p => p.PersonId.StartsWith("page-"))));
    }
}

public sealed class LargeImportPageTests_Sqlite(SqliteApp app) : LargeImportPageTests(app), IClassFixture<SqliteApp>;

public sealed class LargeImportPageTests_Postgres(PostgresApp app) : LargeImportPageTests(app), IClassFixture<PostgresApp>;
