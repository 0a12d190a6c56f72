using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>A person opens the register, picks an authority by name and reads its history of directors.</summary>
public sealed partial class AuthorityPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"/register/authorities/(?<code>[^/?#]+)$")]
    private static partial Regex AuthorityUrl();

    [SkippableFact]
    public async Task From_the_register_an_authority_name_leads_to_its_page_with_a_DCS_timeline()
    {
        app.RequireBrowser();

        var page = await app.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);
        var response = await page.GotoAsync("/register", new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET /register answered {response?.Status}.\n--- app output ---\n{app.Server.Log}");

        var link = page.Locator("main table a[href*='/register/authorities/']").First;
        await link.WaitForAsync();
        var name = (await link.InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(name), "The first authority link in the register table has no text.");

        await link.ClickAsync();
        await page.WaitForURLAsync(AuthorityUrl(), new() { WaitUntil = WaitUntilState.Load });
        var code = AuthorityUrl().Match(new Uri(page.Url).AbsolutePath).Groups["code"].Value;
        output.WriteLine($"Clicked '{name}', landed on {page.Url} (code {code}).");

        var heading = page.Locator("main h1");
        await Assertions.Expect(heading).ToContainTextAsync(name);
        var timeline = page.Locator(".upon-timeline").First;
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        var entries = await timeline.Locator(":scope > li").CountAsync();
        output.WriteLine($"The timeline has {entries} entries.");
        Assert.True(entries > 0, $"The DCS timeline of {name} is empty.");

        var screenshot = await BrowserApp.ScreenshotAsync(page, "authority.png");
        output.WriteLine($"Screenshot: {screenshot}");
        Console.WriteLine($"Screenshot: {screenshot}");

        await watcher.AssertCleanAsync(page);
    }
}
