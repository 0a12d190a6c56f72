using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Figures;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>
/// <c>upon report turnover</c> keeps its figures in <c>stored_figures</c> and answers from them while the data version
/// and the day are unchanged, through the real executable: every format prints the same bytes from the stored figures
/// as when computed fresh, a change of the register is reported at once, and a stale row is never served.
/// </summary>
public abstract class ReportTurnoverStoredFiguresTests(DatabaseFixture fixture)
{
    private static readonly string[][] Formats =
    [
        ["report", "turnover"],
        ["report", "turnover", "--format", "json"],
        ["report", "turnover", "--format", "json", "--year", "2023-24"],
        ["report", "turnover", "--format", "csv"],
        ["report", "turnover", "--format", "csv", "--year", "2023-24"],
        ["report", "turnover", "--format", "table", "--year", "2023-24"],
    ];

    private async Task<string> RunAsync(params string[] args)
    {
        var result = await UponCli.RunAsync(fixture.Database, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        return result.Output;
    }

    private async Task ImportAsync(params string[] rows)
    {
        var result = await UponCli.RunAsync(fixture.Database, "import", "appointments", CsvFiles.Write(CsvFiles.Lines([CsvFiles.Header, .. rows])));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private async Task<(long Version, StoredFigure? Stored)> StoredAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        var version = await db.DataVersions.Where(v => v.Id == DataVersion.RowId).Select(v => v.Version).SingleAsync();
        return (version, await db.StoredFigures.AsNoTracking().SingleOrDefaultAsync(f => f.Key == "turnover|years"));
    }

    private async Task ForgetStoredAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        await db.StoredFigures.ExecuteDeleteAsync();
    }

    [SkippableFact]
    public async Task Report_FromStoredFigures_PrintsTheSameBytesAsComputedFresh()
    {
        fixture.RequireDatabase();
        await ImportAsync(
            "805,SF-1,Ada,Moss,permanent,2015-05-01,2023-06-30,retired,no",
            "805,SF-2,Ben,Okafor,interim,2023-07-01,,,",
            "806,SF-3,Dev,Patel,permanent,2016-01-01,2023-09-30,resigned,yes");

        await ForgetStoredAsync();
        var fresh = new List<string>();
        foreach (var args in Formats)
        {
            // Nothing stored: each run computes the figures (and stores them for the next).
            await ForgetStoredAsync();
            fresh.Add(await RunAsync(args));
        }
        var (version, stored) = await StoredAsync();
        Assert.NotNull(stored);
        Assert.Equal(version, stored.DataVersion);
        Assert.Equal(StoredFigures.Build, stored.Build);

        for (var i = 0; i < Formats.Length; i++)
        {
            Assert.Equal(fresh[i], await RunAsync(Formats[i]));
        }
        // Reading the stored figures changed nothing: the version is the same, so the stored row is still the one served.
        Assert.Equal(version, (await StoredAsync()).Version);
    }

    [SkippableFact]
    public async Task Report_AfterAnImportChangesTheRegister_GivesTheNewFigures()
    {
        fixture.RequireDatabase();
        await ImportAsync("807,SG-1,Cara,Lind,permanent,2014-01-01,,,");
        var before = await RunAsync("report", "turnover", "--format", "csv");
        Assert.Equal(before, await RunAsync("report", "turnover", "--format", "csv"));
        var (versionBefore, _) = await StoredAsync();

        // Cara leaves 807 in 2023-24 (unplanned) and Eve follows: a change, an unplanned one, a first-time director.
        await ImportAsync(
            "807,SG-1,Cara,Lind,permanent,2014-01-01,2023-10-31,resigned,yes",
            "807,SG-2,Eve,Shaw,permanent,2023-11-01,,,");
        var (versionAfter, staleRow) = await StoredAsync();
        Assert.True(versionAfter > versionBefore);
        Assert.NotNull(staleRow);
        Assert.NotEqual(versionAfter, staleRow.DataVersion);

        var after = await RunAsync("report", "turnover", "--format", "csv");
        Assert.NotEqual(before, after);
        var row = Assert.Single(after.Split("\r\n"), l => l.StartsWith("2023-24,", StringComparison.Ordinal));
        var beforeRow = Assert.Single(before.Split("\r\n"), l => l.StartsWith("2023-24,", StringComparison.Ordinal));
        Assert.Equal(int.Parse(beforeRow.Split(',')[2], CultureInfo.InvariantCulture) + 1, int.Parse(row.Split(',')[2], CultureInfo.InvariantCulture));

        // The figures now stored are the new ones, the same as computed fresh.
        Assert.Equal(versionAfter, (await StoredAsync()).Stored!.DataVersion);
        Assert.Equal(after, await RunAsync("report", "turnover", "--format", "csv"));
        await ForgetStoredAsync();
        Assert.Equal(after, await RunAsync("report", "turnover", "--format", "csv"));
    }

    [SkippableFact]
    public async Task Report_StoredRowOfAnotherVersionDayOrBuild_IsNeverServed()
    {
        fixture.RequireDatabase();
        await ImportAsync("808,SH-1,Finn,Ward,permanent,2012-01-01,2023-05-31,retired,no", "808,SH-2,Gus,Hale,acting,2023-06-01,,,");
        var real = await RunAsync("report", "turnover", "--format", "json");
        var (version, _) = await StoredAsync();
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(Core.Time.London).Date;
        const string Forged = """[{"financialYear":"1999-00","localAuthorities":1,"changes":999,"authoritiesWithChange":0,"authoritiesWithUnplannedChange":0,"unplannedChangeRate":0,"firstTimeDirectors":0,"interimShareAtYearEnd":0,"meanCompletedTenureMonths":null,"medianTenureMonths":null,"consecutiveYearsRising":null,"toDate":false}]""";

        async Task ForgeAsync(long dataVersion, LocalDate day, string build)
        {
            await using var db = fixture.Database.CreateDbContext();
            await db.StoredFigures.Where(f => f.Key == "turnover|years").ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Json, Forged).SetProperty(f => f.DataVersion, dataVersion).SetProperty(f => f.Day, day).SetProperty(f => f.Build, build));
        }

        // Fresh in every way: served as stored (this is the row the command line answers from).
        await ForgeAsync(version, today, StoredFigures.Build);
        Assert.Contains("\"changes\": 999", await RunAsync("report", "turnover", "--format", "json"), StringComparison.Ordinal);

        // Stale in any one way: computed again from the register.
        foreach (var (dataVersion, day, build) in new[] { (version - 1, today, StoredFigures.Build), (version, today.PlusDays(-1), StoredFigures.Build), (version, today, "another-build") })
        {
            await ForgeAsync(dataVersion, day, build);
            Assert.Equal(real, await RunAsync("report", "turnover", "--format", "json"));
        }
    }
}

public sealed class ReportTurnoverStoredFiguresTests_Sqlite(SqliteDatabase fixture) : ReportTurnoverStoredFiguresTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class ReportTurnoverStoredFiguresTests_Postgres(PostgresDatabase fixture) : ReportTurnoverStoredFiguresTests(fixture), IClassFixture<PostgresDatabase>;
