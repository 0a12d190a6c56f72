using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary>
/// Import, report and export through the real executable. The figures for 2023-24 are worked out by hand below from
/// a small register over Hartlepool (805), Middlesbrough (806) and Redcar and Cleveland (807).
/// </summary>
public abstract class RegisterRoundTripTests(DatabaseFixture fixture)
{
    private static readonly string Register = CsvFiles.Lines(
        CsvFiles.Header,
        "805,HX-1,Ada,Moss,permanent,2015-05-01,2022-06-30,retired,no",
        "805,HX-2,Ben,Okafor,interim,2022-07-01,2022-12-31,made_permanent,no",
        "805,HX-2,Ben,Okafor,permanent,2023-01-01,2023-09-30,resigned,yes",
        "805,HX-3,Cara,Lind,permanent,2023-10-01,,,",
        "806,HX-4,Dev,Patel,permanent,2016-01-01,2023-04-01,moved_to_another_dcs_post,no",
        "806,HX-5,Eve,Shaw,acting,2023-04-02,2023-07-31,end_of_interim,no",
        "806,HX-6,Finn,Ward,permanent,2023-08-01,,,",
        "807,HX-4,Dev,Patel,permanent,2023-05-01,,,");

    [SkippableFact]
    public async Task ImportReportExport_RoundTripAndHandWorkedFigures()
    {
        fixture.RequireDatabase();
        var import = await UponCli.RunAsync(fixture.Database, "import", "appointments", CsvFiles.Write(Register));
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("8 rows: 8 added", import.Output, StringComparison.Ordinal);

        var report = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "json", "--year", "2023-24");
        Assert.True(report.ExitCode == 0, report.ToString());
        using var json = JsonDocument.Parse(report.Output);
        var year = json.RootElement;
        Assert.Equal("2023-24", year.GetProperty("financialYear").GetString());
        // Every reference authority in operation on 31 March 2024.
        Assert.Equal(153, year.GetProperty("localAuthorities").GetInt32());
        // HX-3 at 805 (after HX-2), HX-5 and HX-6 at 806; HX-4 at 807 is that authority's first recorded appointment.
        Assert.Equal(3, year.GetProperty("changes").GetInt32());
        Assert.Equal(2, year.GetProperty("authoritiesWithChange").GetInt32());
        // HX-2 resigned from 805 on 30 September 2023, unplanned: 1 of 153.
        Assert.Equal(1, year.GetProperty("authoritiesWithUnplannedChange").GetInt32());
        Assert.Equal(0.0065, year.GetProperty("unplannedChangeRate").GetDouble());
        // HX-3, HX-5, HX-6 are new; HX-4 had 806 before.
        Assert.Equal(3, year.GetProperty("firstTimeDirectors").GetInt32());
        Assert.Equal(0.0, year.GetProperty("interimShareAtYearEnd").GetDouble());
        // Tenures ended in the year: HX-2 at 805 (interim and permanent merged) 2022-07-01..2023-09-30 = 457 days,
        // HX-4 at 806 2016-01-01..2023-04-01 = 2,648 days, HX-5 2023-04-02..2023-07-31 = 121 days: mean 1,075.33 days / 30.4375.
        Assert.Equal(35.33, year.GetProperty("meanCompletedTenureMonths").GetDouble());
        // Kaplan-Meier over 7 tenures (events at 121, 457, 2618, 2648 days; censored at 183, 244, 336):
        // S = 6/7 after 121, x 2/3 = 0.571 after 457, x 1/2 = 0.286 after 2,618 days (HX-1): median 2,618 days.
        Assert.Equal(86.01, year.GetProperty("medianTenureMonths").GetDouble());
        // 2022-23 had 1 change (HX-2's interim), up from 0; 2023-24 has 3.
        Assert.Equal(2, year.GetProperty("consecutiveYearsRising").GetInt32());

