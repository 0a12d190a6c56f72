using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// The two-factor rule for staff (<see cref="TwoFactorRule"/>) decided from the principal: a sign-in of an account with
/// an authenticator app set up carries <see cref="TwoFactorRule.EnabledClaim"/>, so a staff page does not read the account
/// on every request (a cached figure page costs one SQL command, the data version); a principal made before the set-up
/// still has the account read, and is let through once it is set up. A staff API token carries the same claim from the
/// token's own query, so a remembered token's cached figure costs one command under the rule too.
/// </summary>
public abstract class TwoFactorClaimTests(CommandCountingApp app)
{
    private const string Page = "/register";
    private const string FigurePage = "/new-directors/figures";

    [SkippableFact]
    public async Task StaffPages_WithTwoFactorSetUp_AreServedWithoutReadingTheAccount_AndACachedFigureCostsOneCommand()
    {
        app.RequireDatabase();
        await using var host = app.WithTwoFactorRequired();
        var staff = await app.CreateAccountAsync(Roles.Administrator, "2fa-claim");
        var key = await SetUpTwoFactorAsync(staff.Id);
        var client = host.CreateCookieClient();
        Assert.StartsWith("/account/sign-in/code", (await client.PostSignInAsync(staff.Email!, UponApp.Password)).LocationPath(), StringComparison.Ordinal);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var signedIn = await client.PostFormAsync("/account/sign-in/code", new Dictionary<string, string> { ["Code"] = code, ["ReturnUrl"] = Page });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var (status, commands) = await CountedGetAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(commands, c => c.Contains("AspNetUsers", StringComparison.Ordinal));

        // A cached figure page (read once to fill the cache) costs one command in all: the check of the data version.
        await CountedGetAsync(client, FigurePage);
        var (figures, figureCommands) = await CountedGetAsync(client, FigurePage);
        Assert.Equal(HttpStatusCode.OK, figures);
        Assert.Contains("data_versions", Assert.Single(figureCommands), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task StaffPage_SignedInBeforeTheSetUp_ReadsTheAccount_AndIsServedOnceItIsSetUp()
    {
        app.RequireDatabase();
        await using var host = app.WithTwoFactorRequired();
        var staff = await app.CreateAccountAsync(Roles.PartnerStaff, "2fa-claim-before");
        var client = host.CreateCookieClient();
        Assert.Equal(TwoFactorRule.SetUpPath, (await client.PostSignInAsync(staff.Email!, UponApp.Password)).LocationPath());
        var (refused, _) = await CountedGetAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, refused);

        // Set up in another sign-in (this one is not refreshed, so its principal still says nothing of it).
        await SetUpTwoFactorAsync(staff.Id);
        var (status, commands) = await CountedGetAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(commands, c => c.Contains("AspNetUsers", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task StaffApiToken_WithTwoFactorSetUp_IsServedWithoutReadingTheAccount_AndARememberedOneCostsOneCommand()
    {
        app.RequireDatabase();
        await using var host = app.WithTwoFactorRequired();
        var staff = await app.CreateAccountAsync(Roles.Administrator, "2fa-claim-token");
        await SetUpTwoFactorAsync(staff.Id);
        var client = host.CreateApiClient(await CreateTokenAsync(staff.Id));

        // A token this instance has not seen: its one query reads the owner, and nothing else reads the account again
        // (Identity's user manager would, to apply the rule). This request also fills the figure's cache.
        var (first, firstCommands) = await CountedGetAsync(client, ApiFigure);
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Contains("api_tokens", Assert.Single(firstCommands, c => c.Contains("AspNetUsers", StringComparison.Ordinal)), StringComparison.Ordinal);

        // Remembered: the token's check and the data version together, and nothing else.
        var (status, commands) = await CountedGetAsync(client, ApiFigure);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("CASE WHEN EXISTS", Assert.Single(commands), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task StaffApiToken_WithoutTwoFactor_IsRefused_UntilItIsSetUp()
    {
        app.RequireDatabase();
        await using var host = app.WithTwoFactorRequired();
        var staff = await app.CreateAccountAsync(Roles.PartnerStaff, "2fa-claim-token-before");
        var client = host.CreateApiClient(await CreateTokenAsync(staff.Id));
        var refused = await client.GetAsync(new Uri(ApiFigure, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Setting it up changes the owner's stamp, so the remembered token is read again, with the claim.
        await SetUpTwoFactorAsync(staff.Id);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(ApiFigure, UriKind.Relative))).StatusCode);
    }

    private const string ApiFigure = "/api/reports/turnover";

    /// <summary>Sets up an authenticator app for the account (as the set-up page does), giving its key.</summary>
    private Task<string> SetUpTwoFactorAsync(string userId) => app.WithScopeAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<UponUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    });

    private async Task<string> CreateTokenAsync(string userId) =>
        (await app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(userId, "Two-factor claim"))).Secret;

    private async Task<(HttpStatusCode Status, IReadOnlyList<string> Commands)> CountedGetAsync(HttpClient client, string page = Page)
    {
        var mark = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(page, UriKind.Relative));
        request.Headers.Add(CommandCountingApp.Header, mark);
        var response = await client.SendAsync(request);
        return (response.StatusCode, app.Commands.TryGetValue(mark, out var seen) ? [.. seen] : []);
    }
}

public sealed class TwoFactorClaimTests_Sqlite(CommandCountingSqliteApp app) : TwoFactorClaimTests(app), IClassFixture<CommandCountingSqliteApp>;

public sealed class TwoFactorClaimTests_Postgres(CommandCountingPostgresApp app) : TwoFactorClaimTests(app), IClassFixture<CommandCountingPostgresApp>;
