using System.Text.Json;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>Programme staff mark the register of a session that has happened.</summary>
public sealed class RegisterJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Staff_mark_a_sessions_register()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);
        var today = LondonToday.Iso;
        var sessions = await page.APIRequest.GetAsync($"/api/sessions?strand=new-directors&to={today}");
        Assert.True(sessions.Ok, $"GET /api/sessions answered {sessions.Status}");
        using var json = JsonDocument.Parse(await sessions.TextAsync());
        var past = json.RootElement.EnumerateArray().Last(s => s.GetProperty("type").GetString() == "virtual-workshop" && s.GetProperty("booked").GetInt32() > 0);
        var id = past.GetProperty("id").GetInt32();

        var response = await page.GotoAsync($"/sessions/{id}/register", new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET /sessions/{id}/register answered {response?.Status}.\n--- app output ---\n{app.Server.Log}");
        var row = page.Locator("#register tbody tr").First;
        var name = (await row.Locator("a").First.InnerTextAsync()).Trim();
        await row.GetByLabel("Late").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        var saved = page.Locator("#register tbody tr", new() { HasText = name }).First;
        await Assertions.Expect(saved.GetByLabel("Late")).ToBeCheckedAsync();
        await Assertions.Expect(saved.Locator("[data-recorded]")).ToContainTextAsync("Marked");
        output.WriteLine($"Marked {name} late at session {id}. Screenshot: {await BrowserApp.ScreenshotAsync(page, "register.png")}");
        await watcher.AssertCleanAsync(page);
    }
}
