using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Disclosure;

/// <summary>An app whose funder sees counts of 3 and more: <c>Disclosure:SmallNumberThreshold</c> is 3.</summary>
public sealed class ThresholdThreeApp() : UponApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Disclosure:SmallNumberThreshold", "3")];
}

/// <summary>The <c>Disclosure:SmallNumberThreshold</c> setting: used when set, and checked when the app starts.</summary>
public sealed class DisclosureSetupTests(ThresholdThreeApp app) : IClassFixture<ThresholdThreeApp>
{
    /// <summary>2022-23: three changes, each unplanned and each bringing in a first-time director.</summary>
    private const string Register = CsvFiles.Header + "\n" +
        "202,thr-p1,Ann,One,permanent,2021-04-01,2022-06-30,resigned,yes\n" +
        "202,thr-q1,Bea,Two,permanent,2022-07-01,,,\n" +
        "203,thr-p2,Cy,Three,permanent,2021-04-01,2022-06-30,resigned,yes\n" +
        "203,thr-q2,Di,Four,permanent,2022-07-01,,,\n" +
        "204,thr-p3,Ed,Five,interim,2021-04-01,2022-06-30,end_of_interim,yes\n" +
        "204,thr-q3,Flo,Six,interim,2022-07-01,,,\n";

    [SkippableFact]
    public async Task Funder_SeesCountsFromTheConfiguredThreshold()
    {
        app.RequireDatabase();
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(Register)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));

        var json = await app.CreateClient(Roles.Funder).GetStringAsync(new Uri("/api/reports/turnover?year=2022-23", UriKind.Relative));
        var page = await app.CreateClient(Roles.Funder).GetDocumentAsync("/register/turnover?year=2022-23");

        using var year = JsonDocument.Parse(json);
        Assert.Equal(3, year.RootElement.GetProperty("changes").GetInt32());
        Assert.Equal(3, year.RootElement.GetProperty("authoritiesWithUnplannedChange").GetInt32());
        Assert.Equal(1, year.RootElement.GetProperty("consecutiveYearsRising").GetInt32()); // from 0 to 3
        Assert.Equal(
            ["interimShareAtYearEnd"], // 1 interim at the year's end
            year.RootElement.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("a count from 1 to 2", page.QuerySelector("#suppression-note")?.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("five")]
    [InlineData("2.5")]
    public void Start_ThresholdNotAWholeNumberOfAtLeastOne_Fails(string threshold)
    {
        var database = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.db");
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Database:Provider", "Sqlite");
                builder.UseSetting("ConnectionStrings:Upon", $"Data Source={database}");
                builder.UseSetting("Demo:CreateOnEmptyDatabase", "false");
                builder.UseSetting(Upon.Shared.Hosting.StartupCodeRelease.DelaySetting, "0");
                builder.UseSetting("Email:PollSeconds", "0");
                builder.UseSetting("Disclosure:SmallNumberThreshold", threshold);
            });

            var error = Assert.ThrowsAny<Exception>(() => factory.Services);

            Assert.Contains("Disclosure:SmallNumberThreshold", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
