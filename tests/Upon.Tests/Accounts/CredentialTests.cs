using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// What a credential may do: an API token is no sign-in outside /api and makes no credential; creating one needs a
/// password entered in the last 15 minutes; disabling the account, a new password and removing a passkey end what was
/// derived from them.
/// </summary>
public abstract class CredentialTests(TimedApp app)
{
    private HttpClient Bearer(string secret)
    {
        var client = app.CreateTimedClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<HttpClient> SignedInAsync(UponUser user)
    {
        var client = app.CreateTimedClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync(user.Email!, UponApp.Password)).StatusCode);
        return client;
    }

    private Task<string> OperatorTokenAsync(UponUser user, string name) =>
        app.WithScopeAsync(async s => (await s.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(user.Id, name)).Secret);

    private Task<List<ApiToken>> TokensOfAsync(UponUser user) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync());

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url) => (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode;

    [SkippableTheory]
    [InlineData("/account")]
    [InlineData("/account/tokens")]
    [InlineData("/account/passkeys")]
    [InlineData("/account/two-factor")]
    [InlineData("/account/confirm-password")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/audit")]
    [InlineData("/participants")]
    public async Task AdministratorsToken_OnAPage_IsNoSignIn(string page)
    {
        app.RequireDatabase();
        var admin = await app.CreateAccountAsync(Roles.Administrator, "token-pages");
        var client = Bearer(await OperatorTokenAsync(admin, "Pages"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/authorities"));

        var response = await client.GetAsync(new Uri(page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.LocationPath(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Token_CannotRegisterAPasskeyOrMintAToken()
    {
        app.RequireDatabase();
        var admin = await app.CreateAccountAsync(Roles.Administrator, "token-mint");
        var client = Bearer(await OperatorTokenAsync(admin, "Mint"));

        var options = await client.PostAsync(new Uri("/account/passkeys?handler=CreationOptions", UriKind.Relative), new FormUrlEncodedContent([]));
        var mint = await client.PostAsync(new Uri("/account/tokens?handler=Create", UriKind.Relative), new FormUrlEncodedContent([new("Name", "Minted")]));

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (options.StatusCode, mint.StatusCode));
        Assert.StartsWith("/account/sign-in", options.LocationPath(), StringComparison.Ordinal);
        Assert.Equal(["Mint"], (await TokensOfAsync(admin)).Select(t => t.Name));
        // Nor can anything else make one from a token's principal.
        var tokenPrincipal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, admin.Id), new Claim(SignInClaims.ApiToken, "1")], "ApiToken"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().CreateInSignInAsync(tokenPrincipal, "Minted")));
    }

    [SkippableFact]
    public async Task CredentialPages_FifteenMinutesAfterSignIn_AskForThePasswordAndComeBack()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "recent");
        var client = await SignedInAsync(user);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/account/tokens"));
        // The two-factor page renews the cookie when it makes the key: that is not a new sign-in.
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/account/two-factor"));
        app.Clock.Advance(Duration.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/account/passkeys"));

        app.Clock.Advance(Duration.FromSeconds(1));

        foreach (var page in new[] { "/account/tokens", "/account/passkeys", "/account/two-factor" })
        {
            var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/account/confirm-password?ReturnUrl={Uri.EscapeDataString(page)}", response.LocationPath());
        }
        var create = await client.PostFormAsync("/account/confirm-password", new Dictionary<string, string> { ["Name"] = "Too late" }, "/account/tokens?handler=Create");
        Assert.Equal("/account/confirm-password?ReturnUrl=%2Faccount%2Ftokens", create.LocationPath());
        Assert.Empty(await TokensOfAsync(user));

        var wrong = await client.PostFormAsync("/account/confirm-password?ReturnUrl=%2Faccount%2Ftokens",
            new Dictionary<string, string> { ["Password"] = "not the password at all", ["ReturnUrl"] = "/account/tokens" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal([Upon.Accounts.Pages.ConfirmPassword.IndexModel.Failure], (await Html.ParseAsync(wrong)).ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client, "/account/tokens"));
        Assert.Contains(await app.AuditEventsAsync(AuditActions.SignInFailed), e => e.UserId == user.Id && e.Detail == "password confirmation: wrong password");

        var confirmed = await client.PostFormAsync("/account/confirm-password?ReturnUrl=%2Faccount%2Ftokens",
            new Dictionary<string, string> { ["Password"] = UponApp.Password, ["ReturnUrl"] = "/account/tokens" });
        Assert.Equal("/account/tokens", confirmed.LocationPath());
        var created = await client.PostFormAsync("/account/tokens", new Dictionary<string, string> { ["Name"] = "In time" }, "/account/tokens?handler=Create");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var token = Assert.Single(await TokensOfAsync(user));
        Assert.NotNull(token.CreatedInSignIn);
        Assert.Null(token.CreatedWithPasskey);
    }

    [SkippableFact]
    public async Task SecurityStampCheck_KeepsTheTimeOfSignIn()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "stamp-time");
        var client = await SignedInAsync(user);

        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/account/tokens"));
        app.Clock.Advance(Duration.FromMinutes(16));
        app.Time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(client, "/account/tokens"));
    }

    [SkippableFact]
    public async Task DisablingTheAccount_RevokesItsTokensAtOnce()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "disable-tokens");
        var client = Bearer(await OperatorTokenAsync(user, "Disable"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/api/strands"));

        await app.WithScopeAsync(async s => { await s.GetRequiredService<AccountService>().DisableAsync((await s.GetRequiredService<UserManager<UponUser>>().FindByIdAsync(user.Id))!); return true; });

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(client, "/api/strands"));
        Assert.All(await TokensOfAsync(user), t => Assert.NotNull(t.RevokedAt));
    }

    [SkippableFact]
    public async Task ANewPassword_RevokesTheTokensAndEndsTheSignIns()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "reset-tokens");
        var session = await SignedInAsync(user);
        var api = Bearer(await OperatorTokenAsync(user, "Reset"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, "/api/strands"));
        var path = await app.WithScopeAsync(async s => await s.GetRequiredService<AccountService>().CreateInvitationAsync((await s.GetRequiredService<UserManager<UponUser>>().FindByIdAsync(user.Id))!));

        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateTimedClient().PostSetPasswordAsync(path, "a brand new passphrase here")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(api, "/api/strands"));
        app.Time.Advance(TimeSpan.FromSeconds(61));
        var after = await session.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.LocationPath(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The passkey is stored through Identity as a registration would store it (a real WebAuthn ceremony needs an
    /// authenticator), and the token as the tokens page makes it in a sign-in that used that passkey.
    /// </summary>
    [SkippableFact]
    public async Task RemovingAPasskey_EndsTheSignInsAndRevokesTheTokensMadeWithIt()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "passkey-remove");
        var credentialId = RandomNumberGenerator.GetBytes(32);
        var passkey = WebEncoders.Base64UrlEncode(credentialId);
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            var result = await users.AddOrUpdatePasskeyAsync(stored, new UserPasskeyInfo(credentialId, RandomNumberGenerator.GetBytes(77), DateTimeOffset.UtcNow, 0, [], true, false, false, [], []) { Name = "Laptop" });
            Assert.True(result.Succeeded);
            return true;
        });
        var withPasskey = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(SignInClaims.SignInId, "passkeysignin"), new Claim(SignInClaims.Passkey, passkey)], "Identity.Application"));
        var madeWithPasskey = Bearer(await app.WithScopeAsync(async s => (await s.GetRequiredService<ApiTokenService>().CreateInSignInAsync(withPasskey, "With passkey")).Secret));
        var other = Bearer(await OperatorTokenAsync(user, "Operator's"));
        var owner = await SignedInAsync(user);
        var elsewhere = await SignedInAsync(user);

        var removed = await owner.PostFormAsync("/account/passkeys", new Dictionary<string, string> { ["passkeyId"] = passkey }, "/account/passkeys?handler=Remove");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(madeWithPasskey, "/api/strands"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(other, "/api/strands"));
        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(owner, "/account"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(elsewhere, "/account"));
    }
}

public sealed class CredentialTests_Sqlite(TimedSqliteApp app) : CredentialTests(app), IClassFixture<TimedSqliteApp>;

public sealed class CredentialTests_Postgres(TimedPostgresApp app) : CredentialTests(app), IClassFixture<TimedPostgresApp>;
