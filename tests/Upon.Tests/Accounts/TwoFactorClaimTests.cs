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
/// still has the account read, and is let through once it is set up.
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
        var key = await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var user = (await users.FindByIdAsync(staff.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            return (await users.GetAuthenticatorKeyAsync(user))!;
        });
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
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var user = (await users.FindByIdAsync(staff.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            return await users.SetTwoFactorEnabledAsync(user, true);
        });
        var (status, commands) = await CountedGetAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(commands, c => c.Contains("AspNetUsers", StringComparison.Ordinal));
    }

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
