using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>Each demo account signs in and sees what its role may use, and nothing more.</summary>
public sealed class DemoAccountsTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    public static TheoryData<string, string[], string[]> Accounts => new()
    {
        { "admin@upon.test", ["/sessions", "/register", "/admin/accounts", "/admin/audit", "/coaching"], ["/my/sessions"] },
        { "partner@upon.test", ["/sessions", "/participants", "/new-directors", "/register/turnover", "/coaching"], ["/admin/accounts", "/my/sessions", "/coaching/rounds"] },
        { "coach@upon.test", ["/programme", "/account", "/coach/coachees", "/coach/profile"], ["/register", "/participants", "/register/turnover", "/my/sessions", "/coaching"] },
        { "participant@upon.test", ["/my/sessions", "/my/journey", "/my/attendance", "/my/coach"], ["/register", "/participants", "/sessions", "/register/turnover", "/coaching", "/coach/coachees"] },
        { "funder@upon.test", ["/register/turnover", "/new-directors/figures", "/coaching/figures", "/reports/dfe-return", "/reports/equality", "/feedback/figures", "/impact/retention"], ["/register", "/participants", "/sessions", "/new-directors", "/my/sessions", "/coaching", "/coaching/rounds"] },
    };

    [SkippableTheory]
    [MemberData(nameof(Accounts))]
    public async Task A_demo_account_sees_only_what_its_role_may(string email, string[] allowed, string[] refused)
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync(email);
        var menu = page.Locator("nav[aria-label='Menu']");
        foreach (var path in allowed)
        {
            if (path != "/account")
            {
                await Assertions.Expect(menu.Locator($"a[href='{path}']")).ToHaveCountAsync(1);
            }
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.True(response is { Ok: true }, $"{email} could not open {path}: {response?.Status}");
        }
        foreach (var path in refused)
        {
            await page.GotoAsync("/");
            await Assertions.Expect(menu.Locator($"a[href='{path}']")).ToHaveCountAsync(0);
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            Assert.False(response is { Status: 200 } && !new Uri(page.Url).AbsolutePath.StartsWith("/error", StringComparison.Ordinal) && new Uri(page.Url).AbsolutePath == path,
                $"{email} opened {path}, which their role may not use.");
        }
        output.WriteLine($"{email}: {allowed.Length} pages open, {refused.Length} refused.");
    }
}
