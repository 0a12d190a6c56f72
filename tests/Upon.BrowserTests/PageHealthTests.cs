using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// Page health across a visit: the app's stylesheet and scripts load, nothing errors in the console, no
/// Content-Security-Policy violations, the layout does not jump about as the page loads and nothing runs off the side.
/// </summary>
public sealed class PageHealthTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    /// <summary>The "needs improvement" bound of Cumulative Layout Shift; above it a person sees the page jump.</summary>
    private const double MaxLayoutShift = 0.25;

    private const string LayoutShiftProbe = """
        (() => {
          window.__uponLayoutShift = 0;
          try {
            new PerformanceObserver(list => {
              for (const entry of list.getEntries()) {
                if (!entry.hadRecentInput) window.__uponLayoutShift += entry.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
          } catch { /* not supported: stays 0 */ }
        })();
        """;

    [SkippableFact]
    public async Task Pages_load_their_styles_and_scripts_without_errors_or_layout_jumps()
    {
        app.RequireBrowser();

        var page = await app.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);
        await page.AddInitScriptAsync(LayoutShiftProbe);

        var paths = new List<string>
        {
            "/", "/register", "/register/turnover", "/register/turnover?year=2023-24",
            "/programme", "/programme/sessions", "/programme/strands", "/sessions", "/sessions/new", "/sessions/bulk",
        };
        var register = await page.GotoAsync("/register", new() { WaitUntil = WaitUntilState.Load });
        Assert.True(register is { Ok: true }, $"GET /register answered {register?.Status}.\n--- app output ---\n{app.Server.Log}");
        var authority = await page.Locator("main table a[href*='/register/authorities/']").First.GetAttributeAsync("href");
        Assert.NotNull(authority);
        paths.Add(authority);

        var problems = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            if (response is not { Ok: true })
            {
                problems.Add($"{path}: answered {response?.Status}");
                continue;
            }
            var stylesheetApplied = await page.EvaluateAsync<bool>(
                "() => [...document.styleSheets].some(s => s.href && new URL(s.href).pathname === '/css/upon.css' && s.cssRules.length > 0)");
            if (!stylesheetApplied)
            {
                problems.Add($"{path}: /css/upon.css is not applied");
            }
            var shift = await page.EvaluateAsync<double>("() => window.__uponLayoutShift ?? 0");
            if (shift > MaxLayoutShift)
            {
                problems.Add($"{path}: cumulative layout shift {shift:0.000} (more than {MaxLayoutShift})");
            }
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{path}: the page is {overflow}px wider than the window");
            }
            foreach (var problem in (await watcher.ProblemsAsync(page)).Where(reported.Add))
            {
                problems.Add($"{path}: {problem}");
            }
            output.WriteLine($"{path}: layout shift {shift:0.000}, overflow {overflow}px");
        }

        var assets = watcher.AssetsLoaded.Distinct().Order().ToList();
        output.WriteLine($"App assets loaded: {string.Join(", ", assets)}");
        output.WriteLine(watcher.CspHeaders.Count == 0
            ? "The app sends no Content-Security-Policy header (violations would still be reported)."
            : $"Content-Security-Policy: {watcher.CspHeaders[0]}");
        Assert.Contains("/css/upon.css", assets);
        Assert.Contains(assets, a => a.StartsWith("/js/", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
