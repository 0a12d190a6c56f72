using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>A director on the programme books a session, cancels it, and joins the waiting list of a full one.</summary>
public sealed class BookingJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_participant_books_cancels_and_joins_a_waiting_list()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync("participant@upon.test");
        var watcher = await PageWatcher.AttachAsync(page);

        var response = await page.GotoAsync("/my/sessions", new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET /my/sessions answered {response?.Status}.\n--- app output ---\n{app.Server.Log}");

        var open = page.Locator("tr[data-session-id]", new() { Has = page.Locator("text=/places left/") }).First;
        var title = (await open.Locator("a").InnerTextAsync()).Trim();
        await open.Locator("a").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book a place" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You are booked");
        await Assertions.Expect(page.Locator("#booking-state")).ToContainTextAsync("Booked");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync(title);
        output.WriteLine($"Booked '{title}' at {page.Url}.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel my booking" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your booking is cancelled");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Book a place" })).ToBeVisibleAsync();

        await page.GotoAsync("/my/sessions");
        var full = page.Locator("tr[data-session-id]", new() { Has = page.Locator("text=/Full: join the waiting list/") }).First;
        await full.Locator("a").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join the waiting list" }).ClickAsync();
        await Assertions.Expect(page.Locator("#booking-state")).ToContainTextAsync("Waiting list: number");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Leave the waiting list" })).ToBeVisibleAsync();

        await page.GotoAsync("/my/sessions");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Waiting list: number");
        output.WriteLine($"Screenshot: {await BrowserApp.ScreenshotAsync(page, "my-sessions.png")}");
        await watcher.AssertCleanAsync(page);
    }
}
