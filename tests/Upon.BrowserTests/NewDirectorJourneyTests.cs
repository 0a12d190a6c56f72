using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// A new director is recorded in the register, the invitation run emails them, and they follow the emailed link, accept,
/// set a password and see their journey.
/// </summary>
public sealed partial class NewDirectorJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [GeneratedRegex(@"/invitations/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationPath();

    [SkippableFact]
    public async Task A_new_director_follows_the_emailed_link_accepts_sets_a_password_and_sees_their_journey()
    {
        app.RequireBrowser();
        var today = LondonToday.Date.ToDateTimeUnspecified();
        var iso = (DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var email = $"new.director.{Guid.NewGuid():N}"[..24] + "@example.org";
        var personId = $"BROWSER-{Guid.NewGuid():N}"[..24];

        // The register: the authority's current director leaves yesterday and the new one starts today.
        var staff = await app.NewPageAsync();
        using var authority = JsonDocument.Parse(await (await staff.APIRequest.GetAsync("/api/authorities/805")).TextAsync());
        var current = authority.RootElement.GetProperty("currentDcs");
        var leaverId = current.GetProperty("personId").GetString()!;
        using var leaver = JsonDocument.Parse(await (await staff.APIRequest.GetAsync($"/api/people/{leaverId}")).TextAsync());
        var post = leaver.RootElement.GetProperty("appointments").EnumerateArray().Last(a => a.GetProperty("authorityCode").GetString() == "805");
        var csv = string.Join("\n",
            "la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason,unplanned,email",
            $"805,{leaverId},{leaver.RootElement.GetProperty("givenName").GetString()},{leaver.RootElement.GetProperty("familyName").GetString()},{post.GetProperty("appointmentType").GetString()},{post.GetProperty("startDate").GetString()},{iso(today.AddDays(-1))},retired,no,",
            $"805,{personId},Jordan,Newcomer,interim,{iso(today)},,,,{email}");
        var file = Path.Combine(Path.GetTempPath(), $"{personId}.csv");
        await File.WriteAllTextAsync(file, csv + "\n");
        var imported = await app.RunCliAsync("import", "appointments", file);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        var run = await app.RunCliAsync("invitations", "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        output.WriteLine(run.Stdout);

        var message = Directory.GetFiles(app.Server.MailFolder, "*.eml").Select(File.ReadAllText).Single(m => m.Contains(email, StringComparison.OrdinalIgnoreCase));
        var link = InvitationPath().Match(message.Replace("=\r\n", "").Replace("=\n", "")).Value;
        Assert.False(string.IsNullOrEmpty(link), message);

        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.Server.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "Europe/London" });
        var page = await context.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Jordan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept my place" }).ClickAsync();

        const string password = "a long and private passphrase 2026";
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/set-password", StringComparison.Ordinal));
        if (new Uri(page.Url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal))
        {
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        }

        var journey = await page.GotoAsync("/my/journey", new() { WaitUntil = WaitUntilState.Load });
        Assert.True(journey is { Ok: true }, $"GET /my/journey answered {journey?.Status}.\n--- app output ---\n{app.Server.Log}");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Your journey");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("month 1 of 24");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Core programme");
        output.WriteLine($"Screenshot: {await BrowserApp.ScreenshotAsync(page, "journey.png")}");
        await watcher.AssertCleanAsync(page);
    }
}
