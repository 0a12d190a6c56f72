using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Register;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Turnover;

public abstract class IndexTests(UponApp app)
{
    /// <summary>
    /// A small register, 2021-22 to date (the clock says 25 November 2026), worked through by hand for 2023-24 (1 April
    /// 2023 to 31 March 2024):
    /// <list type="bullet">
    /// <item>202 Camden: p1 until 30 June 2023 (unplanned), then p2 interim, made permanent a day after it ended.</item>
    /// <item>203 Greenwich: p3 until 15 January 2024 (planned), then p4 acting, still acting at year end.</item>
    /// <item>204 Hackney: p5 until 30 September 2023 (unplanned), then p1 (her second authority).</item>
    /// <item>205 Hammersmith and Fulham: p6 throughout.</item>
    /// <item>206 Islington: p7 until 31 May 2022, then p8: the only change of 2022-23.</item>
    /// </list>
    /// </summary>
    private const string Register = CsvFiles.Header + "\n" +
        "202,turnover-p1,Ada,One,permanent,2021-05-01,2023-06-30,resigned,yes\n" +
        "202,turnover-p2,Ben,Two,interim,2023-07-01,2023-10-31,made_permanent,no\n" +
        "202,turnover-p2,Ben,Two,permanent,2023-11-01,,,\n" +
        "203,turnover-p3,Cal,Three,permanent,2021-04-01,2024-01-15,retired,no\n" +
        "203,turnover-p4,Dee,Four,acting,2024-01-16,,,\n" +
        "204,turnover-p5,Eve,Five,permanent,2022-09-01,2023-09-30,dismissed,yes\n" +
        "204,turnover-p1,Ada,One,permanent,2023-10-01,,,\n" +
        "205,turnover-p6,Fay,Six,permanent,2021-06-01,,,\n" +
        "206,turnover-p7,Gus,Seven,permanent,2021-04-01,2022-05-31,retired,no\n" +
        "206,turnover-p8,Hal,Eight,permanent,2022-06-01,,,\n";

    private static readonly string[] Fields =
    [
        "financialYear", "localAuthorities", "changes", "authoritiesWithChange", "authoritiesWithUnplannedChange",
        "unplannedChangeRate", "firstTimeDirectors", "interimShareAtYearEnd", "meanCompletedTenureMonths",
        "medianTenureMonths", "consecutiveYearsRising",
    ];

