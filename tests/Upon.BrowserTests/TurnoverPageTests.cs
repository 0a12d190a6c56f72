using System.Text.Json;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// A person opens the turnover dashboard for 2023-24: the headline figures are the ones the command line reports for
/// the same database, and the charts have loaded.
/// </summary>
public sealed class TurnoverPageTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Year = "2023-24";

    [SkippableFact]
    public async Task The_headline_figures_match_the_command_line_report_and_the_charts_load()
    {
        app.RequireBrowser();

        var cli = await app.RunCliAsync("report", "turnover", "--format", "json", "--year", Year);
        Assert.True(cli.ExitCode == 0, $"upon report turnover failed: {cli}");
        using var report = JsonDocument.Parse(cli.Stdout);
        var expected = report.RootElement;
        Assert.Equal(Year, expected.GetProperty("financialYear").GetString());
        // The demo data is calibrated to ADCS's published series; if these move, the app did not start on the demo data.
        Assert.Equal(62, expected.GetProperty("changes").GetInt32());
        Assert.Equal(49, expected.GetProperty("authoritiesWithChange").GetInt32());

        var page = await app.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);
        var response = await page.GotoAsync($"/register/turnover?year={Year}", new() { WaitUntil = WaitUntilState.Load });
        Assert.True(response is { Ok: true }, $"GET /register/turnover?year={Year} answered {response?.Status}.\n--- app output ---\n{app.Server.Log}");

        var mismatches = new List<string>();
        var heading = (await page.Locator("main h1").InnerTextAsync()).Trim();
        output.WriteLine($"Heading: {heading}");
        if (!heading.Contains(Year, StringComparison.Ordinal) || heading.Contains('@') || heading.Contains('{'))
        {
            mismatches.Add($"The heading should name the year and show no template code, but reads '{heading}'.");
        }

        var shown = new Dictionary<string, (string? DataValue, string Text)>(StringComparer.Ordinal);
        foreach (var element in await page.Locator("[data-figure]").AllAsync())
        {
            var name = await element.GetAttributeAsync("data-figure") ?? "";
            var figure = (await element.GetAttributeAsync("data-value"), (await element.InnerTextAsync()).Trim());
            Assert.True(shown.TryAdd(name, figure) || shown[name] == figure, $"data-figure=\"{name}\" appears twice with different values.");
        }
        output.WriteLine($"Figures on the page: {string.Join("; ", shown.Select(p => $"{p.Key} = '{p.Value.Text}' (data-value '{p.Value.DataValue}')"))}");
        Assert.Contains("changes", shown.Keys);
        Assert.Contains("authoritiesWithChange", shown.Keys);

        foreach (var (name, (dataValue, text)) in shown)
        {
            if (!expected.TryGetProperty(name, out var value))
            {
                mismatches.Add($"data-figure=\"{name}\" is not a field of the turnover report (fields: {string.Join(", ", expected.EnumerateObject().Select(p => p.Name))}).");
                continue;
            }
            // What a person reads (rounded for display, "8.5%" for 0.085) and, when given, the machine-readable data-value.
            foreach (var (what, shownText) in new[] { ("shows", text), ("has data-value", dataValue) })
            {
                if (shownText is null)
                {
                    continue;
                }
                var numbers = DisplayedNumber.FindAll(shownText);
                var problem = value.ValueKind switch
                {
                    JsonValueKind.Number when numbers.Count != 1 => $"expected exactly one number, {value.GetRawText()}",
                    JsonValueKind.Number when !numbers[0].Shows(value.GetDouble()) => $"the command line reports {value.GetRawText()}",
                    JsonValueKind.Null when numbers.Count > 0 => "the command line reports no value (null)",
                    JsonValueKind.String when !shownText.Contains(value.GetString()!, StringComparison.Ordinal) => $"the command line reports '{value.GetString()}'",
                    _ => null,
                };
                if (problem is not null)
                {
                    mismatches.Add($"data-figure=\"{name}\" {what} '{shownText}' but {problem}.");
                }
            }
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));

        var charts = await page.Locator("main img").AllAsync();
        Assert.True(charts.Count > 0, "The turnover page shows no chart images (<img> in <main>).");
        foreach (var chart in charts)
        {
            await chart.ScrollIntoViewIfNeededAsync();
            var width = await chart.EvaluateAsync<int>("""
                img => img.complete ? img.naturalWidth : new Promise(resolve => {
                  img.addEventListener('load', () => resolve(img.naturalWidth), { once: true });
                  img.addEventListener('error', () => resolve(0), { once: true });
                })
                """);
            var source = await chart.GetAttributeAsync("src");
            Assert.True(width > 0, $"The chart image {source} did not load (naturalWidth 0).");
            Assert.False(string.IsNullOrWhiteSpace(await chart.GetAttributeAsync("alt")), $"The chart image {source} has no alt text.");
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var screenshot = await BrowserApp.ScreenshotAsync(page, "turnover.png");
        output.WriteLine($"Screenshot: {screenshot}");
        Console.WriteLine($"Screenshot: {screenshot}");

        await watcher.AssertCleanAsync(page);
    }
}
