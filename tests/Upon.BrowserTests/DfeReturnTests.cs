using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;

namespace Upon.BrowserTests;

/// <summary>
/// Issue 13: the funder opens the DfE contract return from its home page, sees its suppressed version and downloads the
/// workbook, which is read back: a sheet per section and the definitions, figures as numbers, the same values as the
/// command line's funder version for the same database.
/// </summary>
public sealed class DfeReturnTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task Funder_OpensTheReturn_AndDownloadsTheWorkbook()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync("funder@upon.test");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "The contract return" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/dfe-return");
        Assert.Contains("DfE contract return", await page.Locator("main h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-return-view=funder]").CountAsync());
        Assert.Equal(0, await page.Locator("#submit-return").CountAsync());

        var period = await page.Locator("#period").InputValueAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-xlsx").ClickAsync());
        Assert.Equal($"dfe-return-{period}-funder.xlsx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"dfe-return-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);

        var cli = await app.RunCliAsync("report", "dfe-return", "--period", period, "--funder");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var expected = JsonDocument.Parse(cli.Stdout);

        using var workbook = new XLWorkbook(path);
        var sections = expected.RootElement.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(["Return", .. sections.Select(s => s.GetProperty("title").GetString()!), "Definitions"], workbook.Worksheets.Select(w => w.Name).ToArray());
        var numbers = 0;
        foreach (var section in sections)
        {
            var sheet = workbook.Worksheet(section.GetProperty("title").GetString()!);
            foreach (var figure in section.GetProperty("figures").EnumerateArray())
            {
                var key = figure.GetProperty("key").GetString()!;
                var row = sheet.RowsUsed().Single(r => r.Cell(1).GetString() == key);
                var cell = row.Cell(4);
                var value = figure.GetProperty("thisPeriod");
                if (figure.GetProperty("suppressed").EnumerateArray().Any(s => s.GetString() == "thisPeriod"))
                {
                    Assert.Equal("c", cell.GetString());
                }
                else if (value.ValueKind == JsonValueKind.Number)
                {
                    Assert.Equal(XLDataType.Number, cell.DataType);
                    Assert.Equal(value.GetDouble(), cell.GetDouble(), 6);
                    numbers++;
                }
                else
                {
                    Assert.True(cell.IsEmpty(), $"{key} has no value but the cell holds '{cell.GetString()}'");
                }
            }
        }
        Assert.True(numbers > 5, $"only {numbers} figures are numbers");
        Assert.True(workbook.Worksheet("Definitions").RowsUsed().Count() > 10);
    }

    /// <summary>
    /// The funder opens the return from its home page and sees the retention rows, participants still in post 12 and
    /// 24 months after starting, each column as the command line's funder version gives it (a share, or suppressed).
    /// </summary>
    [SkippableFact]
    public async Task Funder_SeesTheRetentionRows_AsTheCommandLineGivesThem()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync("funder@upon.test");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "The contract return" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/dfe-return");
        var period = await page.Locator("#period").InputValueAsync();
        var cli = await app.RunCliAsync("report", "dfe-return", "--period", period, "--funder");
        Assert.True(cli.ExitCode == 0, cli.ToString());
        using var expected = JsonDocument.Parse(cli.Stdout);
        var section = expected.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "retention");

        var table = page.Locator("table[data-section='retention']");
        Assert.True(await table.IsVisibleAsync(), "The retention section is not on the funder's return.");
        Assert.Contains("Retention", await table.Locator("caption").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var key in new[] { "participantsRetained12MonthsShare", "participantsRetained24MonthsShare" })
        {
            var figure = section.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key);
            var row = table.Locator($"tr[data-figure='{key}']");
            Assert.True(await row.IsVisibleAsync(), $"{key} is not shown");
            Assert.Contains("months after starting", await row.Locator("th").InnerTextAsync(), StringComparison.Ordinal);
            foreach (var column in new[] { "thisPeriod", "lastPeriod", "samePeriodLastYear" })
            {
                var text = (await row.Locator($"td[data-column='{column}']").InnerTextAsync()).Trim();
                var value = figure.GetProperty(column);
                if (figure.GetProperty("suppressed").EnumerateArray().Any(c => c.GetString() == column))
                {
                    Assert.Contains("[c]", text, StringComparison.Ordinal);
                }
                else if (value.ValueKind == JsonValueKind.Number)
                {
                    Assert.Equal(Upon.Core.FigureFormat.Percent(value.GetDouble()), text);
                }
                else
                {
                    Assert.DoesNotContain("%", text, StringComparison.Ordinal);
                }
            }
        }
    }
}
