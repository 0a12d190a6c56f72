using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Tests.Infrastructure;
using SignInPage = Upon.Accounts.Pages.SignIn.IndexModel;

namespace Upon.Tests.Accounts;

/// <summary>
/// Sign-in through the real page: the same answer for every failure, lockout after five failures, disabled accounts
/// and their sessions, and the audit trail.
/// </summary>
public abstract class SignInTests(TimedApp app)
{
    private static async Task<AngleSharp.Dom.IDocument> FailedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [SkippableFact]
    public async Task Post_CorrectPassword_RedirectsAndTheCookieOpensAStaffPage()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-ok");
        var client = app.CreateTimedClient();

        var response = await client.PostFormAsync("/account/sign-in?ReturnUrl=%2Fregister", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = UponApp.Password,
            ["ReturnUrl"] = "/register",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/register", response.LocationPath());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("upon.auth=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var page = await client.GetAsync(new Uri("/register", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [SkippableFact]
    public async Task Post_ExternalReturnUrl_RedirectsHome()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-return");
        var client = app.CreateTimedClient();

        var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = user.Email!,
            ["Password"] = UponApp.Password,
            ["ReturnUrl"] = "https://evil.example.org/",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.LocationPath());
    }

    [SkippableFact]
    public async Task Post_WrongPassword_SameMessageAsUnknownEmail()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-wrong");

        var unknown = await app.CreateTimedClient().PostSignInAsync("nobody.at.all@example.org", UponApp.Password);
        var wrong = await app.CreateTimedClient().PostSignInAsync(user.Email!, "not the right password at all");

        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        var unknownPage = await FailedAsync(unknown);
        var wrongPage = await FailedAsync(wrong);
        Assert.Equal([SignInPage.Failure], unknownPage.ErrorSummary());
        Assert.Equal(unknownPage.ErrorSummary(), wrongPage.ErrorSummary());
        Assert.Equal(unknownPage.FieldErrors(), wrongPage.FieldErrors());
        Assert.Equal("Enter a correct email address and password", SignInPage.Failure);
        Assert.False(unknown.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("upon.auth=", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Post_EmptyFields_AsksForBoth()
    {
        app.RequireDatabase();

        var response = await app.CreateTimedClient().PostSignInAsync("", "");

        var page = await FailedAsync(response);
        Assert.Equal(["Enter your email address", "Enter your password"], page.ErrorSummary());
        Assert.Equal("Error: Enter your email address", page.QuerySelector("#Email-error").Text());
        Assert.Equal("Error: Enter your password", page.QuerySelector("#Password-error").Text());
    }

    [SkippableFact]
    public async Task Post_FiveFailures_LockTheAccountFor15Minutes()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-lockout");
        var client = app.CreateTimedClient();

        for (var i = 0; i < 5; i++)
        {
            var page = await FailedAsync(await client.PostSignInAsync(user.Email!, $"wrong password number {i}"));
            Assert.Equal([SignInPage.Failure], page.ErrorSummary());
        }
        var lockedAt = DateTimeOffset.UtcNow;
        var sixth = await FailedAsync(await client.PostSignInAsync(user.Email!, UponApp.Password));
        Assert.Equal([SignInPage.Failure], sixth.ErrorSummary());

        // Identity's UserManager decides lockout on the system clock (DateTimeOffset.UtcNow), not on TimeProvider, so
        // the test checks the lockout ends 15 minutes on and then moves that end into the past rather than waiting.
        var locked = await app.FindUserAsync(user.Email!);
        var end = Assert.IsType<DateTimeOffset>(locked!.LockoutEnd);
        Assert.InRange(end - lockedAt, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(5));
        var stillLocked = await FailedAsync(await client.PostSignInAsync(user.Email!, UponApp.Password));
        Assert.Equal([SignInPage.Failure], stillLocked.ErrorSummary());

        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            return await users.SetLockoutEndDateAsync(stored!, end - TimeSpan.FromMinutes(15));
        });
        var after = await client.PostSignInAsync(user.Email!, UponApp.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(0, (await app.FindUserAsync(user.Email!))!.AccessFailedCount);
    }

    [SkippableFact]
    public async Task Post_DisabledAccount_CannotSignIn()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-disabled");
        await app.WithScopeAsync(async s =>
        {
            var stored = await s.GetRequiredService<UserManager<UponUser>>().FindByIdAsync(user.Id);
            await s.GetRequiredService<AccountService>().DisableAsync(stored!);
            return true;
        });

        var page = await FailedAsync(await app.CreateTimedClient().PostSignInAsync(user.Email!, UponApp.Password));

        Assert.Equal([SignInPage.Failure], page.ErrorSummary());
    }

