using System.Text.Json;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary><c>upon demo</c> creates the calibrated register once, and only on an empty database.</summary>
public abstract class DemoCommandTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task Demo_EmptyDatabase_ReproducesAdcsSeriesAndRefusesASecondTime()
    {
        fixture.RequireDatabase();
        var demo = await UponCli.RunAsync(fixture.Database, "demo");
        Assert.True(demo.ExitCode == 0, demo.ToString());

        var report = await UponCli.RunAsync(fixture.Database, "report", "turnover", "--format", "json");
        using var json = JsonDocument.Parse(report.Output);
        var years = json.RootElement.EnumerateArray().ToDictionary(y => y.GetProperty("financialYear").GetString()!);
        var adcs = new Dictionary<string, (int Changes, int? Authorities)>
        {
            ["2017-18"] = (65, null), ["2018-19"] = (51, 40), ["2019-20"] = (57, 48), ["2020-21"] = (39, 34),
            ["2021-22"] = (47, 36), ["2022-23"] = (50, 42), ["2023-24"] = (62, 49), ["2024-25"] = (51, 39),
        };
        foreach (var (year, (changes, authorities)) in adcs)
        {
            Assert.Equal(changes, years[year].GetProperty("changes").GetInt32());
            if (authorities is { } expected)
            {
                Assert.Equal(expected, years[year].GetProperty("authoritiesWithChange").GetInt32());
            }
        }
        Assert.Equal(3, years["2023-24"].GetProperty("consecutiveYearsRising").GetInt32());

        var again = await UponCli.RunAsync(fixture.Database, "demo");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("only created on an empty database", again.Error, StringComparison.Ordinal);
    }
}

public sealed class DemoCommandTests_Sqlite(SqliteDatabase fixture) : DemoCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class DemoCommandTests_Postgres(PostgresDatabase fixture) : DemoCommandTests(fixture), IClassFixture<PostgresDatabase>;
