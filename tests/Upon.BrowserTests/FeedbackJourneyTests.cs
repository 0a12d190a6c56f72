using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NodaTime;
using Upon.BrowserTests.Infrastructure;
using Upon.Core.Sessions;
using Upon.Sessions;
using Xunit.Abstractions;

namespace Upon.BrowserTests;

/// <summary>
/// A director marked present at a session that has just ended is asked for feedback (by <c>upon feedback run</c>, as
/// the scheduled run does), follows the banner on their sessions page, fills in the form and sends it.
/// </summary>
public sealed class FeedbackJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [SkippableFact]
    public async Task A_participant_present_at_a_session_gives_feedback()
    {
        app.RequireBrowser();
        var (_, title) = await MarkDemoParticipantPresentAtTheLatestSessionAsync(app);
        var run = await app.RunCliAsync("feedback", "run");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches("^[1-9][0-9]* asked for feedback", run.Stdout);
        Assert.Contains(Directory.EnumerateFiles(app.Server.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)),
            m => m.Subject == $"How was {title}?" && m.To.Mailboxes.Any(a => a.Address == "participant@upon.test"));

        var page = await app.NewPageAsDemoAsync("participant@upon.test");
        var watcher = await PageWatcher.AttachAsync(page);
        await page.GotoAsync("/my/sessions");
        await page.Locator("#tasks").GetByRole(AriaRole.Link, new() { Name = $"Give feedback on {title}" }).ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Give feedback");

        // Sending nothing is refused with the error summary linking to the first question.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Answer at least one question");

        var useful = page.GetByRole(AriaRole.Group, new() { Name = "How useful was this session for your work as a director?" });
        await useful.GetByLabel("4: Very").CheckAsync();
        var learnt = page.GetByRole(AriaRole.Group, new() { Name = "How much did you learn that you can put into practice?" });
        await learnt.GetByLabel("5: Extremely").CheckAsync();
        await page.GetByLabel("What will you do differently as a result of this session?").FillAsync("Invite the lead member to our practice week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Feedback sent");
        await Assertions.Expect(page.Locator(".govuk-panel__body")).ToContainTextAsync(title);
        output.WriteLine($"Screenshot: {await BrowserApp.ScreenshotAsync(page, "feedback-sent.png")}");
        await page.GotoAsync("/my/feedback");
        await Assertions.Expect(page.Locator("#past-feedback")).ToContainTextAsync("Given, thank you");
        await watcher.AssertCleanAsync(page);
    }

    /// <summary>
    /// Writes a register mark, as staff would, for the demo participant on the latest session that has ended (the demo data's
    /// own marks depend on the day); gives the session's id and title.
    /// </summary>
    internal static async Task<(int Id, string Title)> MarkDemoParticipantPresentAtTheLatestSessionAsync(BrowserApp app)
    {
        await using var db = app.Server.OpenDatabase();
        var now = SystemClock.Instance.GetCurrentInstant();
        var since = now - Duration.FromDays(10);
        var ended = await db.Sessions.Where(s => s.EndUtc <= now && s.EndUtc >= since && s.Status != SessionStatus.Cancelled).ToListAsync();
        var session = ended.OrderByDescending(s => s.EndUtc).FirstOrDefault();
        Assert.True(session is not null, "The demo data has no session that ended in the last 10 days.");
        var participant = await db.Participants.SingleAsync(p => p.Email == "participant@upon.test");
        var mark = await db.AttendanceRecords.SingleOrDefaultAsync(r => r.SessionId == session.Id && r.ParticipantId == participant.Id);
        if (mark is null)
        {
            db.AttendanceRecords.Add(new AttendanceRecord { SessionId = session.Id, ParticipantId = participant.Id, Mark = AttendanceMark.Present, Source = AttendanceSource.Register, RecordedAt = now, RecordedBy = "browser tests" });
        }
        else
        {
            mark.Mark = AttendanceMark.Present;
        }
        await db.SaveChangesAsync();
        return (session.Id, session.Title);
    }
}
