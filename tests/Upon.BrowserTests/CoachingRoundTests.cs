using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>An administrator runs the demo round, locks a pair and publishes it; a participant sees their coach.</summary>
public sealed class CoachingRoundTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Staff_run_a_round_lock_a_pair_and_publish_and_a_participant_sees_their_coach()
    {
        app.RequireBrowser();
        var admin = await app.NewPageAsDemoAsync("admin@upon.test");
        await admin.GotoAsync("/");
        await admin.Locator("nav[aria-label='Menu'] a[href='/coaching']").ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Matching rounds" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Demo round" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#definitions")).ToContainTextAsync("Allowed pair");

        await admin.Locator("#run").ClickAsync();
        await Assertions.Expect(admin.Locator("#notice")).ToContainTextAsync("matched");
        var first = admin.Locator("#pairs tbody tr").First;
        var participant = await first.GetAttributeAsync("data-participant");
        var coach = await first.GetAttributeAsync("data-coach");
        await first.Locator("button.lock").ClickAsync();
        await Assertions.Expect(admin.Locator("#notice")).ToContainTextAsync("Pair locked");
        var lockedRow = admin.Locator($"#pairs tr[data-participant='{participant}']");
        await Assertions.Expect(lockedRow).ToContainTextAsync("Locked");

        await admin.Locator("#run").ClickAsync();
        await Assertions.Expect(admin.Locator($"#pairs tr[data-participant='{participant}']")).ToHaveAttributeAsync("data-coach", coach!);
        await admin.Locator("#publish").ClickAsync();
        await Assertions.Expect(admin.Locator("#notice")).ToContainTextAsync("Published");
        await Assertions.Expect(admin.Locator("#status")).ToContainTextAsync("Published");
        output.WriteLine($"Locked {participant} with {coach}, then published.");

        var me = await app.NewPageAsDemoAsync("participant@upon.test");
        await me.GotoAsync("/");
        await me.Locator("nav[aria-label='Menu'] a[href='/my/coach']").ClickAsync();
        await Assertions.Expect(me.Locator("#coach-name").First).ToContainTextAsync("Demo Coach");
    }
}