    // The same file every time: importing it again changes nothing, so the tests can share the class's database.
    private async Task SeedAsync()
    {
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(Register)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private Task<TurnoverFigures?> ReportAsync(string year) =>
        app.WithScopeAsync(s => s.GetRequiredService<TurnoverReport>().YearAsync(FinancialYear.Parse(year)));

    private Task<IReadOnlyList<TurnoverFigures>> AllYearsAsync() =>
        app.WithScopeAsync(s => s.GetRequiredService<TurnoverReport>().AllYearsAsync());

    private static IElement Figure(IDocument doc, string field) =>
        doc.QuerySelector($"[data-figure='{field}']") ?? throw new Xunit.Sdk.XunitException($"No data-figure='{field}' on the page.");

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [SkippableFact]
    public async Task Get_Year_ShowsItsFigures()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2023-24");

        Assert.Equal("Turnover", doc.QuerySelector(".upon-nav__link[aria-current=page]")?.TextContent);
        Assert.Equal("Turnover of directors in 2023-24 – Upon", doc.Title);
        // Worked by hand (see Register).
        Assert.Equal("2023-24", Figure(doc, "financialYear").GetAttribute("data-value"));
        Assert.Equal("153", Figure(doc, "localAuthorities").GetAttribute("data-value"));
        Assert.Equal("3", Figure(doc, "changes").GetAttribute("data-value")); // p2 at 202, p4 at 203, p1 at 204; p2 made permanent is not one
        Assert.Equal("3", Figure(doc, "authoritiesWithChange").GetAttribute("data-value"));
        Assert.Equal("2", Figure(doc, "authoritiesWithUnplannedChange").GetAttribute("data-value")); // p1 left 202, p5 left 204
        Assert.Equal("0.0131", Figure(doc, "unplannedChangeRate").GetAttribute("data-value")); // 2 / 153
        Assert.Equal("1.3%", Text(Figure(doc, "unplannedChangeRate")));
        Assert.Equal("2", Figure(doc, "firstTimeDirectors").GetAttribute("data-value")); // p2 and p4; p1 had been a DCS before
        Assert.Equal("0.0065", Figure(doc, "interimShareAtYearEnd").GetAttribute("data-value")); // p4 acting at 203: 1 / 153
        Assert.Equal("0.7%", Text(Figure(doc, "interimShareAtYearEnd")));
        // Ended in the year: p1 at 202 (791 days), p3 at 203 (1,020 days), p5 at 204 (395 days): 735.33 days.
        Assert.Equal("24.16", Figure(doc, "meanCompletedTenureMonths").GetAttribute("data-value"));
        Assert.Equal("24.2 months", Text(Figure(doc, "meanCompletedTenureMonths")));
        // Nine tenures; survival 5/6 at 395 days, 4/6 at 426, then 4/9 at 791 days: the median, 25.99 months.
        Assert.Equal("25.99", Figure(doc, "medianTenureMonths").GetAttribute("data-value"));
        Assert.Equal("2", Figure(doc, "consecutiveYearsRising").GetAttribute("data-value")); // 0, 1, 3 changes
        Assert.Contains("Changes rose for the 2nd year in a row, to 3.", doc.QuerySelector("p.govuk-body-l")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2023-24", doc.QuerySelector("select#year option[selected]")?.GetAttribute("value"));
        Assert.Null(doc.QuerySelector(".govuk-warning-text")); // a complete year
    }

    [SkippableTheory]
    [InlineData("2021-22")]
    [InlineData("2022-23")]
    [InlineData("2023-24")]
    [InlineData("2025-26")]
    [InlineData("2026-27")]
    public async Task Get_Year_FiguresEqualTheReport(string year)
    {
        app.RequireDatabase();
        await SeedAsync();
        var expected = JsonSerializer.SerializeToElement(await ReportAsync(year), TurnoverReport.Json);

        var doc = await app.CreateClient().GetDocumentAsync($"/register/turnover?year={year}");

        Assert.Equal([.. Fields, "toDate"], expected.EnumerateObject().Select(p => p.Name));
        Assert.Equal(year == "2026-27", expected.GetProperty("toDate").GetBoolean()); // the clock says 25 November 2026
        foreach (var field in Fields)
        {
            var json = expected.GetProperty(field);
            var shown = Figure(doc, field).GetAttribute("data-value");
            switch (json.ValueKind)
            {
                case JsonValueKind.Null:
                    Assert.Equal("", shown);
                    Assert.Equal("Not available", Text(Figure(doc, field)));
                    break;
                case JsonValueKind.Number:
                    Assert.Equal(json.GetDouble(), double.Parse(shown!, CultureInfo.InvariantCulture));
                    break;
                default:
                    Assert.Equal(json.GetString(), shown);
                    break;
            }
        }
    }

    [SkippableFact]
    public async Task Get_NoYear_ShowsTheLatestCompleteYear()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover");

        Assert.Equal("2025-26", Figure(doc, "financialYear").GetAttribute("data-value")); // today is in 2026-27
        Assert.Equal(
            ["2026-27", "2025-26", "2024-25", "2023-24", "2022-23", "2021-22"],
            doc.QuerySelectorAll("select#year option").Select(o => o.GetAttribute("value")));
        Assert.Equal("2026-27 (to date)", doc.QuerySelector("select#year option[value='2026-27']")?.TextContent);
        Assert.Equal("2025-26", doc.QuerySelector("select#year option[selected]")?.GetAttribute("value"));
        Assert.Equal("get", doc.QuerySelector("form:has(select#year)")?.GetAttribute("method"));
        Assert.Equal("/register/turnover", doc.QuerySelector("form:has(select#year)")?.GetAttribute("action"));
    }

    [SkippableFact]
    public async Task Get_YearToDate_WarnsTheFiguresWillChange()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2026-27");

