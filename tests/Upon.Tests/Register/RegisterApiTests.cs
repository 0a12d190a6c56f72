using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register;

/// <summary>The register's JSON API through the real host.</summary>
public abstract class RegisterApiTests(UponApp app)
{
    private static readonly string Register = CsvFiles.Lines(
        CsvFiles.Header,
        "810,API-1,Gale,Hart,permanent,2012-09-01,2020-08-31,retired,no",
        "810,API-2,Ian,Cho,interim,2020-09-01,,,",
        "811,API-1,Gale,Hart,interim,2020-10-01,2021-03-31,end_of_interim,no");

    private async Task SeedAsync()
    {
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(Register)));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [SkippableFact]
    public async Task GetAuthorities_ListsThe153InOperationWithCurrentDcs()
    {
        app.RequireDatabase();
        await SeedAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/api/authorities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var authorities = (await JsonAsync(response)).EnumerateArray().ToList();
        Assert.Equal(153, authorities.Count);
        var hull = authorities.Single(a => a.GetProperty("code").GetString() == "810");
        Assert.Equal("Kingston upon Hull, City of", hull.GetProperty("name").GetString());
        Assert.Equal("Yorkshire and The Humber", hull.GetProperty("region").GetString());
        var current = hull.GetProperty("currentDcs");
        Assert.Equal("API-2", current.GetProperty("personId").GetString());
        Assert.Equal("interim", current.GetProperty("type").GetString());
        Assert.Equal("2020-09-01", current.GetProperty("since").GetString());
        Assert.Equal(JsonValueKind.Null, authorities.Single(a => a.GetProperty("code").GetString() == "811").GetProperty("currentDcs").ValueKind);
    }

    [SkippableFact]
    public async Task GetAuthority_WithHistoryAndGssCodes()
    {
        app.RequireDatabase();
        await SeedAsync();
        var authority = await JsonAsync(await app.CreateClient().GetAsync(new Uri("/api/authorities/810", UriKind.Relative)));
        var history = authority.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["API-1", "API-2"], history.Select(h => h.GetProperty("personId").GetString()));
        Assert.Equal("retired", history[0].GetProperty("leavingReason").GetString());
        Assert.False(history[0].GetProperty("unplanned").GetBoolean());
        Assert.Equal("E06000010", authority.GetProperty("gssCodes")[0].GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task GetAuthority_Unknown_Returns404ProblemDetails()
    {
        app.RequireDatabase();
        var response = await app.CreateClient().GetAsync(new Uri("/api/authorities/999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("999", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task GetPerson_CareerAcrossAuthorities()
    {
        app.RequireDatabase();
        await SeedAsync();
        var person = await JsonAsync(await app.CreateClient().GetAsync(new Uri("/api/people/API-1", UriKind.Relative)));
        Assert.Equal("Gale", person.GetProperty("givenName").GetString());
        Assert.Equal(["810", "811"], person.GetProperty("appointments").EnumerateArray().Select(a => a.GetProperty("authorityCode").GetString()));
        Assert.False(person.TryGetProperty("email", out _));
    }

    [SkippableFact]
    public async Task GetPerson_Unknown_Returns404()
    {
        app.RequireDatabase();
        var response = await app.CreateClient().GetAsync(new Uri("/api/people/NOBODY", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task GetTurnover_SameJsonAsTheReport()
    {
        app.RequireDatabase();
        await SeedAsync();
        var client = app.CreateClient();
        var all = await JsonAsync(await client.GetAsync(new Uri("/api/reports/turnover", UriKind.Relative)));
        Assert.Equal(JsonValueKind.Array, all.ValueKind);
        var year = await client.GetAsync(new Uri("/api/reports/turnover?year=2020-21", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        var figures = await JsonAsync(year);
        var expected = await app.WithScopeAsync(s => s.GetRequiredService<TurnoverReport>().YearAsync(Core.Register.FinancialYear.Parse("2020-21")));
        Assert.Equal(JsonSerializer.Serialize(expected, TurnoverReport.Json), JsonSerializer.Serialize(figures, TurnoverReport.Json));
        Assert.Equal(
            ["financialYear", "localAuthorities", "changes", "authoritiesWithChange", "authoritiesWithUnplannedChange", "unplannedChangeRate",
             "firstTimeDirectors", "interimShareAtYearEnd", "meanCompletedTenureMonths", "medianTenureMonths", "consecutiveYearsRising", "toDate"],
            figures.EnumerateObject().Select(p => p.Name));
        // The financial year not yet over, and only that one, is marked to date.
        var current = await app.WithScopeAsync(s => Task.FromResult(Core.Register.FinancialYear.Containing(Core.Time.TodayInLondon(s.GetRequiredService<NodaTime.IClock>())).Label));
        Assert.Equal([current], all.EnumerateArray().Where(y => y.GetProperty("toDate").GetBoolean()).Select(y => y.GetProperty("financialYear").GetString()));
        Assert.Equal(current, all[all.GetArrayLength() - 1].GetProperty("financialYear").GetString());
        Assert.False(figures.GetProperty("toDate").GetBoolean());
    }

    [SkippableFact]
    public async Task GetTurnover_BadYear_Returns400ProblemDetails()
    {
        app.RequireDatabase();
        var response = await app.CreateClient().GetAsync(new Uri("/api/reports/turnover?year=2023-25", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task OpenApi_DescribesTheRegisterApi()
    {
        app.RequireDatabase();
        var document = await JsonAsync(await app.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/authorities", paths);
        Assert.Contains("/api/authorities/{code}", paths);
        Assert.Contains("/api/people/{personId}", paths);
        Assert.Contains("/api/reports/turnover", paths);
    }
}

public sealed class RegisterApiTests_Sqlite(SqliteApp app) : RegisterApiTests(app), IClassFixture<SqliteApp>;

public sealed class RegisterApiTests_Postgres(PostgresApp app) : RegisterApiTests(app), IClassFixture<PostgresApp>;
