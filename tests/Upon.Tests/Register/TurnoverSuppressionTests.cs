using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register;

/// <summary>
/// Small-number suppression of the turnover figures for the funder, through every route the funder can reach: the API,
/// the CSV, the dashboard and its charts. Staff see the same register exactly.
/// </summary>
public abstract class TurnoverSuppressionTests(UponApp app)
{
    /// <summary>
    /// Ten authorities from 1 April 2021 (2021-22: no change, 10 first-time directors). 2022-23: two changes, one of them
    /// unplanned, and an interim in post at the year's end. 2023-24: six changes, five unplanned, each after 821 days, and
    /// one acting director. No change after that. The clock says 25 November 2026.
    /// </summary>
    private const string Register = CsvFiles.Header + "\n" +
        "202,sup-p1,Ann,One,permanent,2021-04-01,2022-06-30,resigned,yes\n" +
        "202,sup-q1,Bea,Two,permanent,2022-07-01,,,\n" +
        "203,sup-p2,Cy,Three,permanent,2021-04-01,2022-09-30,retired,no\n" +
        "203,sup-q2,Di,Four,interim,2022-10-01,,,\n" +
        "204,sup-p3,Ed,Five,permanent,2021-04-01,2023-06-30,resigned,yes\n" +
        "204,sup-r3,Flo,Six,acting,2023-07-01,,,\n" +
        "205,sup-p4,Gil,Seven,permanent,2021-04-01,2023-06-30,resigned,yes\n" +
        "205,sup-r4,Hua,Eight,permanent,2023-07-01,,,\n" +
        "206,sup-p5,Ivo,Nine,permanent,2021-04-01,2023-06-30,dismissed,yes\n" +
        "206,sup-r5,Jo,Ten,permanent,2023-07-01,,,\n" +
        "207,sup-p6,Kit,Eleven,permanent,2021-04-01,2023-06-30,ill_health,yes\n" +
        "207,sup-r6,Lou,Twelve,permanent,2023-07-01,,,\n" +
        "208,sup-p7,Max,Thirteen,permanent,2021-04-01,2023-06-30,resigned,yes\n" +
        "208,sup-r7,Nia,Fourteen,permanent,2023-07-01,,,\n" +
        "209,sup-p8,Oz,Fifteen,permanent,2021-04-01,2023-06-30,retired,no\n" +
        "209,sup-r8,Pat,Sixteen,permanent,2023-07-01,,,\n" +
        "210,sup-p9,Quin,Seventeen,permanent,2021-04-01,,,\n" +
        "211,sup-p10,Rae,Eighteen,permanent,2021-04-01,,,\n";

