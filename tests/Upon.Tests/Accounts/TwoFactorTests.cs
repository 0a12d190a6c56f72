using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Tests.Infrastructure;
using CodePage = Upon.Accounts.Pages.SignIn.CodeModel;

namespace Upon.Tests.Accounts;

/// <summary>
/// Two-factor sign-in through the real pages: setting up an authenticator app, the second sign-in step with a security
/// code or a recovery code, and the rule that staff must set it up where it is required.
/// </summary>
public abstract class TwoFactorTests(UponApp app)
{
    private const string SetUp = "/account/two-factor";
    private const string CodeStep = "/account/sign-in/code";

    [SkippableFact]
    public async Task SetUp_ThenSignIn_AsksForTheCode_RefusesAWrongOne_AcceptsTheRightOne()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Coach, "2fa-code");
        var client = await SignedInClientAsync(user.Email!);

        var (totp, codes) = await SetUpAsync(client);
        Assert.Equal(10, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var status = await client.GetDocumentAsync(SetUp);
        Assert.Equal("On", status.QuerySelector("#two-factor-status").Text());
        Assert.Null(status.QuerySelector("#recovery-codes"));
        Assert.Equal("You have 10 recovery codes left.", status.QuerySelector("#recovery-codes-left").Text());
        Assert.True((await app.FindUserAsync(user.Email!))!.TwoFactorEnabled);

        var again = app.CreateAnonymousClient();
        var password = await again.PostSignInAsync(user.Email!, UponApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith(CodeStep, password.LocationPath(), StringComparison.Ordinal);
        // The password alone does not sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync(new Uri("/account/tokens", UriKind.Relative))).StatusCode);

        var wrong = await again.PostFormAsync(CodeStep, new Dictionary<string, string> { ["Code"] = WrongCode(totp), ["ReturnUrl"] = "/account/tokens" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongPage = await Html.ParseAsync(wrong);
        Assert.Equal([CodePage.Failure], wrongPage.ErrorSummary());
        Assert.Equal("Enter a correct security code", CodePage.Failure);
        Assert.Equal(["Enter a correct security code"], wrongPage.FieldErrors());

        // The next time step's code, so the test does not depend on a code being usable twice.
        var right = await again.PostFormAsync(CodeStep, new Dictionary<string, string> { ["Code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)), ["ReturnUrl"] = "/account/tokens" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/account/tokens", right.LocationPath());
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/account/tokens", UriKind.Relative))).StatusCode);

        var failed = Assert.Single(await app.AuditEventsAsync(AuditActions.SignInFailed), e => e.UserId == user.Id);
        Assert.Equal("wrong security code", failed.Detail);
        Assert.Contains(await app.AuditEventsAsync(AuditActions.SignedIn), e => e.UserId == user.Id && e.Detail == "authenticator app");
    }

    [SkippableFact]
    public async Task RecoveryCode_SignsInOnce()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "2fa-recovery");
        var (_, codes) = await SetUpAsync(await SignedInClientAsync(user.Email!));

        var first = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostSignInAsync(user.Email!, UponApp.Password)).StatusCode);
        var used = await first.PostFormAsync($"{CodeStep}?Recovery=true", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] }, $"{CodeStep}?handler=Recovery");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal("/", used.LocationPath());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/account/tokens", UriKind.Relative))).StatusCode);

        var second = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostSignInAsync(user.Email!, UponApp.Password)).StatusCode);
        var reused = await second.PostFormAsync($"{CodeStep}?Recovery=true", new Dictionary<string, string> { ["RecoveryCode"] = codes[0] }, $"{CodeStep}?handler=Recovery");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal([CodePage.RecoveryFailure], (await Html.ParseAsync(reused)).ErrorSummary());
        // Another code still works, typed in small letters and without its hyphen.
        var other = await second.PostFormAsync($"{CodeStep}?Recovery=true", new Dictionary<string, string> { ["RecoveryCode"] = codes[1].Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() }, $"{CodeStep}?handler=Recovery");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(8, await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UponUser>>();
            return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(user.Id))!);
        }));
    }

    [SkippableFact]
    public async Task SetUp_WrongCode_IsRefusedAndTwoFactorStaysOff()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Funder, "2fa-setup-wrong");
        var client = await SignedInClientAsync(user.Email!);
        var page = await client.GetDocumentAsync(SetUp);
        var totp = Totp(page);
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("#qr-code")!.GetAttribute("src"), StringComparison.Ordinal);

        var response = await client.PostFormAsync(SetUp, new Dictionary<string, string> { ["Code"] = WrongCode(totp) }, $"{SetUp}?handler=Confirm");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Enter a correct security code"], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.False((await app.FindUserAsync(user.Email!))!.TwoFactorEnabled);
    }

    [SkippableFact]
    public async Task TurnOff_WhereNotRequired_SignsInWithThePasswordAgain()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "2fa-off");
        var client = await SignedInClientAsync(user.Email!);
        await SetUpAsync(client);

        var off = await client.PostFormAsync(SetUp, new Dictionary<string, string>(), $"{SetUp}?handler=Disable");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await app.FindUserAsync(user.Email!))!.TwoFactorEnabled);
        var signIn = await app.CreateAnonymousClient().PostSignInAsync(user.Email!, UponApp.Password);
        Assert.Equal("/", signIn.LocationPath());
    }

    [SkippableFact]
    public async Task CodeStep_WithoutAPassword_AsksToSignInAgain()
    {
        app.RequireDatabase();

        var page = await app.CreateAnonymousClient().GetDocumentAsync(CodeStep);

        Assert.Equal("Sign in again", page.QuerySelector("h1").Text());
    }

    [Fact]
    public void Rule_IsRequiredOnlyWhenSwitchedOnOutsideDevelopment_AndOnlyForStaffWithoutTwoFactor()
    {
        Assert.True(TwoFactorRule.IsRequired(setting: true, isDevelopment: false));
        Assert.False(TwoFactorRule.IsRequired(setting: true, isDevelopment: true));
        Assert.False(TwoFactorRule.IsRequired(setting: false, isDevelopment: false));

        var required = new TwoFactorRule(true);
        Assert.True(required.MustSetUp([Roles.Administrator], twoFactorEnabled: false));
        Assert.True(required.MustSetUp([Roles.PartnerStaff], twoFactorEnabled: false));
        Assert.False(required.MustSetUp([Roles.PartnerStaff], twoFactorEnabled: true));
        Assert.False(required.MustSetUp([Roles.Coach], twoFactorEnabled: false));
        Assert.False(required.MustSetUp([Roles.Funder], twoFactorEnabled: false));
        Assert.False(new TwoFactorRule(false).MustSetUp([Roles.Administrator], twoFactorEnabled: false));
    }

    [SkippableFact]
    public void Rule_IsOffInDevelopment()
    {
        app.RequireDatabase();

        Assert.False(app.Services.GetRequiredService<TwoFactorRule>().Required);
    }

    [SkippableFact]
    public async Task Required_StaffWithoutTwoFactor_MayOnlyReachTheSetUpPage()
    {
        app.RequireDatabase();
        await using var required = app.WithTwoFactorRequired();
        var staff = await app.CreateAccountAsync(Roles.PartnerStaff, "2fa-required");
        var coach = await app.CreateAccountAsync(Roles.Coach, "2fa-not-required");

        var client = required.CreateCookieClient();
        var signIn = await client.PostSignInAsync(staff.Email!, UponApp.Password);
        Assert.Equal(SetUp, signIn.LocationPath());
        foreach (var path in new[] { "/register", "/account/tokens", "/register/turnover" })
        {
            var refused = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal(SetUp, refused.LocationPath());
        }
        var api = await client.GetAsync(new Uri("/api/authorities", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var setUpPage = await client.GetDocumentAsync(SetUp);
        Assert.Contains("Your role requires two-factor sign-in", setUpPage.QuerySelector(".govuk-warning-text").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/sign-out", UriKind.Relative))).StatusCode);

        await SetUpAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/register", UriKind.Relative))).StatusCode);
        var status = await client.GetDocumentAsync(SetUp);
        Assert.Empty(status.QuerySelectorAll("form[action*=Disable]"));
        var off = await client.PostFormAsync(SetUp, new Dictionary<string, string>(), $"{SetUp}?handler=Disable");
        Assert.NotEqual(HttpStatusCode.OK, off.StatusCode);
        Assert.True((await app.FindUserAsync(staff.Email!))!.TwoFactorEnabled);

        var coachClient = required.CreateCookieClient();
        Assert.Equal("/", (await coachClient.PostSignInAsync(coach.Email!, UponApp.Password)).LocationPath());
        Assert.Equal(HttpStatusCode.OK, (await coachClient.GetAsync(new Uri("/account/tokens", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync(email, UponApp.Password)).StatusCode);
        return client;
    }

    private static Totp Totp(IDocument page)
    {
        var key = page.QuerySelector("#shared-key").Text().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.Matches("^[A-Z2-7]+$", key);
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("#qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        return new Totp(Base32Encoding.ToBytes(key));
    }

    /// <summary>Sets up an authenticator app from the page, as a person would; returns the app and the recovery codes shown.</summary>
    private static async Task<(Totp Totp, IReadOnlyList<string> RecoveryCodes)> SetUpAsync(HttpClient client)
    {
        var page = await client.GetDocumentAsync(SetUp);
        Assert.Equal("Off", page.QuerySelector("#two-factor-status").Text());
        var totp = Totp(page);
        var response = await client.PostFormAsync(SetUp, new Dictionary<string, string> { ["Code"] = totp.ComputeTotp() }, $"{SetUp}?handler=Confirm");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var confirmed = await Html.ParseAsync(response);
        Assert.Empty(confirmed.ErrorSummary());
        return (totp, [.. confirmed.QuerySelectorAll("#recovery-codes li").Select(li => li.Text())]);
    }

    /// <summary>A code no nearby time step gives.</summary>
    private static string WrongCode(Totp totp)
    {
        var near = Enumerable.Range(-3, 7).Select(i => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => (123456 + i * 7919).ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }
}

public sealed class TwoFactorTests_Sqlite(SqliteApp app) : TwoFactorTests(app), IClassFixture<SqliteApp>;

public sealed class TwoFactorTests_Postgres(PostgresApp app) : TwoFactorTests(app), IClassFixture<PostgresApp>;
