using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// Passkeys in a real Chromium with a virtual authenticator (Chrome DevTools Protocol): a signed-in person adds one at
/// /account/passkeys, signs out, signs in with it from the sign-in page, and removes it.
/// </summary>
/// <remarks>
/// WebAuthn refuses an IP address as the relying party, so this test browses <c>http://localhost:PORT</c> (a secure
/// context, like 127.0.0.1) with its own account instead of the fixture's signed-in 127.0.0.1 state.
/// </remarks>
public sealed class PasskeyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Email = "passkey.tests@example.org";
    private const string PasskeyName = "Test laptop";

    [SkippableFact]
    public async Task A_person_adds_a_passkey_signs_in_with_it_and_removes_it()
    {
        app.RequireBrowser();

        var baseUrl = $"http://localhost:{app.Server.BaseAddress.Port}";
        var created = await app.RunCliAsync("users", "add", "--email", Email, "--role", BrowserApp.Role, "--name", "Passkey tests", "--base-url", baseUrl);
        Assert.True(created.ExitCode == 0, $"upon users add failed: {created}");
        var link = created.Stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("http", StringComparison.Ordinal));
        Assert.True(link is not null, $"upon users add printed no set-password link: {created}");

        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = baseUrl,
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);

        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = added?.GetProperty("authenticatorId").GetString() ?? "";

        // The account's password, then an ordinary sign-in.
        var password = $"a passkey is better than a password {Guid.NewGuid():N}";
        await page.GotoAsync(link!);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/set-password", StringComparison.Ordinal));
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal));

        // Add a passkey.
        var response = await page.GotoAsync("/account/passkeys");
        Assert.True(response is { Ok: true } && new Uri(page.Url).AbsolutePath == "/account/passkeys", $"GET /account/passkeys answered {response?.Status} at {page.Url}.\n--- app output ---\n{app.Server.Log}");
        await Assertions.Expect(page.Locator("#passkeys")).ToContainTextAsync("You have no passkeys.");
        await page.GetByLabel("Name of a new passkey").FillAsync(PasskeyName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Passkey", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#passkeys tbody")).ToContainTextAsync(PasskeyName);
        var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        Assert.Equal(1, credentials?.GetProperty("credentials").GetArrayLength());

        // Sign out, then back in with the passkey alone.
        await page.Locator("form[action='/account/sign-out'] button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GotoAsync("/account/passkeys");
        Assert.StartsWith("/account/sign-in", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.GotoAsync("/account/sign-in?ReturnUrl=%2Faccount%2Fpasskeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            var errors = await page.Locator(".govuk-error-summary, .govuk-error-message:visible").AllInnerTextsAsync();
            Assert.Fail($"Signing in with the passkey did not get past the sign-in page: {string.Join(" / ", errors)}\n--- app output ---\n{app.Server.Log}");
        }
        Assert.Equal("/account/passkeys", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("form[action='/account/sign-out'] button")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#passkeys tbody")).ToContainTextAsync(PasskeyName);

        // Remove it.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {PasskeyName}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Passkey removed");
        await Assertions.Expect(page.Locator("#passkeys")).ToContainTextAsync("You have no passkeys.");

        var screenshot = await BrowserApp.ScreenshotAsync(page, "passkeys.png");
        output.WriteLine($"Screenshot: {screenshot}");
        await watcher.AssertCleanAsync(page);
    }
}
