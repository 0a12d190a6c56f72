using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// The optional "consider me next year" step of an Aspirant Directors application: skipped, it shows "Not answered" on
/// check your answers; changed from there to No and then Yes, the application is submitted with the last answer, which
/// decides how long the application is kept if it is not selected.
/// </summary>
public sealed partial class NextYearStepTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Cohort = "2027-28";
    private const string Row = "Keep your application for next year if not selected";

    [SkippableFact]
    public async Task An_applicant_skips_the_next_year_question_then_answers_it_from_check_your_answers()
    {
        app.RequireBrowser();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var email = $"amara.{batch}@applicant.example.org";
        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.Server.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "Europe/London", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);

        await page.GotoAsync($"/aspirants/apply/{Cohort}");
        await page.Locator("#start").ClickAsync();
        await page.GetByLabel("First name").FillAsync("Amara");
        await page.GetByLabel("Last name").FillAsync($"Okafor{batch}");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.Locator("#continue").ClickAsync();
        await page.GetByLabel("Job title").FillAsync("Assistant Director, Early Help");
        await page.Locator("#Employer").CheckAsync();
        await page.Locator("#AuthorityCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Years in a senior leadership role").FillAsync("4");
        await page.Locator("#continue").ClickAsync();
        await page.GetByLabel("One tier below the director (reporting to the DCS)").CheckAsync();
        await page.Locator("#BaliGraduate-2").CheckAsync();
        await page.Locator("#continue").ClickAsync();
        var first = (await page.Locator("#Answer-hint").TextContentAsync())!;
        var questions = int.Parse(QuestionCount().Match(first).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 1; i <= questions; i++)
        {
            await page.Locator("#Answer").FillAsync($"Answer {i}: I lead early help across two localities.");
            await page.Locator("#continue").ClickAsync();
        }
        await page.GetByLabel("Director's full name").FillAsync("Dr Femi Adeyemi");
        await page.GetByLabel("Director's email address").FillAsync($"dcs.{batch}@council.example.org");
        await page.Locator("#continue").ClickAsync();

        // The step: its own address, optional, and it says how long each answer keeps the application.
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("If you are not selected this year");
        Assert.Matches($"/aspirants/apply/{Cohort}/next-year$", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("This question is optional. If you say yes, we keep an application that is not selected for 1 more year before we erase it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Left unanswered, check your answers says so; changed from there, the step comes back with the answer chosen.
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Check your answers before you submit your application");
        await Assertions.Expect(SummaryValue(page)).ToHaveTextAsync("Not answered");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Change {Row.ToLowerInvariant()}" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(SummaryValue(page)).ToHaveTextAsync("No");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Change {Row.ToLowerInvariant()}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(SummaryValue(page)).ToHaveTextAsync("Yes");

        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToBeVisibleAsync();
        output.WriteLine($"Screenshot: {await BrowserApp.ScreenshotAsync(page, "aspirant-next-year.png")}");
        await watcher.AssertCleanAsync(page);
        Assert.True(await ConsiderNextYearAsync(email));
    }

    private static ILocator SummaryValue(IPage page) =>
        page.Locator(".govuk-summary-list__row").Filter(new() { Has = page.Locator("dt", new() { HasTextString = Row }) }).Locator(".govuk-summary-list__value");

    private async Task<bool?> ConsiderNextYearAsync(string email)
    {
        await using var db = app.Server.OpenDatabase();
        return await db.AspirantApplications.AsNoTracking().Where(a => a.Email == email).Select(a => a.ConsiderNextYear).SingleAsync();
    }

    [GeneratedRegex(@"Question 1 of ([0-9]+)")]
    private static partial Regex QuestionCount();
}
