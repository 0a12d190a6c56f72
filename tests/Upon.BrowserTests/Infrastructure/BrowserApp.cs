using Microsoft.Playwright;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>
/// One running app (<see cref="UponServer"/>) and one headless Chromium for a test class (a class fixture). Tests call
/// <see cref="RequireBrowser"/> first: without Chromium they are skipped visibly, or fail under CI.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium, headless, without anything that calls home.</summary>
    public static readonly IReadOnlyList<string> ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

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
        _server = await UponServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserEnvironment.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>Call first in every test (they are <c>[SkippableFact]</c>s): skips without Chromium, or fails under CI.</summary>
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

    /// <summary>A new page in a fresh context (no cookies shared between tests) on the app, with generous timeouts.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
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
