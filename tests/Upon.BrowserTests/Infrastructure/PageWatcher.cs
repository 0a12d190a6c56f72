using Microsoft.Playwright;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>
/// Watches a page for what a person would notice as broken: console errors, uncaught script errors, requests for the
/// app's stylesheet and scripts that fail or answer with an error, and Content-Security-Policy violations.
/// Attach before the first navigation.
/// </summary>
public sealed class PageWatcher
{
    private const string CspProbe = """
        (() => {
          window.__uponCspViolations = [];
          document.addEventListener('securitypolicyviolation', e =>
            window.__uponCspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile || location.href}:${e.lineNumber}`));
        })();
        """;

    private readonly List<string> _problems = [];
    private readonly List<string> _assetsLoaded = [];
    private readonly List<string> _cspHeaders = [];

    private PageWatcher(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"uncaught script error: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (IsAppAsset(request.Url))
            {
                Add($"request failed: {request.Method} {request.Url}: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (IsAppAsset(response.Url))
            {
                if (response.Status >= 400)
                {
                    Add($"asset answered {response.Status}: {response.Url}");
                }
                else
                {
                    lock (_assetsLoaded)
                    {
                        _assetsLoaded.Add(new Uri(response.Url).AbsolutePath);
                    }
                }
            }
            if (response.Request.IsNavigationRequest && response.Headers.TryGetValue("content-security-policy", out var csp))
            {
                lock (_cspHeaders)
                {
                    _cspHeaders.Add(csp);
                }
            }
        };
    }

    public static async Task<PageWatcher> AttachAsync(IPage page)
    {
        var watcher = new PageWatcher(page);
        await page.AddInitScriptAsync(CspProbe);
        return watcher;
    }

    /// <summary>The app's own stylesheet and scripts: <c>/css/upon.css</c> and everything under <c>/js/</c>.</summary>
    public static bool IsAppAsset(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.AbsolutePath == "/css/upon.css" || uri.AbsolutePath.StartsWith("/js/", StringComparison.Ordinal));

    /// <summary>The paths of the app assets that loaded (2xx/3xx) so far.</summary>
    public IReadOnlyList<string> AssetsLoaded
    {
        get
        {
            lock (_assetsLoaded)
            {
                return [.. _assetsLoaded];
            }
        }
    }

    /// <summary>The Content-Security-Policy headers of the documents loaded so far (empty when the app sends none).</summary>
    public IReadOnlyList<string> CspHeaders
    {
        get
        {
            lock (_cspHeaders)
            {
                return [.. _cspHeaders];
            }
        }
    }

    /// <summary>Every problem seen so far, including CSP violations reported in the current document.</summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]?>("() => window.__uponCspViolations ?? []") ?? [];
        lock (_problems)
        {
            return [.. _problems, .. violations.Select(v => $"Content-Security-Policy violation: {v}")];
        }
    }

    /// <summary>Fails with every problem seen, naming the page.</summary>
    public async Task AssertCleanAsync(IPage page)
    {
        var problems = await ProblemsAsync(page);
        Assert.True(problems.Count == 0, $"{page.Url} has {problems.Count} problem(s):\n  {string.Join("\n  ", problems)}");
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
