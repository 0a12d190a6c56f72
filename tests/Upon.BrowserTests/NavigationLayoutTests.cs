using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// What a person sees without scrolling: on a phone, a header of one line and the GOV.UK service navigation behind its
/// "Menu" button; after "Create session" on a bank holiday, the warning at the top, linking to the date, with the focus.
/// </summary>
public sealed class NavigationLayoutTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task On_a_375px_phone_the_staff_header_is_compact_and_the_menu_toggles()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync("admin@upon.test");
        await page.SetViewportSizeAsync(375, 812);
        var watcher = await PageWatcher.AttachAsync(page);
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Load });

        var navigation = page.Locator("section.govuk-service-navigation");
        var toggle = page.Locator(".govuk-service-navigation__toggle");
        var list = page.Locator("#navigation");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(list).ToBeHiddenAsync();
        var bottom = await navigation.EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
        output.WriteLine($"Header and navigation end {bottom} px down at 375 px wide.");
        Assert.True(bottom <= 140, $"The header and navigation take {bottom} px at 375 px wide.");

        await toggle.ClickAsync();
        await Assertions.Expect(list).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(list.GetByRole(AriaRole.Link, new() { Name = "Sessions", Exact = true })).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await BrowserApp.ScreenshotAsync(page, "menu-375.png")}");
        await toggle.ClickAsync();
        await Assertions.Expect(list).ToBeHiddenAsync();

        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(toggle).ToBeHiddenAsync();
        await Assertions.Expect(list).ToBeVisibleAsync();
        await watcher.AssertCleanAsync(page);
    }

    [SkippableFact]
    public async Task A_bank_holiday_warning_shows_at_the_top_links_to_the_date_and_has_the_focus()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync("admin@upon.test");
        await page.GotoAsync("/sessions/new", new() { WaitUntil = WaitUntilState.Load });
        await page.GetByLabel("Title").FillAsync("Easter Monday workshop");
        await page.GetByLabel("Virtual workshop").CheckAsync();
        await page.GetByLabel("Strand or cohort").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        // Easter Monday 2027, a bank holiday in England and Wales.
        await page.Locator("#Date-day").FillAsync("29");
        await page.Locator("#Date-month").FillAsync("3");
        await page.Locator("#Date-year").FillAsync("2027");
        await page.GetByLabel("Start time").FillAsync("10:00");
        await page.GetByLabel("End time").FillAsync("12:00");
        await page.GetByLabel("Number of places").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create session", Exact = true }).ClickAsync();

        var summary = page.Locator("#warning-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("bank holiday");
        var top = await summary.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.True(top < 400, $"The warning summary starts {top} px down the page.");

        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator("#Date-day")).ToBeFocusedAsync();
    }
}
