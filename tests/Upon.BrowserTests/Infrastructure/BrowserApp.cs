using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>
/// One running app (<see cref="UponServer"/>) and one headless Chromium for a test class (a class fixture), with a
/// partner-staff account created the way an operator creates one (<c>upon users add</c>, then the one-time link to set
/// its password) and signed in once; every page from <see cref="NewPageAsync"/> starts signed in as that account.
/// Tests call <see cref="RequireBrowser"/> first: without Chromium they are skipped visibly, or fail under CI. How long
/// each step of the start took, and any retried sign-in, go to xunit's diagnostic messages, which the run prints.
/// </summary>
public sealed class BrowserApp(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>The account the journeys are taken as: partner staff see the register and the turnover figures.</summary>
    public const string Email = "browser.tests@example.org";

    public const string Role = "PartnerStaff";

    /// <summary>Debian's Chromium, headless, without anything that calls home.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _password = $"a headless walk through the register {Guid.NewGuid():N}";
    private string? _signedIn;

    private UponServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public UponServer Server => _server ?? throw new InvalidOperationException("The app has not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (BrowserEnvironment.ChromiumMissing is not null)
        {
            return; // RequireBrowser skips or fails each test with the reason.
        }
        var steps = new List<string>();
        var clock = Stopwatch.StartNew();
        void Step(string what)
        {
            steps.Add($"{what} {clock.Elapsed.TotalSeconds:0.0} s");
            clock.Restart();
        }
        _server = await UponServer.StartAsync();
        Step("the app answered");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
        Step("Chromium started");
        // The fixture's account is only the way in to the journeys under test (setting a password is tested through
        // the real host in Upon.Tests), so one failed attempt on an overloaded machine is reported and retried with a
        // new link rather than failing every test of the class.
        var link = await LinkFromCliAsync("upon users add", "users", "add", "--email", Email, "--role", Role, "--name", "Browser tests",
            "--base-url", Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        Step("upon users add");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _signedIn = await SignInAsync(link);
                Step("signed in");
                Report($"The fixture on {Server.BaseAddress} started: {string.Join(", ", steps)}.");
                return;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or PlaywrightException)
            {
                var log = string.Join('\n', Server.Log.Split('\n').TakeLast(60));
                Step($"sign-in attempt {attempt} failed");
                if (attempt == 3)
                {
                    throw new InvalidOperationException($"{e.Message}\nThe app's last lines:\n{log}", e);
                }
                Report($"The fixture on {Server.BaseAddress}: {string.Join(", ", steps)}; trying again with a new link. {e.Message}\nThe app's last lines:\n{log}");
                link = await LinkFromCliAsync("upon users reset-password", "users", "reset-password", Email,
                    "--base-url", Server.BaseAddress.GetLeftPart(UriPartial.Authority));
                Step("upon users reset-password");
            }
        }
    }

    private void Report(string message) => diagnostics.OnMessage(new DiagnosticMessage(message));

    private async Task<string> LinkFromCliAsync(string what, params string[] args)
    {
        var run = await RunCliAsync(args);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed: {run}");
        }
        return run.Stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("http", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{what} printed no link: {run}");
    }

    /// <summary>
    /// Follows the account's set-password link, signs in, and returns the signed-in browser state (cookies) for
    /// <see cref="NewPageAsync"/>.
    /// </summary>
    private async Task<string> SignInAsync(string link)
    {
        await using var context = await Browser.NewContextAsync(ContextOptions(storageState: null));
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(_password);
        await page.GetByLabel("Confirm password").FillAsync(_password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await LeftAsync(page, "/account/set-password", "Setting the password");

        if (!new Uri(page.Url).AbsolutePath.StartsWith("/account/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync("/account/sign-in");
        }
        await page.GetByLabel("Email address").FillAsync(Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(_password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await LeftAsync(page, "/account/sign-in", "Signing in");
        return await context.StorageStateAsync();
    }

    /// <summary>
    /// Waits for the form on <paramref name="path"/> to move on; if it stays, fails with the page's error summary. The
    /// wait is long because the first sign-in of a fixture hashes a password and warms the server up, which on a loaded
    /// 2-core machine has taken longer than Playwright's default 30 seconds. It ends as soon as the page's address has
    /// left the form's, without waiting for the next page's load event: the redirect's response has set the cookie the
    /// fixture keeps. The address is read every fifth of a second rather than through Playwright's URL wait: on the busiest
    /// minutes of CI runs, that wait missed both the load event (twice) and, once, a navigation already committed, and
    /// ran out 120 s later with the page on the next address.
    /// The tests themselves wait for each page they load.
    /// </summary>
    private static async Task LeftAsync(IPage page, string path, string what)
    {
        bool OnForm() => new Uri(page.Url).AbsolutePath.StartsWith(path, StringComparison.Ordinal);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (OnForm() && waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(200);
        }
        if (OnForm())
        {
            var errors = await page.Locator(".govuk-error-summary, .govuk-error-message").AllInnerTextsAsync();
            var main = await page.Locator("main").AllInnerTextsAsync();
            throw new InvalidOperationException($"{what} did not get past {path} (now {page.Url}): "
                + $"{string.Join(" / ", errors.Select(e => e.ReplaceLineEndings(" ").Trim()))}; the page says: "
                + string.Join(" ", main.Select(m => m.ReplaceLineEndings(" ").Trim())));
        }
    }

    private BrowserNewContextOptions ContextOptions(string? storageState) => new()
    {
        BaseURL = Server.BaseAddress.ToString(),
        ViewportSize = new() { Width = 1280, Height = 900 },
        Locale = "en-GB",
        TimezoneId = "Europe/London",
        StorageState = storageState,
    };

    /// <summary>Call first in every test (they are <c>[SkippableFact]</c>s): skips without Chromium, or fails under CI.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Called on the fixture in every test, as RequireDatabase is.")]
    public void RequireBrowser()
    {
        if (BrowserEnvironment.ChromiumMissing is { } missing)
        {
            if (BrowserEnvironment.IsCi)
            {
                Assert.Fail($"CI=true and the browser tests cannot run. {missing}");
            }
            Skip.If(true, missing);
        }
    }

    /// <summary>A new page, signed in, in a fresh context (nothing else shared between tests), with generous timeouts.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(ContextOptions(_signedIn));
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page in a fresh context, signed in as one of the demo accounts (<c>participant@upon.test</c> ...).</summary>
    public async Task<IPage> NewPageAsDemoAsync(string email)
    {
        var context = await Browser.NewContextAsync(ContextOptions(storageState: null));
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(UponServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await LeftAsync(page, "/account/sign-in", $"Signing in as {email}");
        return page;
    }

    /// <summary>The command line on the same database as the running app.</summary>
    public Task<CliResult> RunCliAsync(params string[] arguments) => UponExecutable.RunAsync(Server.Environment, arguments);

    /// <summary>Saves a full-page screenshot as <c>screenshots/NAME</c> and returns its full path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserEnvironment.ScreenshotDirectory, name);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
