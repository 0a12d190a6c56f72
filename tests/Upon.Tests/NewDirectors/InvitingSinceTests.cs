using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Shared;

namespace Upon.Tests.NewDirectors;

/// <summary>
/// Issue 10, "Invitation figures contradict themselves": years and first posts before <c>NewDirectors:InvitingSince</c>
/// (1 April 2020 by default) are not in the invitation figures, on the page, from the command line or the API.
/// </summary>
public abstract class InvitingSinceTests(UponApp app)
{
    private const string Register = CsvFiles.Header + "\n" +
        "202,is-1,Ann,One,permanent,2015-06-01,2023-05-31,resigned,no\n" +
        "203,is-2,Bea,Two,permanent,2019-06-01,,,\n" +
        "202,is-3,Cy,Three,interim,2023-06-01,,,\n";

    [SkippableFact]
    public async Task YearsBeforeInvitingSince_AreNotInTheFigures_AnywhereTheyAreShown()
    {
        app.RequireDatabase();
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(Register)));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var client = app.CreateApiClient(Roles.PartnerStaff);

        var api = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reports/invitations", UriKind.Relative))).RootElement;
        Assert.Equal("2023-24", api.EnumerateArray().First().GetProperty("financialYear").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/reports/invitations?year=2015-16", UriKind.Relative))).StatusCode);

        var cli = await UponCli.RunAsync(app.Database, "report", "invitations", "--format", "csv");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.DoesNotContain("2015-16", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2019-20", cli.Output, StringComparison.Ordinal);
        Assert.Contains("2023-24,1,", cli.Output, StringComparison.Ordinal);

        var page = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/new-directors/figures");
        Assert.DoesNotContain("2015-16", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class InvitingSinceTests_Sqlite(SqliteApp app) : InvitingSinceTests(app), IClassFixture<SqliteApp>;

public sealed class InvitingSinceTests_Postgres(PostgresApp app) : InvitingSinceTests(app), IClassFixture<PostgresApp>;
