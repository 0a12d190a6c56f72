using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Impact;
using Upon.Impact;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Impact;

/// <summary>
/// Issue 13, the DfE contract return, through the real host, API and command line on each database: the figures, the
/// funder's suppression, the files, and a submitted return that stays frozen until staff issue a revision.
/// </summary>
public abstract class DfeReturnTests(UponApp app)
{
    /// <summary>2024-25: eight people start their first DCS post in Q2 (July), three in Q3 (October).</summary>
    private static readonly string Register2024 = CsvFiles.Header + "\n" + string.Concat(
        Enumerable.Range(301, 8).Select(la => $"{la},dr-{la},Given{la},Family{la},permanent,2024-07-01,,,\n")
            .Concat(Enumerable.Range(309, 3).Select(la => $"{la},dr-{la},Given{la},Family{la},interim,2024-10-15,,,\n")));

    private async Task ImportAsync(string csv)
    {
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(csv)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync(new Uri($"/api/reports/dfe-return?{query}", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static JsonElement Figure(JsonElement document, string key) =>
        document.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray()).Single(f => f.GetProperty("key").GetString() == key);

    [SkippableFact]
    public async Task Api_GivesStaffTheExactFigures_AndTheFunderThemSuppressedAcrossTheQuarters()
    {
        app.RequireDatabase();
        await ImportAsync(Register2024);

        var staff = await GetAsync(app.CreateApiClient(Roles.PartnerStaff), "period=2024-25-Q3");
        Assert.Equal("2024-25-Q3", staff.GetProperty("period").GetString());
        Assert.Equal("2024-10-01", staff.GetProperty("from").GetString());
        Assert.Equal("2024-12-31", staff.GetProperty("to").GetString());
        Assert.Equal("2024-25-Q2", staff.GetProperty("lastPeriod").GetString());
        Assert.Equal("2023-24-Q3", staff.GetProperty("samePeriodLastYear").GetString());
        Assert.Equal("exact", staff.GetProperty("view").GetString());
        Assert.Equal("draft", staff.GetProperty("status").GetString());
        var exact = Figure(staff, "firstTimeDirectors");
        Assert.Equal(3, exact.GetProperty("thisPeriod").GetDouble());
        Assert.Equal(8, exact.GetProperty("lastPeriod").GetDouble());
        Assert.Equal(0, exact.GetProperty("samePeriodLastYear").GetDouble());
        Assert.False(string.IsNullOrWhiteSpace(exact.GetProperty("definition").GetString()));

        var funder = await GetAsync(app.CreateApiClient(Roles.Funder), "period=2024-25-Q3");
        Assert.Equal("funder", funder.GetProperty("view").GetString());
        var suppressed = Figure(funder, "firstTimeDirectors");
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("thisPeriod").ValueKind);
        // 8 in Q2 would give the 3 of Q3 away with the year's 11: it is suppressed too.
        Assert.Equal(JsonValueKind.Null, suppressed.GetProperty("lastPeriod").ValueKind);
        Assert.Equal(0, suppressed.GetProperty("samePeriodLastYear").GetDouble());
        Assert.Equal(["thisPeriod", "lastPeriod"], suppressed.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var year = Figure(await GetAsync(app.CreateApiClient(Roles.Funder), "period=2024-25"), "firstTimeDirectors");
        Assert.Equal(11, year.GetProperty("thisPeriod").GetDouble());

        // Funder asking for the exact view still gets its own; staff may ask for the funder's.
        Assert.Equal("funder", (await GetAsync(app.CreateApiClient(Roles.Funder), "period=2024-25-Q3&view=exact")).GetProperty("view").GetString());
        Assert.Equal("funder", (await GetAsync(app.CreateApiClient(Roles.Administrator), "period=2024-25-Q3&view=funder")).GetProperty("view").GetString());
    }

    [SkippableTheory]
    [InlineData("period=2024-25-Q5")]
    [InlineData("period=2024-26")]
    [InlineData("period=1999-00")]
    [InlineData("period=2030-31-Q1")]
    [InlineData("")]
    public async Task Api_BadPeriod_IsProblemDetails(string query)
    {
        app.RequireDatabase();
        var response = await app.CreateApiClient(Roles.Funder).GetAsync(new Uri($"/api/reports/dfe-return?{query}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Api_IsNotForCoachesOrParticipants()
    {
        app.RequireDatabase();
        foreach (var role in new[] { Roles.Coach, Roles.Participant })
        {
            var response = await app.CreateApiClient(role).GetAsync(new Uri("/api/reports/dfe-return?period=2024-25", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [SkippableFact]
    public async Task ASubmittedReturn_IsServedAsSubmitted_ShowsTheDifference_AndARevisionPublishesTheNewFigures()
    {
        app.RequireDatabase();
        await ImportAsync(CsvFiles.Header + "\n" + string.Concat(Enumerable.Range(312, 6).Select(la => $"{la},fr-{la},Given{la},Family{la},permanent,2023-08-01,,,\n")));
        var submitted = await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().SubmitAsync(ReturnPeriod.Parse("2023-24-Q2"), "tester", default));
        Assert.True(submitted);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().SubmitAsync(ReturnPeriod.Parse("2023-24-Q2"), "tester", default)));

        // Later data: a seventh first-time director of the quarter, recorded late.
        await ImportAsync(CsvFiles.Header + "\n318,fr-318,Given318,Family318,permanent,2023-09-01,,,\n");
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var frozen = await GetAsync(staff, "period=2023-24-Q2");
        Assert.Equal("submitted", frozen.GetProperty("status").GetString());
        Assert.Equal(1, frozen.GetProperty("version").GetInt32());
        Assert.Equal(6, Figure(frozen, "firstTimeDirectors").GetProperty("thisPeriod").GetDouble());

        var differences = await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().DifferencesAsync(ReturnPeriod.Parse("2023-24-Q2"), default));
        var changed = Assert.Single(differences, d => d.Key == "firstTimeDirectors" && d.Column == "thisPeriod");
        Assert.Equal(6, changed.Submitted);
        Assert.Equal(7, changed.Now);
        var page = await app.CreateClient(Roles.PartnerStaff).GetStringAsync(new Uri("/reports/dfe-return?period=2023-24-Q2", UriKind.Relative));
        Assert.Contains("id=\"differences\"", page, StringComparison.Ordinal);

        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().ReviseAsync(ReturnPeriod.Parse("2023-24-Q2"), "tester", "A late-recorded appointment", default)));
        var revised = await GetAsync(staff, "period=2023-24-Q2");
        Assert.Equal("revised", revised.GetProperty("status").GetString());
        Assert.Equal(2, revised.GetProperty("version").GetInt32());
        Assert.Equal("A late-recorded appointment", revised.GetProperty("revisionNote").GetString());
        Assert.Equal(7, Figure(revised, "firstTimeDirectors").GetProperty("thisPeriod").GetDouble());
        var funder = await GetAsync(app.CreateApiClient(Roles.Funder), "period=2023-24-Q2");
        Assert.Equal("revised", funder.GetProperty("status").GetString());
        Assert.Equal(7, Figure(funder, "firstTimeDirectors").GetProperty("thisPeriod").GetDouble());
    }

    /// <summary>
    /// A return submitted before the retention rows were part of it (its stored documents have no retention section):
    /// the page shows the section as not part of the return as submitted, to staff and the funder, and never as
    /// differences; a revision includes it.
    /// </summary>
    [SkippableFact]
    public async Task AReturnSubmittedBeforeASectionExisted_ShowsItAsNotPartOfTheReturn_NotAsDifferences_AndARevisionIncludesIt()
    {
        app.RequireDatabase();
        var period = ReturnPeriod.Parse("2021-22-Q3");
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().SubmitAsync(period, "tester", default)));
        await app.WithDbAsync(async db =>
        {
            var submission = await db.ReturnSubmissions.SingleAsync(r => r.Period == period.Label);
            string WithoutRetention(string json)
            {
                var document = JsonSerializer.Deserialize<DfeReturnDocument>(json, ReturnReport.Json)!;
                Assert.Contains(document.Sections, x => x.Key == "retention");
                return JsonSerializer.Serialize(document with { Sections = [.. document.Sections.Where(x => x.Key != "retention")] }, ReturnReport.Json);
            }
            submission.ExactJson = WithoutRetention(submission.ExactJson);
            submission.FunderJson = WithoutRetention(submission.FunderJson);
            await db.SaveChangesAsync();
        });

        var differences = await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().DifferencesAsync(period, default));
        Assert.DoesNotContain(differences, d => d.Key.StartsWith("participantsRetained", StringComparison.Ordinal));
        foreach (var (role, view) in new[] { (Roles.PartnerStaff, "exact"), (Roles.PartnerStaff, "funder"), (Roles.Funder, "") })
        {
            var page = await app.CreateClient(role).GetDocumentAsync($"/reports/dfe-return?period={period.Label}&view={view}");
            var notSubmitted = page.QuerySelector("[data-section='retention'][data-not-submitted]");
            Assert.NotNull(notSubmitted);
            Assert.Contains("Not part of the return as submitted", notSubmitted.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector("table[data-section='retention']"));
            Assert.Null(page.QuerySelector("#differences tr[data-figure^='participantsRetained']"));
        }
        var api = await GetAsync(app.CreateApiClient(Roles.Funder), $"period={period.Label}");
        Assert.DoesNotContain(api.GetProperty("sections").EnumerateArray(), x => x.GetProperty("key").GetString() == "retention");

        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<ReturnSubmissions>().ReviseAsync(period, "tester", "Adds the retention rows", default)));
        var revised = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"/reports/dfe-return?period={period.Label}");
        Assert.Null(revised.QuerySelector("[data-not-submitted]"));
        Assert.NotNull(revised.QuerySelector("table[data-section='retention'] tr[data-figure='participantsRetained12MonthsShare']"));
        var funder = await GetAsync(app.CreateApiClient(Roles.Funder), $"period={period.Label}");
        Assert.Contains(funder.GetProperty("sections").EnumerateArray(), x => x.GetProperty("key").GetString() == "retention");
    }

    [SkippableFact]
    public async Task Page_FunderSeesTheSuppressedReturn_WithoutTheStaffForms()
    {
        app.RequireDatabase();
        var html = await app.CreateClient(Roles.Funder).GetStringAsync(new Uri("/reports/dfe-return?period=2024-25", UriKind.Relative));
        Assert.Contains("data-return-view=\"funder\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("submit-return", html, StringComparison.Ordinal);
        Assert.Contains("/reports/dfe-return/download?period=2024-25&format=xlsx&view=funder", html.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
        var bad = await app.CreateClient(Roles.Funder).GetAsync(new Uri("/reports/dfe-return?period=nonsense", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [SkippableFact]
    public async Task Cli_WritesTheWorkbook_CsvAndJson()
    {
        app.RequireDatabase();
        await ImportAsync(CsvFiles.Header + "\n" + string.Concat(Enumerable.Range(201, 6).Select(la => $"{la},cl-{la},Given{la},Family{la},permanent,2022-05-01,,,\n")) +
            "207,cl-207,Given207,Family207,acting,2022-06-01,,,\n");
        var path = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var result = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2022-23-Q1", "--format", "xlsx", "--output", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        using (var workbook = new XLWorkbook(path))
        {
            Assert.Equal(["Return", "New Directors", "Coaching", "Aspirant Directors", "Retention", "Equality", "Data quality", "Definitions"], workbook.Worksheets.Select(w => w.Name).ToArray());
            var sheet = workbook.Worksheet("New Directors");
            var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == "firstTimeDirectors");
            Assert.Equal(XLDataType.Number, row.Cell(4).DataType);
            Assert.Equal(7, row.Cell(4).GetDouble());
            Assert.Contains(workbook.Worksheet("Definitions").RowsUsed(), r => r.Cell(2).GetString() == "firstTimeDirectors" && r.Cell(5).GetString().Length > 20);
        }

        var funder = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2022-23-Q1", "--format", "xlsx", "--output", path, "--funder");
        Assert.True(funder.ExitCode == 0, funder.ToString());
        using (var workbook = new XLWorkbook(path))
        {
            // 7 first-time directors in Q1: shown; the share invited within 14 days is of history never invited (0 of 7).
            var row = workbook.Worksheet("New Directors").RowsUsed().Single(r => r.Cell(1).GetString() == "firstTimeDirectors");
            Assert.Equal(7, row.Cell(4).GetDouble());
        }

        var csv = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2022-23-Q1", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        var lines = csv.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ReturnFiles.CsvFields), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("2022-23-Q1,exact,draft,,new-directors,firstTimeDirectors,First-time directors,count,7,", StringComparison.Ordinal));

        var json = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2022-23-Q1");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(7, Figure(document.RootElement, "firstTimeDirectors").GetProperty("thisPeriod").GetDouble());

        var bad = await UponCli.RunAsync(app.Database, "report", "dfe-return", "--period", "2022-23-Q9");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("2022-23-Q9", bad.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportWorkforce_AllOrNothing_WithErrorsByLineAndColumn()
    {
        app.RequireDatabase();
        const string Header = "time_period,geographic_level,country_code,region_code,region_name,new_la_code,old_la_code,geo_breakdown,role,breakdown_topic,breakdown,inpost_FTE,inpost_FTE_percentage,inpost_headcount,inpost_headcount_percentage\n";
        var before = await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().WorkforceEthnicity.CountAsync());
        Assert.True(before > 4000, "the shipped workforce figures are loaded at start");

        var bad = CsvFiles.Write(Header +
            "2026,National,E92000001,,,,,National,Senior manager,Ethnicity major,Total,600,100,700,100\n" +
            "2026,National,E92000001,,,,,National,Senior manager,Ethnicity major,White,500,80,lots,80\n" +
            "2026,Local authority,E92000001,,,,,National,Chief,Ethnicity major,White,500,80,1,80\n");
        var result = await UponCli.RunAsync(app.Database, "import", "workforce", bad);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3, column inpost_headcount", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 4, column geographic_level", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 4, column role", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().WorkforceEthnicity.CountAsync()));

        var good = CsvFiles.Write(Header +
            "2026,National,E92000001,,,,,National,Senior manager,Ethnicity major,Total,600,100,700,100\n" +
            "2026,National,E92000001,,,,,National,Senior manager,Ethnicity major,Known,600,100,600,85\n" +
            "2026,National,E92000001,,,,,National,Senior manager,Ethnicity major,White,500,80,480,80\n" +
            "2026,National,E92000001,,,,,National,Senior manager,Ethnicity major,Black/African/Caribbean/Black British,100,20,120,20\n");
        var imported = await UponCli.RunAsync(app.Database, "import", "workforce", good);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Equal(before + 4, await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().WorkforceEthnicity.CountAsync()));
    }

    [SkippableFact]
    public async Task ImportCensus_ReplacesTheLevelOfTheFile()
    {
        app.RequireDatabase();
        var bad = CsvFiles.Write("Regions Code,Regions,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n" +
            "E12000001,North East,1,\"Asian, Asian British or Asian Welsh: Bangladeshi\",-5\n");
        var rejected = await UponCli.RunAsync(app.Database, "import", "census", bad);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("line 2, column Observation", rejected.Error, StringComparison.Ordinal);

        var good = CsvFiles.Write("Regions Code,Regions,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n" +
            "E12000001,North East,-8,Does not apply,0\n" +
            "E12000001,North East,13,\"White: English, Welsh, Scottish, Northern Irish or British\",2000000\n" +
            "E12000001,North East,6,\"Black, Black British, Black Welsh, Caribbean or African: African\",30000\n");
        var result = await UponCli.RunAsync(app.Database, "import", "census", good);
        Assert.True(result.ExitCode == 0, result.ToString());
        var regions = await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().CensusEthnicity.Where(c => c.Level == "Region").CountAsync());
        Assert.Equal(3, regions);
        var utlas = await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().CensusEthnicity.Where(c => c.Level == "UTLA").CountAsync());
        Assert.Equal(153 * 20, utlas);
    }
    [SkippableFact]
    public async Task ImportBali_RecordsGraduates_AndCountsThoseAppointed()
    {
        app.RequireDatabase();
        var bad = CsvFiles.Write("email,given_name,family_name,cohort_year\nnot-an-email,Ada,Obi,2019\nada@example.org,,Obi,1990\n");
        var rejected = await UponCli.RunAsync(app.Database, "import", "bali", bad);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("line 2, column email", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("line 3, column given_name", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("line 3, column cohort_year", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().BaliGraduates.CountAsync()));

        var good = CsvFiles.Write("email,given_name,family_name,cohort_year\nbali.one@example.org,Ada,Obi,2019\nbali.two@example.org,Bo,Lee,2021\n");
        var imported = await UponCli.RunAsync(app.Database, "import", "bali", good);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("2 added", imported.Output, StringComparison.Ordinal);
        var again = await UponCli.RunAsync(app.Database, "import", "bali", good);
        Assert.Contains("0 added, 0 updated", again.Output, StringComparison.Ordinal);
    }
    [SkippableFact]
    public async Task EqualityPage_ShowsTheStagesAndTheirCharts()
    {
        app.RequireDatabase();
        foreach (var role in new[] { Roles.PartnerStaff, Roles.Funder })
        {
            var html = await app.CreateClient(role).GetStringAsync(new Uri("/reports/equality?year=2025-26", UriKind.Relative));
            Assert.Contains("data-stage=\"senior-managers\"", html, StringComparison.Ordinal);
            Assert.Contains("data-stage=\"new-directors\"", html, StringComparison.Ordinal);
            Assert.Contains("data-stage=\"dcs\"", html, StringComparison.Ordinal);
            var chart = await app.CreateClient(role).GetAsync(new Uri("/reports/equality/chart.svg?year=2025-26&group=black-african-caribbean-black-british", UriKind.Relative));
            Assert.True(chart.IsSuccessStatusCode, $"{role}: {(int)chart.StatusCode}");
            Assert.Contains("<svg", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var bad = await app.CreateClient(Roles.Funder).GetAsync(new Uri("/reports/equality?year=2099-00", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

public sealed class DfeReturnTests_Sqlite(SqliteApp app) : DfeReturnTests(app), IClassFixture<SqliteApp>;

public sealed class DfeReturnTests_Postgres(PostgresApp app) : DfeReturnTests(app), IClassFixture<PostgresApp>;
