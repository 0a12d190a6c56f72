using System.IO.Compression;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;

namespace Upon.BrowserTests;

/// <summary>A participant finds "Your data" from their account, sees what Upon holds and downloads it as a ZIP.</summary>
public sealed class MyDataTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_participant_downloads_everything_Upon_holds_about_them()
    {
        app.RequireBrowser();
        var page = await app.NewPageAsDemoAsync("participant@upon.test");
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Link, new() { Name = "Download everything Upon holds about you" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#held")).ToContainTextAsync("enrolments");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync());
        Assert.Equal("upon-your-data.zip", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("summary.txt", names);
        Assert.Contains("programme-record.json", names);
        Assert.Contains("csv/participants.csv", names);
        using var reader = new StreamReader(zip.GetEntry("summary.txt")!.Open());
        Assert.Contains("participant@upon.test", await reader.ReadToEndAsync());

        await page.GotoAsync("/my/data");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read how Upon uses personal data" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-table='equality_information']")).ToContainTextAsync("Administrators only");
    }
}