    [SkippableFact]
    public async Task DisabledAccount_OpenSessionEndsWithinAMinute()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-session");
        var client = app.CreateTimedClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostSignInAsync(user.Email!, UponApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/register", UriKind.Relative))).StatusCode);

        await app.WithScopeAsync(async s =>
        {
            var stored = await s.GetRequiredService<UserManager<UponUser>>().FindByIdAsync(user.Id);
            await s.GetRequiredService<AccountService>().DisableAsync(stored!);
            return true;
        });
        // The cookie is checked against the account once a minute, no more often.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/register", UriKind.Relative))).StatusCode);

        app.Time.Advance(TimeSpan.FromSeconds(61));
        var response = await client.GetAsync(new Uri("/register", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.LocationPath(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_SignInAndFailure_AreAudited()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "signin-audit");
        var client = app.CreateTimedClient();

        await client.PostSignInAsync(user.Email!, "not the right password at all");
        await client.PostSignInAsync("audit.unknown@example.org", "not the right password at all");
        await client.PostSignInAsync(user.Email!, UponApp.Password);

        var failed = await app.AuditEventsAsync(AuditActions.SignInFailed);
        var wrong = Assert.Single(failed, e => e.UserId == user.Id);
        Assert.Equal(user.Email, wrong.Actor);
        Assert.Equal("wrong password", wrong.Detail);
        Assert.Contains(failed, e => e.UserId is null && e.Actor == "unknown email" && e.Detail == "unknown email");
        Assert.DoesNotContain(failed, e => e.Actor.Contains("audit.unknown", StringComparison.Ordinal));
        var signedIn = Assert.Single(await app.AuditEventsAsync(AuditActions.SignedIn), e => e.UserId == user.Id);
        Assert.Equal(user.Email, signedIn.Actor);
        Assert.Equal(app.Clock.GetCurrentInstant(), signedIn.At);
    }

    [SkippableFact]
    public async Task Get_ParticipantAsksForRegister_IsDeniedAndAudited()
    {
        app.RequireDatabase();
        var participantId = await app.UserIdAsync(UponApp.EmailFor(Roles.Participant));

        var response = await app.CreateClient(Roles.Participant).GetAsync(new Uri("/register", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.LocationPath(), StringComparison.Ordinal);
        var denied = await app.AuditEventsAsync(AuditActions.AccessDenied);
        Assert.Contains(denied, e => e.UserId == participantId && e.Detail == "GET /register" && e.Actor == UponApp.EmailFor(Roles.Participant));
    }
}

public sealed class SignInTests_Sqlite(TimedSqliteApp app) : SignInTests(app), IClassFixture<TimedSqliteApp>;

public sealed class SignInTests_Postgres(TimedPostgresApp app) : SignInTests(app), IClassFixture<TimedPostgresApp>;

/// <summary>Sign-in attempts are limited per client: past the limit the answer is 429 with Retry-After.</summary>
public abstract class SignInRateLimitTests(RateLimitedApp app)
{
    [SkippableFact]
    public async Task Post_PastTheLimit_TooManyRequestsWithRetryAfter()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();

        // The fixed window may roll over between the fixture's own sign-ins and this test: allow for one new window.
        HttpResponseMessage? refused = null;
        for (var attempt = 1; attempt <= RateLimitedApp.Limit + RateLimitedApp.AttemptsLeft + 1 && refused is null; attempt++)
        {
            var response = await client.PostSignInAsync("rate.limited@example.org", "not the right password at all");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        Assert.NotNull(refused);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Reading the page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative))).StatusCode);
    }
}

public sealed class SignInRateLimitTests_Sqlite(RateLimitedSqliteApp app) : SignInRateLimitTests(app), IClassFixture<RateLimitedSqliteApp>;

public sealed class SignInRateLimitTests_Postgres(RateLimitedPostgresApp app) : SignInRateLimitTests(app), IClassFixture<RateLimitedPostgresApp>;
