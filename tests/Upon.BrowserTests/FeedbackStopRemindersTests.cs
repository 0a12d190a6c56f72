using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upon.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// A director asked for feedback follows the "stop them here" link in the email, stops the reminders about that session,
/// and the feedback form then says so; nobody can stop reminders about a session they were not asked about.
/// </summary>
public sealed partial class FeedbackStopRemindersTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_participant_stops_the_reminders_about_a_session_from_the_email()
    {
        app.RequireBrowser();
        var (sessionId, title) = await FeedbackJourneyTests.MarkDemoParticipantPresentAtTheLatestSessionAsync(app);
        var run = await app.RunCliAsync("feedback", "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        var stopLink = StopLinkIn(title);
        Assert.Equal($"/my/feedback/{sessionId}/stop-reminders", stopLink);

        var page = await app.NewPageAsDemoAsync("participant@upon.test");
        var watcher = await PageWatcher.AttachAsync(page);
        await page.GotoAsync(stopLink);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Stop reminders about this session");
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("at most two reminders");
        Assert.False(await RemindersStoppedAsync(sessionId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop reminding me" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Reminders stopped");
        await Assertions.Expect(page.Locator(".govuk-panel__body")).ToContainTextAsync(title);
        Assert.EndsWith(stopLink, page.Url, StringComparison.Ordinal);
        Assert.True(await RemindersStoppedAsync(sessionId));
        output.WriteLine($"Screenshot: {await BrowserApp.ScreenshotAsync(page, "feedback-reminders-stopped.png")}");

        // The form still takes feedback until it closes, and says no reminders will come.
        await page.GetByRole(AriaRole.Link, new() { Name = "your feedback page" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Give feedback on {title}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#reminders-stopped")).ToHaveTextAsync("You asked us not to remind you about this session.");
        await Assertions.Expect(page.Locator("#stop-reminders")).ToHaveCountAsync(0);
        await watcher.AssertCleanAsync(page);

        // A session the participant was not asked about has no such page.
        var missing = await page.GotoAsync("/my/feedback/999999/stop-reminders");
        Assert.Equal(404, missing!.Status);
    }

    private async Task<bool> RemindersStoppedAsync(int sessionId)
    {
        await using var db = app.Server.OpenDatabase();
        return await db.FeedbackRequests.AsNoTracking()
            .Where(r => r.SessionId == sessionId && r.ParticipantId == db.Participants.Single(p => p.Email == "participant@upon.test").Id)
            .Select(r => r.RemindersStopped).SingleAsync();
    }

    /// <summary>The stop link's path in the feedback request email to the demo participant about <paramref name="title"/>.</summary>
    private string StopLinkIn(string title)
    {
        var message = Directory.EnumerateFiles(app.Server.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Single(m => m.Subject == $"How was {title}?" && m.To.Mailboxes.Any(a => a.Address == "participant@upon.test"));
        var link = Link().Matches(message.TextBody ?? "").Select(m => m.Value).Single(l => l.Contains("/stop-reminders", StringComparison.Ordinal));
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