    // The same file every time: importing it again changes nothing, so the tests can share the class's database.
    private async Task SeedAsync()
    {
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(Register)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private async Task<JsonElement> JsonAsync(string role, string url)
    {
        var response = await app.CreateClient(role).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<string[]> CsvLinesAsync(string role)
    {
        var csv = await app.CreateClient(role).GetStringAsync(new Uri("/register/turnover.csv", UriKind.Relative));
        return csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static string[] Names(JsonElement year) => [.. year.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()!)];

    private static JsonElement Year(JsonElement years, string label) =>
        years.EnumerateArray().Single(y => y.GetProperty("financialYear").GetString() == label);

    private static IElement Figure(IDocument doc, string field) =>
        doc.QuerySelector($".upon-figure[data-figure='{field}']") ?? throw new Xunit.Sdk.XunitException($"No figure {field} on the page.");

    /// <summary>A cell or figure as a sighted reader sees it: a symbol ([c], –) without the hidden text that goes with it.</summary>
    private static string Shown(IElement element) =>
        element.QuerySelector("[aria-hidden=true]") is { } symbol ? symbol.TextContent : element.Text();

    private static string[] Row(IElement row) => [.. row.Children.Select(Shown)];

    [SkippableFact]
    public async Task GetTurnoverApi_Funder_SuppressedFiguresAreNullAndListed()
    {
        app.RequireDatabase();
        await SeedAsync();

        var years = await JsonAsync(Roles.Funder, "/api/reports/turnover");

        var first = Year(years, "2021-22");
        Assert.Equal(0, first.GetProperty("changes").GetInt32()); // zero is shown
        Assert.Equal(0, first.GetProperty("authoritiesWithUnplannedChange").GetInt32());
        Assert.Equal(10, first.GetProperty("firstTimeDirectors").GetInt32());
        Assert.Empty(Names(first));

        var small = Year(years, "2022-23");
        Assert.Equal(
            ["changes", "authoritiesWithChange", "authoritiesWithUnplannedChange", "unplannedChangeRate", "firstTimeDirectors",
             "interimShareAtYearEnd", "meanCompletedTenureMonths", "consecutiveYearsRising"],
            Names(small));
        foreach (var field in Names(small))
        {
            Assert.Equal(JsonValueKind.Null, small.GetProperty(field).ValueKind);
        }
        Assert.Equal(152, small.GetProperty("localAuthorities").GetInt32());
        Assert.Equal(JsonValueKind.Null, small.GetProperty("medianTenureMonths").ValueKind); // not available, not suppressed

        var large = Year(years, "2023-24");
        Assert.Equal(["interimShareAtYearEnd", "consecutiveYearsRising"], Names(large)); // 2 interims; rising from 2022-23's c
        Assert.Equal(6, large.GetProperty("changes").GetInt32());
        Assert.Equal(5, large.GetProperty("authoritiesWithUnplannedChange").GetInt32());
        Assert.Equal(0.0327, large.GetProperty("unplannedChangeRate").GetDouble());
        Assert.Equal(26.97, large.GetProperty("meanCompletedTenureMonths").GetDouble());
        Assert.Equal(26.97, large.GetProperty("medianTenureMonths").GetDouble());

        var after = Year(years, "2024-25");
        Assert.Equal(["interimShareAtYearEnd"], Names(after));
        Assert.Equal(0, after.GetProperty("consecutiveYearsRising").GetInt32()); // 6 then 0: both shown
    }

    [SkippableFact]
    public async Task GetTurnoverApi_FunderOneYear_IsOneObjectWithItsList()
    {
        app.RequireDatabase();
        await SeedAsync();

        var year = await JsonAsync(Roles.Funder, "/api/reports/turnover?year=2022-23");

        Assert.Equal(JsonValueKind.Object, year.ValueKind);
        Assert.Equal(JsonValueKind.Null, year.GetProperty("changes").ValueKind);
        Assert.Contains("changes", Names(year));
    }

    [SkippableTheory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.PartnerStaff)]
    public async Task GetTurnoverApi_Staff_GetExactFigures(string role)
    {
        app.RequireDatabase();
        await SeedAsync();

        var year = await JsonAsync(role, "/api/reports/turnover?year=2022-23");

        Assert.Equal(2, year.GetProperty("changes").GetInt32());
        Assert.Equal(2, year.GetProperty("authoritiesWithChange").GetInt32());
        Assert.Equal(1, year.GetProperty("authoritiesWithUnplannedChange").GetInt32());
        Assert.Equal(0.0066, year.GetProperty("unplannedChangeRate").GetDouble()); // 1 / 152
        Assert.Equal(2, year.GetProperty("firstTimeDirectors").GetInt32());
        Assert.Equal(1, year.GetProperty("consecutiveYearsRising").GetInt32());
        Assert.False(year.TryGetProperty("suppressed", out _));
        var expected = await app.WithScopeAsync(s => s.GetRequiredService<TurnoverReport>().YearAsync(Core.Register.FinancialYear.Parse("2022-23")));
        Assert.Equal(JsonSerializer.Serialize(expected, TurnoverReport.Json), JsonSerializer.Serialize(year, TurnoverReport.Json));
    }

    [SkippableFact]
    public async Task OpenApi_DescribesTheExactAndTheSuppressedShapes()
    {
        app.RequireDatabase();

        var document = await JsonAsync(Roles.Funder, "/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty("/api/reports/turnover").GetProperty("get");
        Assert.Contains("suppressed list", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var shapes = operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("oneOf").EnumerateArray()
            .Select(s => s.TryGetProperty("items", out var items) ? items.GetProperty("$ref").GetString() + "[]" : s.GetProperty("$ref").GetString())
            .ToList();
        Assert.Equal(
            ["#/components/schemas/TurnoverFigures[]", "#/components/schemas/TurnoverFigures",
             "#/components/schemas/SuppressedTurnoverFigures[]", "#/components/schemas/SuppressedTurnoverFigures"],
            shapes);
        var suppressed = document.GetProperty("components").GetProperty("schemas").GetProperty("SuppressedTurnoverFigures").GetProperty("properties");
        Assert.Equal("array", suppressed.GetProperty("suppressed").GetProperty("type").GetString());
    }

    [SkippableFact]
    public async Task GetCsv_Funder_HasCInSuppressedCells()
    {
        app.RequireDatabase();
        await SeedAsync();

        var funder = await CsvLinesAsync(Roles.Funder);
        var staff = await CsvLinesAsync(Roles.Administrator);

        Assert.Equal(staff[0], funder[0]);
        Assert.Equal(staff.Length, funder.Length);
        Assert.Contains("2021-22,152,0,0,0,0,10,0,,,,false", funder);
        Assert.Contains("2022-23,152,c,c,c,c,c,c,c,,c,false", funder);
        Assert.Contains("2023-24,153,6,6,5,0.0327,6,c,26.97,26.97,c,false", funder);
        Assert.EndsWith(",true", funder[^1], StringComparison.Ordinal); // the year to date
        Assert.Contains(staff, l => l.StartsWith("2022-23,152,2,2,1,0.0066,2,0.0066,", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task GetPage_Funder_ShowsCAndExplainsIt()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient(Roles.Funder).GetDocumentAsync("/register/turnover?year=2022-23");

        foreach (var field in new[] { "changes", "authoritiesWithChange", "authoritiesWithUnplannedChange", "unplannedChangeRate",
            "firstTimeDirectors", "interimShareAtYearEnd", "meanCompletedTenureMonths", "consecutiveYearsRising" })
        {
            Assert.Equal("[c]", Shown(Figure(doc, field)));
            Assert.Equal("", Figure(doc, field).GetAttribute("data-value"));
        }
        Assert.Equal("Not available", Figure(doc, "medianTenureMonths").Text());
        Assert.Equal("152", doc.QuerySelector("[data-figure='localAuthorities']")?.GetAttribute("data-value"));
        Assert.DoesNotContain("rose", doc.QuerySelector("p.govuk-body-l")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("[c] marks a suppressed figure: a count from 1 to 4", doc.QuerySelector("#suppression-note")?.Text(), StringComparison.Ordinal);
        Assert.Equal("Suppressed figures", doc.QuerySelector("h2#suppression")?.TextContent);
        Assert.Contains("A count from 1 to 4 is suppressed. Zero is shown.", doc.QuerySelector("#suppression-rules")?.Text(), StringComparison.Ordinal);

        var table = doc.QuerySelector("#all-years-table")!;
        Assert.Equal(["152", "0", "0", "0", "0.0%", "10", "0.0%", "–", "–", "–"], Row(table.QuerySelector("tr[data-year='2021-22']")!)[1..]);
        Assert.Equal(["152", "[c]", "[c]", "[c]", "[c]", "[c]", "[c]", "[c]", "–", "[c]"], Row(table.QuerySelector("tr[data-year='2022-23']")!)[1..]);
        Assert.Equal(["153", "6", "6", "5", "3.3%", "6", "[c]", "27.0", "27.0", "[c]"], Row(table.QuerySelector("tr[data-year='2023-24']")!)[1..]);
        var changes = doc.QuerySelectorAll("#changes-table tbody tr").Select(Row).ToList();
        Assert.Equal(["2022-23", "[c]", "[c]", "[c]"], changes[1]);
        Assert.Equal(["2024-25", "0", "0", "0"], changes[3]);
        var alt = doc.QuerySelector("img[src='/register/turnover/changes.svg']")?.GetAttribute("alt");
        Assert.Contains("In 2022-23 there were [c] changes in [c] authorities", alt, StringComparison.Ordinal);
        Assert.Contains("Figures from 1 to 4 are suppressed", alt, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetPage_Administrator_ShowsExactFiguresAndNotesTheFunderSeesThemSuppressed()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2022-23");

        Assert.Equal("2", Figure(doc, "changes").GetAttribute("data-value"));
        Assert.Equal("2", Figure(doc, "changes").Text());
        Assert.Equal("0.7%", Figure(doc, "unplannedChangeRate").Text());
        Assert.DoesNotContain("[c]", doc.QuerySelector("#all-years-table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("You are seeing the exact figures. The funder sees them with small numbers suppressed", doc.QuerySelector("#suppression-note")?.Text(), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("h2#suppression"));
    }

    [SkippableFact]
    public async Task GetPage_Funder_SurvivalTableShowsCWhereFewAreAtRisk()
    {
        app.RequireDatabase();
        await SeedAsync();

        // As at 31 March 2024: 18 tenures; 12 at risk at 1 year, 8 at 2 years, then only the two still running since 2021.
        var funder = await app.CreateClient(Roles.Funder).GetDocumentAsync("/register/turnover?year=2023-24");
        var staff = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2023-24");

        var funderRows = funder.QuerySelectorAll("#survival-table tbody tr").Select(Row).ToList();
        var staffRows = staff.QuerySelectorAll("#survival-table tbody tr").Select(Row).ToList();
        Assert.Equal(["1", "1.000", "12"], funderRows[0]);
        Assert.Equal(["2", "0.833", "8"], funderRows[1]);
        Assert.Equal(["3", "[c]", "[c]"], funderRows[2]);
        Assert.Equal(["4", "[c]", "0"], funderRows[3]);
        Assert.Equal(["3", "0.208", "2"], staffRows[2]);
        Assert.Equal(["4", "Not estimated", "0"], staffRows[3]);
        Assert.Equal("26.97", Figure(funder, "medianTenureMonths").GetAttribute("data-value")); // 8 at risk at 821 days
        Assert.Contains("It stops there: beyond, fewer than 5 tenures were at risk",
            funder.QuerySelector("img[src='/register/turnover/survival.svg?year=2023-24']")?.GetAttribute("alt"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetSurvivalChart_Funder_IsCutWhereFewAreAtRisk()
    {
        app.RequireDatabase();
        await SeedAsync();

        string Texts(string svg) => string.Join("|", XDocument.Parse(svg).Descendants("{http://www.w3.org/2000/svg}text").Select(t => t.Value.Trim()));
        var funder = Texts(await app.CreateClient(Roles.Funder).GetStringAsync(new Uri("/register/turnover/survival.svg?year=2023-24", UriKind.Relative)));
        var staff = Texts(await app.CreateClient().GetStringAsync(new Uri("/register/turnover/survival.svg?year=2023-24", UriKind.Relative)));

        Assert.Contains("Not shown beyond 2.2 years: too few tenures at risk (suppressed)", funder, StringComparison.Ordinal); // 821 days
        Assert.Contains("Median 26.97 months", funder, StringComparison.Ordinal);
        Assert.DoesNotContain("suppressed", staff, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetChangesChart_Funder_DrawsNoBarForSuppressedFigures()
    {
        app.RequireDatabase();
        await SeedAsync();

        static int Bars(string svg, string colour) => XDocument.Parse(svg).Descendants("{http://www.w3.org/2000/svg}rect")
            .Count(r => string.Equals(r.Attribute("fill")?.Value, colour, StringComparison.OrdinalIgnoreCase));
        var funder = await app.CreateClient(Roles.Funder).GetStringAsync(new Uri("/register/turnover/changes.svg", UriKind.Relative));
        var staff = await app.CreateClient().GetStringAsync(new Uri("/register/turnover/changes.svg", UriKind.Relative));

        // Only 2022-23's changes (2) and authorities with a change (2) are suppressed.
        Assert.Equal(Bars(staff, "#1D70B8") - 1, Bars(funder, "#1D70B8"));
        Assert.Equal(Bars(staff, "#F47738") - 1, Bars(funder, "#F47738"));
        Assert.Contains("c: suppressed, not drawn", funder, StringComparison.Ordinal);
    }
}

public sealed class TurnoverSuppressionTests_Sqlite(SqliteApp app) : TurnoverSuppressionTests(app), IClassFixture<SqliteApp>;

public sealed class TurnoverSuppressionTests_Postgres(PostgresApp app) : TurnoverSuppressionTests(app), IClassFixture<PostgresApp>;
