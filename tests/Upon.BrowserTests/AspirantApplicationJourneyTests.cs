using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// An applicant applies to the demo's open Aspirant Directors cohort from the public programme page, page by page, checks
/// their answers and submits; the director follows the emailed endorsement link and endorses; an administrator then
/// sees the application endorsed.
/// </summary>
public sealed partial class AspirantApplicationJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Cohort = "2027-28";

    [SkippableFact]
    public async Task An_applicant_applies_and_submits_the_director_endorses_and_staff_see_it_endorsed()
    {
        app.RequireBrowser();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var applicantEmail = $"ifeoma.{batch}@applicant.example.org";
        var directorEmail = $"dcs.{batch}@council.example.org";

        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.Server.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "Europe/London", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var watcher = await PageWatcher.AttachAsync(page);

        await page.GotoAsync("/programme");
        await page.Locator("#aspirants-apply").ClickAsync();
        await page.Locator($"#apply-{Cohort}").ClickAsync();
        await page.Locator("#start").ClickAsync();

        // About you: errors first, linked to their fields.
        await page.Locator("#continue").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your first name");
        await page.GetByLabel("First name").FillAsync("Ifeoma");
        await page.GetByLabel("Last name").FillAsync($"Nwosu{batch}");
        await page.GetByLabel("Email address").FillAsync(applicantEmail);
        await page.Locator("#continue").ClickAsync();

        // Your role.
        await page.GetByLabel("Job title").FillAsync("Assistant Director, Children's Social Care");
        await page.Locator("#Employer").CheckAsync();
        await page.Locator("#AuthorityCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Years in a senior leadership role").FillAsync("5");
        await page.Locator("#continue").ClickAsync();

        // Eligibility.
        await page.GetByLabel("One tier below the director (reporting to the DCS)").CheckAsync();
        await page.Locator("#BaliGraduate-2").CheckAsync();
        await page.Locator("#continue").ClickAsync();

        // Each question, one a page: as many as the cohort has.
        var first = (await page.Locator("#Answer-hint").TextContentAsync())!;
        var questions = int.Parse(QuestionCount().Match(first).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(questions >= 2, first);
        for (var i = 1; i <= questions; i++)
        {
            await Assertions.Expect(page.Locator("#Answer-hint")).ToContainTextAsync($"Question {i} of {questions}");
            await page.Locator("#Answer").FillAsync($"Answer {i}: I have led services for children and families for many years.");
            await page.Locator("#continue").ClickAsync();
        }

        // The endorser.
        await page.GetByLabel("Director's full name").FillAsync("Dr Grace Mensah");
        await page.GetByLabel("Director's email address").FillAsync(directorEmail);
        await page.Locator("#continue").ClickAsync();

        // Whether to keep the application for next year (optional).
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("If you are not selected this year");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Check your answers, then submit.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Answer 2: I have led services");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Dr Grace Mensah");
        await page.Locator("#submit").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToBeVisibleAsync();
        var reference = (await page.Locator("#reference").TextContentAsync())!.Trim();
        Assert.StartsWith(Cohort, reference, StringComparison.Ordinal);
        output.WriteLine($"Submitted {reference}; screenshot: {await BrowserApp.ScreenshotAsync(page, "aspirant-submitted.png")}");
        await watcher.AssertCleanAsync(page);

        // The director's email arrives (the outbox is sent every few seconds) with the endorsement link.
        var link = await EndorsementLinkAsync(directorEmail);
        var director = await (await app.Browser.NewContextAsync(new() { BaseURL = app.Server.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "Europe/London" })).NewPageAsync();
        await director.GotoAsync(link);
        await Assertions.Expect(director.Locator("#applicant")).ToHaveTextAsync($"Ifeoma Nwosu{batch}");
        await director.Locator("#Endorsed").CheckAsync();
        await director.GetByLabel("Your statement").FillAsync("Ifeoma is ready to lead a department.");
        await director.Locator("#send").ClickAsync();
        await Assertions.Expect(director.Locator("#answered")).ToContainTextAsync("You endorsed this application");

        // Staff see the application endorsed.
        var admin = await app.NewPageAsDemoAsync("admin@upon.test");
        await admin.GotoAsync("/aspirants");
        await admin.GetByRole(AriaRole.Link, new() { Name = Cohort, Exact = true }).First.ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Applications and eligibility" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("main")).ToContainTextAsync("Endorsed Ifeoma is ready to lead a department.");
    }

    private async Task<string> EndorsementLinkAsync(string to)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            if (Directory.Exists(app.Server.MailFolder))
            {
                foreach (var file in Directory.EnumerateFiles(app.Server.MailFolder, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                        && Link().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => l.Contains("/aspirants/endorse/", StringComparison.Ordinal)) is { } link)
                    {
                        return new Uri(link).PathAndQuery;
                    }
                }
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException($"No endorsement request to {to} in {app.Server.MailFolder} after 30 seconds.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"Question 1 of ([0-9]+)")]
    private static partial Regex QuestionCount();
}