        var all = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "json");
        using var every = JsonDocument.Parse(all.Output);
        Assert.Equal(JsonValueKind.Array, every.RootElement.ValueKind);
        Assert.Equal("2015-16", every.RootElement[0].GetProperty("financialYear").GetString());
        Assert.Equal(JsonValueKind.Null, every.RootElement[0].GetProperty("consecutiveYearsRising").ValueKind);

        // The command line runs on the real clock: the year containing today is the last, and the only one to date.
        var current = Core.Register.FinancialYear.Containing(NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(Core.Time.London).Date).Label;
        var last = every.RootElement[every.RootElement.GetArrayLength() - 1];
        Assert.Equal(current, last.GetProperty("financialYear").GetString());
        Assert.True(last.GetProperty("toDate").GetBoolean());
        Assert.Equal(1, every.RootElement.EnumerateArray().Count(y => y.GetProperty("toDate").GetBoolean()));
        Assert.False(year.GetProperty("toDate").GetBoolean());

        var csv = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "csv");
        var csvLines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "financialYear,localAuthorities,changes,authoritiesWithChange,authoritiesWithUnplannedChange,unplannedChangeRate,firstTimeDirectors," +
            "interimShareAtYearEnd,meanCompletedTenureMonths,medianTenureMonths,consecutiveYearsRising,toDate", csvLines[0]);
        Assert.Contains("2023-24,153,3,2,1,0.0065,3,0,35.33,86.01,2,false", csvLines);
        Assert.StartsWith(current + ",", csvLines[^1], StringComparison.Ordinal);
        Assert.EndsWith(",true", csvLines[^1], StringComparison.Ordinal);
        Assert.Single(csvLines, l => l.EndsWith(",true", StringComparison.Ordinal));
        var table = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "table", "--year", "2023-24");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("2023-24", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("to date", table.Output, StringComparison.Ordinal);
        var toDate = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "table", "--year", current);
        Assert.Contains($"{current} (to date)", toDate.Output, StringComparison.Ordinal);

        var exported = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.csv");
        var export = await UponCli.RunAsync(fixture.Database, "export", "appointments", "--output", exported);
        Assert.True(export.ExitCode == 0, export.ToString());
        var lines = await File.ReadAllLinesAsync(exported);
        Assert.Equal(CsvFiles.Header + ",email,recorded_date", lines[0]);
        Assert.Equal(9, lines.Length);
        // Imported without a recorded_date: the register was told on the day of the import.
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^805,HX-2,Ben,Okafor,permanent,2023-01-01,2023-09-30,resigned,yes,,\d{4}-\d{2}-\d{2}$"));

        var reimport = await UponCli.RunAsync(fixture.Database, "import", "appointments", exported);
        Assert.True(reimport.ExitCode == 0, reimport.ToString());
        Assert.Contains("0 added, 0 updated, 8 unchanged", reimport.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReportTurnover_InvalidYear_SaysHowToWriteIt()
    {
        fixture.RequireDatabase();
        var result = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "json", "--year", "2023/24");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'2023/24' is not a financial year: use the form 2023-24", result.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportAuthorities_DfePublishedList_Gives153InOperationToday()
    {
        fixture.RequireDatabase();
        var result = await UponCli.RunAsync(fixture.Database, "import", "authorities", TestData.PathOf("dfe_las.csv"));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("160 authorities read", result.Output, StringComparison.Ordinal);
        Assert.Contains("153 in operation today", result.Output, StringComparison.Ordinal);

        await using var db = fixture.Database.CreateDbContext();
        var authorities = await db.Authorities.Include(a => a.GssCodes).ToListAsync();
        var today = new LocalDate(2026, 11, 25);
        Assert.Equal(153, authorities.Count(a => a.Period.Contains(today)));
        var barnsley = authorities.Single(a => a.Code == "370");
        Assert.Equal(["E08000016", "E08000038"], barnsley.GssCodes.OrderBy(g => g.ValidFrom).Select(g => g.Code));
        Assert.Equal(new LocalDate(2023, 3, 31), authorities.Single(a => a.Code == "909").OperatingTo);
    }

    [SkippableFact]
    public async Task ImportAuthorities_NotDfeFormat_NamesTheMissingColumns()
    {
        fixture.RequireDatabase();
        var result = await UponCli.RunAsync(fixture.Database, "import", "authorities", CsvFiles.Write("code,name\n805,Hartlepool\n"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing the column(s): new_la_code", result.Error, StringComparison.Ordinal);
    }
}

public sealed class RegisterRoundTripTests_Sqlite(SqliteDatabase fixture) : RegisterRoundTripTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class RegisterRoundTripTests_Postgres(PostgresDatabase fixture) : RegisterRoundTripTests(fixture), IClassFixture<PostgresDatabase>;
