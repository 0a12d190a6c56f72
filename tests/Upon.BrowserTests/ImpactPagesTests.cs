using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Upon.Impact;

namespace Upon.BrowserTests;

/// <summary>
/// Issue 13 in Chromium on the demo data: staff open the equality figures from their home page and see one pipeline
/// chart per characteristic, each drawn and pointing to its accessible table; staff and the funder open the retention
/// evaluation and see the chart drawn with the table of both curves under it.
/// </summary>
public sealed class ImpactPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static Task<bool> LoadedAsync(ILocator image) =>
        image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0");

    [SkippableFact]
    public async Task Staff_OpenTheEqualityPipeline_OneChartPerCharacteristic_WithItsAccessibleTable()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Equality against the workforce" }).First.ClickAsync();
        await page.WaitForURLAsync("**/reports/equality");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var charts = page.Locator("figure[data-chart]");
        var slugs = new List<string>();
        foreach (var chart in await charts.AllAsync())
        {
            var slug = await chart.GetAttributeAsync("data-chart") ?? "";
            slugs.Add(slug);
            var image = chart.Locator("img");
            Assert.True(await LoadedAsync(image), $"The {slug} chart did not load.");
            var alt = await image.GetAttributeAsync("alt") ?? "";
            var table = alt.Contains("sex and disability", StringComparison.Ordinal) ? "#sex-disability"
                : alt.Contains("BALI", StringComparison.Ordinal) ? "#bali"
                : alt.Contains("ethnic group", StringComparison.Ordinal) ? "#ethnicity"
                : null;
            Assert.True(table is not null, $"The {slug} chart's text alternative names no table: '{alt}'.");
            Assert.True(await page.Locator(table).IsVisibleAsync(), $"The {slug} chart's table {table} is not on the page.");
            Assert.True(await page.Locator($"{table} tr[data-stage]").CountAsync() > 2, $"The {slug} chart's table {table} has no stages.");
        }
        var expected = EqualityByYear.Characteristics.Select(EqualityCharts.Slug).ToList();
        Assert.Equal(expected.Where(slugs.Contains), slugs);
        Assert.True(slugs.Count == expected.Count || (slugs.Count == expected.Count - 1 && !slugs.Contains(EqualityCharts.Slug(EqualityByYear.BaliCharacteristic))),
            $"Charts: {string.Join(", ", slugs)}; expected one per characteristic: {string.Join(", ", expected)}");
        // Every stage of the pipeline, the workforce to those in post two years on, is a row of the ethnicity table.
        foreach (var stage in new[] { "aspirant-applicants", "aspirant-selected", "aspirant-appointed", "aspirant-in-post-two-years" })
        {
            Assert.Equal(1, await page.Locator($"#ethnicity tr[data-stage='{stage}']").CountAsync());
        }
        await watcher.AssertCleanAsync(page);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("funder@upon.test")]
    public async Task TheRetentionPage_ShowsTheChartAndTheTableOfBothCurves(string? demoAccount)
    {
        app.RequireBrowser();
        var page = demoAccount is null ? await app.NewPageAsync() : await app.NewPageAsDemoAsync(demoAccount);
        var watcher = await PageWatcher.AttachAsync(page);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Retention of New Directors participants" }).First.ClickAsync();
        await page.WaitForURLAsync("**/impact/retention");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var chart = page.Locator("#retention-chart");
        Assert.True(await LoadedAsync(chart), "The retention chart did not load.");
        Assert.Contains("Kaplan-Meier", await chart.GetAttributeAsync("alt") ?? "", StringComparison.Ordinal);
        var rows = page.Locator("#curve-table tbody tr[data-months]");
        Assert.Equal(Upon.Core.Impact.RetentionDisclosure.TableMonths.Select(m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.months)"));
        // At 0 months everyone is still in post: 100% for a group that is shown.
        var first = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.True(first.Trim() is "100.0%" or "100%" || first.Contains("[c]", StringComparison.Ordinal), $"At 0 months the table reads '{first}'.");
        Assert.True(await page.Locator("#groups-table").IsVisibleAsync());
        await watcher.AssertCleanAsync(page);
    }
}
