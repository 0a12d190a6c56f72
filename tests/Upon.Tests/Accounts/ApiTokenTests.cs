using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>Personal API tokens: created on the page (shown once), used as Bearer with the owner's role, revoked.</summary>
public abstract class ApiTokenTests(UponApp app)
{
    private HttpClient Bearer(string secret)
    {
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<string> CreateOnPageAsync(string role, string name)
    {
        var client = app.CreateClient(role);
        var response = await client.PostFormAsync("/account/tokens", new Dictionary<string, string> { ["Name"] = name }, "/account/tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        return page.QuerySelector("#new-token")!.TextContent.Trim();
    }

    [SkippableFact]
    public async Task StaffToken_ReadsTheRegister_AndIsStoredOnlyAsAHash()
    {
        app.RequireDatabase();
        var secret = await CreateOnPageAsync(Roles.PartnerStaff, "Partner reporting");
        Assert.StartsWith("upon_", secret, StringComparison.Ordinal);
        var response = await Bearer(secret).GetAsync(new Uri("/api/authorities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stored = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Partner reporting"));
        Assert.NotEqual(secret, stored.TokenHash);
        Assert.DoesNotContain(secret, stored.TokenHash, StringComparison.Ordinal);
        Assert.NotNull(stored.LastUsedAt);

        var list = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/account/tokens");
        Assert.DoesNotContain(secret, list.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task FunderToken_GetsAggregatesButNotPeople()
    {
        app.RequireDatabase();
        var secret = await CreateOnPageAsync(Roles.Funder, "DfE dashboard");
        var client = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/reports/turnover", UriKind.Relative))).StatusCode);
        var refused = await client.GetAsync(new Uri("/api/authorities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task RevokedOrUnknownToken_Gets401()
    {
        app.RequireDatabase();
        var secret = await CreateOnPageAsync(Roles.Administrator, "To revoke");
        var id = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ApiTokens.Where(t => t.Name == "To revoke").Select(t => t.Id).SingleAsync());
        var revoke = await app.CreateClient().PostFormAsync("/account/tokens",
            new Dictionary<string, string> { ["tokenId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/account/tokens?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);

        var revoked = await Bearer(secret).GetAsync(new Uri("/api/authorities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        var unknown = await Bearer("upon_not-a-real-token").GetAsync(new Uri("/api/authorities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task RevokeSomeoneElsesToken_Returns404()
    {
        app.RequireDatabase();
        await CreateOnPageAsync(Roles.PartnerStaff, "Not yours");
        var id = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ApiTokens.Where(t => t.Name == "Not yours").Select(t => t.Id).SingleAsync());
        var response = await app.CreateClient(Roles.Coach).PostFormAsync("/account/tokens",
            new Dictionary<string, string> { ["tokenId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/account/tokens?handler=Revoke");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task DisabledAccount_TokenStopsWorking()
    {
        app.RequireDatabase();
        var user = await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync("token.owner@tests.upon.test", Roles.PartnerStaff, UponApp.Password));
        var (_, secret) = await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(user.Id, "Owner's"));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(secret).GetAsync(new Uri("/api/authorities", UriKind.Relative))).StatusCode);
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UponUser>>();
            await s.GetRequiredService<AccountService>().DisableAsync((await users.FindByIdAsync(user.Id))!);
            return true;
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(secret).GetAsync(new Uri("/api/authorities", UriKind.Relative))).StatusCode);
    }
}

public sealed class ApiTokenTests_Sqlite(SqliteApp app) : ApiTokenTests(app), IClassFixture<SqliteApp>;

public sealed class ApiTokenTests_Postgres(PostgresApp app) : ApiTokenTests(app), IClassFixture<PostgresApp>;
