using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// The security stamp check of a sign-in cookie is remembered on the instance for its interval (RememberedStampChecks):
/// an older copy of the cookie is let through on that check, and a changed stamp still ends every copy of the session
/// within the interval, as Identity's own check does.
/// </summary>
public abstract class RememberedStampCheckTests(TimedApp app)
{
    private static readonly Uri Localhost = new("http://localhost");

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url) => await client.GetAsync(new Uri(url, UriKind.Relative));

    [SkippableFact]
    public async Task ACopyOfTheCookie_IsLetThroughOnTheRememberedCheck_UntilTheStampChangesAndTheIntervalPasses()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "remembered-stamp");
        var cookies = new CookieContainer();
        var browser = app.Timed.CreateDefaultClient(Localhost, new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignInAsync(user.Email!, UponApp.Password)).StatusCode);
        // The same cookie as the sign-in set it, never renewed: a second tab, or a program holding it.
        var copy = app.Timed.CreateDefaultClient(Localhost);
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(Localhost));

        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(browser, "/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(copy, "/account")).StatusCode);

        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        });
        app.Time.Advance(TimeSpan.FromSeconds(61));

        foreach (var client in new[] { copy, browser })
        {
            var after = await GetAsync(client, "/account");
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/sign-in", after.LocationPath(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task ARememberedCheck_KeepsTheRolesItRead_AndTheTimeOfSignIn()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, "remembered-claims");
        var cookies = new CookieContainer();
        var browser = app.Timed.CreateDefaultClient(Localhost, new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignInAsync(user.Email!, UponApp.Password)).StatusCode);
        var copy = app.Timed.CreateDefaultClient(Localhost);
        copy.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(Localhost));

        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(browser, "/account")).StatusCode);
        // The copy is let through on the check just made: a participant's page, and a page that needs a recent sign-in
        // (the sign-in's time is the copy's own, kept through the remembered check).
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(copy, "/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(copy, "/account/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(copy, "/api/reports/turnover")).StatusCode);
    }
}

public sealed class RememberedStampCheckTests_Sqlite(TimedSqliteApp app) : RememberedStampCheckTests(app), IClassFixture<TimedSqliteApp>;

public sealed class RememberedStampCheckTests_Postgres(TimedPostgresApp app) : RememberedStampCheckTests(app), IClassFixture<TimedPostgresApp>;
