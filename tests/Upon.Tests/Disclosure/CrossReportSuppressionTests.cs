using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Upon.Shared.Security;
using Upon.Register;
using Upon.Tests.Infrastructure;
using Upon.Tests.Shared;

namespace Upon.Tests.Disclosure;

/// <summary>
/// Issue 9, item 5, through the real API on each database: the funder cannot subtract the invitation figures'
/// first-time directors (people) from the turnover figures' (appointments) to learn a small number.
/// </summary>
public abstract class CrossReportSuppressionTests(UponApp app)
{
    /// <summary>2023-24: five people start their first DCS post on 1 July 2023, one of them in two shared posts.</summary>
    private const string Register = CsvFiles.Header + "\n" +
        "202,xr-1,Ann,One,permanent,2023-07-01,,,\n" +
        "203,xr-2,Bea,Two,permanent,2023-07-01,,,\n" +
        "204,xr-3,Cy,Three,permanent,2023-07-01,,,\n" +
        "205,xr-4,Di,Four,permanent,2023-07-01,,,\n" +
        "206,xr-5,Ed,Five,permanent,2023-07-01,,,\n" +
        "207,xr-5,Ed,Five,permanent,2023-07-01,,,\n";

    private static async Task<JsonElement> YearAsync(HttpClient client, string report)
    {
        var response = await client.GetAsync(new Uri($"/api/reports/{report}?year=2023-24", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"{report} answered {(int)response.StatusCode}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement.Clone();
        return root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().Single(y => y.GetProperty("financialYear").GetString() == "2023-24") : root;
    }

    [SkippableFact]
    public async Task Funder_CannotSubtractPeopleFromAppointments()
    {
        app.RequireDatabase();
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(Register)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));

        var staff = app.CreateApiClient(Roles.PartnerStaff);
        Assert.Equal(6, (await YearAsync(staff, "turnover")).GetProperty("firstTimeDirectors").GetInt32());
        Assert.Equal(5, (await YearAsync(staff, "invitations")).GetProperty("firstTimeDirectors").GetInt32());

        var funder = app.CreateApiClient(Roles.Funder);
        var turnover = await YearAsync(funder, "turnover");
        var invitations = await YearAsync(funder, "invitations");
        Assert.Equal(5, invitations.GetProperty("firstTimeDirectors").GetInt32());
        Assert.Equal(JsonValueKind.Null, turnover.GetProperty("firstTimeDirectors").ValueKind);
        Assert.Contains("firstTimeDirectors", turnover.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
    }
}

public sealed class CrossReportSuppressionTests_Sqlite(SqliteApp app) : CrossReportSuppressionTests(app), IClassFixture<SqliteApp>;

public sealed class CrossReportSuppressionTests_Postgres(PostgresApp app) : CrossReportSuppressionTests(app), IClassFixture<PostgresApp>;