        Assert.Contains("2026-27 has not finished", doc.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("25 November 2026", doc.QuerySelector(".govuk-warning-text")?.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_FirstYear_SaysWhyFiguresAreNotAvailable()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2021-22");

        foreach (var field in new[] { "meanCompletedTenureMonths", "medianTenureMonths", "consecutiveYearsRising" })
        {
            var figure = Figure(doc, field);
            Assert.Equal("Not available", Text(figure));
            Assert.Equal("", figure.GetAttribute("data-value"));
        }
        string Why(string field) => Figure(doc, field).ParentElement!.QuerySelector("p")!.TextContent;
        Assert.Contains("No director's tenure ended in 2021-22", Why("meanCompletedTenureMonths"), StringComparison.Ordinal);
        Assert.Contains("never falls to one half", Why("medianTenureMonths"), StringComparison.Ordinal);
        Assert.Contains("2021-22 is the first year in the register", Why("consecutiveYearsRising"), StringComparison.Ordinal);
        Assert.DoesNotContain("rose", doc.QuerySelector("p.govuk-body-l")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_ShowsEachFigureWithAOneLineDefinition()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2023-24");

        var headlines = doc.QuerySelectorAll(".upon-figure[data-figure]").Select(e => e.GetAttribute("data-figure")).ToList();
        Assert.Equal(Fields.Except(["financialYear", "localAuthorities"]), headlines);
        foreach (var figure in doc.QuerySelectorAll(".upon-figure[data-figure]"))
        {
            Assert.False(string.IsNullOrWhiteSpace(figure.ParentElement!.QuerySelector("h3")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(figure.ParentElement!.QuerySelector("p")?.TextContent));
        }
    }

    [SkippableFact]
    public async Task Get_ShowsTheDefinitions()
    {
        app.RequireDatabase();
        await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2023-24");

        Assert.Equal("Definitions", doc.QuerySelector("h2#definitions")?.TextContent);
        var definitions = doc.QuerySelector("#definitions-list")!;
        foreach (var field in Fields)
        {
            Assert.NotNull(definitions.QuerySelector($"[data-definition='{field}'] dd"));
        }
        string Definition(string name) => Text(definitions.QuerySelector($"[data-definition='{name}'] dd")!);
        Assert.Contains("1 April to 31 March", Definition("financialYear"), StringComparison.Ordinal);
        Assert.Contains("in operation on the year's last day", Definition("localAuthorities"), StringComparison.Ordinal);
        Assert.Contains("the latest one starting before it in that authority", Definition("changes"), StringComparison.Ordinal);
        Assert.Contains("first recorded appointment is not a change", Definition("changes"), StringComparison.Ordinal);
        Assert.Contains("Interims count", Definition("changes"), StringComparison.Ordinal);
        Assert.Contains("interim made permanent is the same person", Definition("changes"), StringComparison.Ordinal);
        Assert.Contains("appointment marked unplanned ended in the year", Definition("authoritiesWithUnplannedChange"), StringComparison.Ordinal);
        Assert.Contains("authoritiesWithUnplannedChange / localAuthorities", Definition("unplannedChangeRate"), StringComparison.Ordinal);
        Assert.Contains("no earlier-starting appointment anywhere in the register", Definition("firstTimeDirectors"), StringComparison.Ordinal);
        Assert.Contains("no more than 31 days after", Definition("tenure"), StringComparison.Ordinal);
        Assert.Contains("counts its first and last day", Definition("tenure"), StringComparison.Ordinal);
        Assert.Contains("30.4375", Definition("tenure"), StringComparison.Ordinal);
        Assert.Contains("tenures that ended in the year", Definition("meanCompletedTenureMonths"), StringComparison.Ordinal);
        Assert.Contains("Kaplan-Meier median", Definition("medianTenureMonths"), StringComparison.Ordinal);
        Assert.Contains("censored at that day", Definition("medianTenureMonths"), StringComparison.Ordinal);
        Assert.Contains("biased low", Definition("medianTenureMonths"), StringComparison.Ordinal);
        Assert.Contains("short ones finish first", Definition("medianTenureMonths"), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("2023")]
    [InlineData("2023-25")]
    [InlineData("2023/24")]
    [InlineData("abcd-ef")]
    [InlineData("0000-01")]
    public async Task Get_InvalidYear_ShowsAnError(string year)
    {
        app.RequireDatabase();
        await SeedAsync();

        var response = await app.CreateClient().GetAsync(new Uri($"/register/turnover?year={Uri.EscapeDataString(year)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Select a financial year from the list, like 2023-24"], doc.ErrorSummary());
        Assert.Equal("#year", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Contains("Select a financial year from the list", doc.QuerySelector("#year-error.govuk-error-message")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("select#year.govuk-select--error"));
        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-figure]").Select(e => e.OuterHtml));
    }

    [SkippableTheory]
    [InlineData("2019-20")]
    [InlineData("2020-21")]
    [InlineData("2027-28")]
    public async Task Get_YearWithoutData_IsNotFound(string year)
    {
        app.RequireDatabase();
        await SeedAsync();

        var response = await app.CreateClient().GetAsync(new Uri($"/register/turnover?year={year}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", (await Html.ParseAsync(response)).QuerySelector("h1")?.TextContent);
    }

    [SkippableFact]
    public async Task Get_ShowsTheChartsWithAltTextAndTablesOfTheirFigures()
    {
        app.RequireDatabase();
        await SeedAsync();
        var years = await AllYearsAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2023-24");

        var changes = doc.QuerySelector("img[src='/register/turnover/changes.svg']");
        Assert.NotNull(changes);
        Assert.Contains("from 2021-22 to 2026-27 (to date)", changes.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("In 2023-24 there were 3 changes in 3 authorities", changes.GetAttribute("alt"), StringComparison.Ordinal);
        var table = doc.QuerySelector("#changes-table")!;
        Assert.Equal("Changes of DCS by financial year", table.QuerySelector("caption")?.TextContent);
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(years.Count, rows.Count);
        for (var i = 0; i < years.Count; i++)
        {
            Assert.StartsWith(years[i].FinancialYear, rows[i][0], StringComparison.Ordinal);
            Assert.Equal(years[i].Changes.ToString(CultureInfo.InvariantCulture), rows[i][1]);
            Assert.Equal(years[i].AuthoritiesWithChange.ToString(CultureInfo.InvariantCulture), rows[i][2]);
            Assert.Equal(years[i].ConsecutiveYearsRising?.ToString(CultureInfo.InvariantCulture) ?? "Not available", rows[i][3]);
        }

        var survival = doc.QuerySelector("img[src='/register/turnover/survival.svg?year=2023-24']");
        Assert.NotNull(survival);
        Assert.Contains("Kaplan-Meier", survival.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.Contains("the median tenure is 26.0 months", survival.GetAttribute("alt"), StringComparison.Ordinal);
        var survivalRows = doc.QuerySelectorAll("#survival-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "8", "10"], survivalRows.Select(r => r[0]));
        // At 1 year (365.25 days) nothing has ended and 6 of the 9 tenures had lasted longer; by 2 years two had ended
        // (4/6 left) and 3 were still under observation; the longest lasted 1,035 days, so beyond that there is no estimate.
        Assert.Equal(["1", "1.000", "6"], survivalRows[0]);
        Assert.Equal(["2", "0.667", "3"], survivalRows[1]);
        Assert.Equal(["3", "Not estimated", "0"], survivalRows[2]);
    }

    [SkippableFact]
    public async Task Get_ShowsEveryYearInAFullTableWithDownloads()
    {
        app.RequireDatabase();
        await SeedAsync();
        var years = await AllYearsAsync();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover?year=2023-24");

        var table = doc.QuerySelector("#all-years-table")!;
        Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent));
        Assert.Equal(Fields, table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-field")));
        Assert.Equal(years.Select(y => y.FinancialYear), table.QuerySelectorAll("tbody tr").Select(r => r.GetAttribute("data-year")));
        var row2023 = table.QuerySelector("tr[data-year='2023-24']")!.Children.Select(c => c.TextContent.Trim()).ToArray();
        Assert.Equal(["153", "3", "3", "2", "1.3%", "2", "0.7%", "24.2", "26.0", "2"], row2023[1..]);
        Assert.NotNull(doc.QuerySelector("a[href='/register/turnover.csv']"));
        Assert.NotNull(doc.QuerySelector("a[href='/api/reports/turnover']"));
        Assert.NotNull(doc.QuerySelector("a[href='/api/reports/turnover?year=2023-24']"));
    }

    [SkippableTheory]
    [InlineData("/register/turnover/changes.svg")]
    [InlineData("/register/turnover/survival.svg")]
    [InlineData("/register/turnover/survival.svg?year=2023-24")]
    [InlineData("/register/turnover/survival.svg?year=2021-22")]
    public async Task GetChart_ReturnsSvg(string url)
    {
        app.RequireDatabase();
        await SeedAsync();

        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.NotEmpty(svg.Descendants(ns + "path"));
        Assert.NotEmpty(svg.Descendants(ns + "text"));
        Assert.Empty(svg.Descendants(ns + "image"));
    }

    [SkippableFact]
    public async Task GetChart_ChangesShowEveryYear()
    {
        app.RequireDatabase();
        await SeedAsync();

        var svg = await app.CreateClient().GetStringAsync(new Uri("/register/turnover/changes.svg", UriKind.Relative));

        var texts = XDocument.Parse(svg).Descendants("{http://www.w3.org/2000/svg}text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("2021-22", texts);
        Assert.Contains("2025-26", texts);
        Assert.Contains("2026-27*", texts); // the year to date
    }

    [SkippableTheory]
    [InlineData("2023", HttpStatusCode.BadRequest)]
    [InlineData("2019-20", HttpStatusCode.NotFound)]
    public async Task GetSurvivalChart_YearNotShown_Fails(string year, HttpStatusCode status)
    {
        app.RequireDatabase();
        await SeedAsync();

        var response = await app.CreateClient().GetAsync(new Uri($"/register/turnover/survival.svg?year={year}", UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
    }

    [SkippableFact]
    public async Task GetCsv_HasTheReportsFieldsAndFigures()
    {
        app.RequireDatabase();
        await SeedAsync();
        var years = await AllYearsAsync();
        using var expected = new StringWriter(CultureInfo.InvariantCulture);
        TurnoverReport.WriteCsv(expected, years);

        var response = await app.CreateClient().GetAsync(new Uri("/register/turnover.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("upon-turnover-2026-11-25.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Equal(expected.ToString(), csv);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // The header is the JSON field names, as the page names them.
        Assert.Equal(string.Join(',', Fields) + ",toDate", lines[0]);
        Assert.Equal(
            "financialYear,localAuthorities,changes,authoritiesWithChange,authoritiesWithUnplannedChange,unplannedChangeRate," +
            "firstTimeDirectors,interimShareAtYearEnd,meanCompletedTenureMonths,medianTenureMonths,consecutiveYearsRising,toDate",
            lines[0]);
        Assert.Equal(years.Count + 1, lines.Length);
        Assert.Contains("2023-24,153,3,3,2,0.0131,2,0.0065,24.16,25.99,2,false", lines);
        // No change (first appointments), four first-time directors, no tenure ended, no year before.
        Assert.Matches("^2021-22,[0-9]+,0,0,0,0,4,0,,,,false$", lines[1]);
        // The clock says 25 November 2026: 2026-27, the last year, is the year to date.
        Assert.StartsWith("2026-27,", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith(",true", lines[^1], StringComparison.Ordinal);
    }
}

/// <summary>The dashboard of a register without appointments (a database of its own: no seeding).</summary>
public abstract class EmptyRegisterIndexTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_SaysThereAreNoFiguresYet()
    {
        app.RequireDatabase();

        var doc = await app.CreateClient().GetDocumentAsync("/register/turnover");

        Assert.Contains("The register has no appointments yet", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("[data-figure]"));
        Assert.Null(doc.QuerySelector("select#year"));
    }

    [SkippableTheory]
    [InlineData("/register/turnover?year=2023-24", HttpStatusCode.NotFound)]
    [InlineData("/register/turnover?year=2023", HttpStatusCode.BadRequest)]
    [InlineData("/register/turnover/survival.svg", HttpStatusCode.NotFound)]
    [InlineData("/register/turnover/changes.svg", HttpStatusCode.OK)]
    [InlineData("/register/turnover.csv", HttpStatusCode.OK)]
    public async Task Get_Empty_Answers(string url, HttpStatusCode status)
    {
        app.RequireDatabase();

        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, response.StatusCode);
    }
}

public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class IndexTests_Postgres(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;

public sealed class EmptyRegisterIndexTests_Sqlite(SqliteApp app) : EmptyRegisterIndexTests(app), IClassFixture<SqliteApp>;

public sealed class EmptyRegisterIndexTests_Postgres(PostgresApp app) : EmptyRegisterIndexTests(app), IClassFixture<PostgresApp>;
