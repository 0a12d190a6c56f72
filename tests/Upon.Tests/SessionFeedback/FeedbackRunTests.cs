using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using NodaTime;
using Upon.Core.Sessions;
using Upon.SessionFeedback;
using Upon.Shared.Security;
using Upon.Tests.Sessions;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.SessionFeedback;

/// <summary>
/// Asking and reminding, delivered through a real SMTP server on loopback: everyone marked present is asked once, the
/// absent never; reminders go only to those who have not answered, at most two, and none once feedback has closed.
/// </summary>
public abstract class FeedbackRunTests(SmtpApp app)
{
    private async Task DeliverAsync()
    {
        while (await app.Sender().SendDueAsync() > 0)
        {
        }
    }

    [SkippableFact]
    public async Task Run_AsksEveryonePresentOnce_AndNeverTheAbsent()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 3, absent: 2, title: "Safeguarding partnerships");

        // Not before the session has ended.
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 19));
        Assert.Empty(await FeedbackSeed.RequestsAsync(app, held.Session.Id));

        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        await DeliverAsync();

        var requests = await FeedbackSeed.RequestsAsync(app, held.Session.Id);
        Assert.Equal(held.Present.Select(p => p.Id).Order(), requests.Select(q => q.ParticipantId).Order());
        Assert.All(requests, q => Assert.Equal(new LocalDate(2026, 12, 4), q.ClosesOn));
        foreach (var person in held.Present)
        {
            var mail = Assert.Single(app.Smtp.To(person.Email));
            Assert.Equal("How was Safeguarding partnerships?", mail.Message.Subject);
            Assert.Contains($"http://localhost:5080{FeedbackPages.Give(held.Session.Id)}", mail.Message.TextBody, StringComparison.Ordinal);
            Assert.Contains("anonymous", mail.Message.TextBody, StringComparison.Ordinal);
        }
        Assert.All(held.Absent, person => Assert.Empty(app.Smtp.To(person.Email)));
    }

    [SkippableFact]
    public async Task Reminders_GoOnlyToThoseWhoHaveNotAnswered_AtMostTwice()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 3, title: "Reminder test");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 4));

        // Day 2 after asking: nothing is due; day 3: the first reminder; day 7: the second; after that, none.
        foreach (var day in new[] { 23, 24, 24, 26, 28, 29 })
        {
            await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, day));
        }
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 2));
        await DeliverAsync();

        Assert.Single(app.Smtp.To(held.Present[0].Email));
        foreach (var person in held.Present.Skip(1))
        {
            var subjects = app.Smtp.To(person.Email).Select(m => m.Message.Subject).ToList();
            Assert.Equal(["How was Reminder test?", "Reminder: how was Reminder test?", "Last reminder: how was Reminder test?"], subjects);
        }
        var requests = await FeedbackSeed.RequestsAsync(app, held.Session.Id);
        Assert.Equal([0, 2, 2], requests.OrderBy(q => q.RemindersSent).Select(q => q.RemindersSent));
    }

    [SkippableFact]
    public async Task StopReminding_ByTheLinkInTheEmail_NoFurtherReminderGoesToThem()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 2, title: "Opt out session");
        var me = await SessionSeed.TestParticipantAsync(app, held.Strand);
        await SessionSeed.MarkAsync(app, held.Session, me, AttendanceMark.Present);
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        await DeliverAsync();
        var stop = FeedbackPages.StopReminders(held.Session.Id);
        Assert.Contains($"http://localhost:5080{stop}", Assert.Single(app.Smtp.To(me.Email)).Message.TextBody, StringComparison.Ordinal);

        // The form links to it; the page asks, then stops the reminders and says so.
        var client = app.CreateClient(Roles.Participant);
        Assert.Equal(stop, (await client.GetDocumentAsync(FeedbackPages.Give(held.Session.Id))).QuerySelector("#stop-reminders")!.GetAttribute("href"));
        Assert.NotNull((await client.GetDocumentAsync(stop)).QuerySelector("#stop"));
        var stopped = await client.PostFormAsync(stop, new Dictionary<string, string>());
        Assert.Equal(stop, stopped.Headers.Location!.OriginalString);
        Assert.NotNull((await client.GetDocumentAsync(stop)).QuerySelector("#stopped"));
        Assert.NotNull((await client.GetDocumentAsync(FeedbackPages.Give(held.Session.Id))).QuerySelector("#reminders-stopped"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FeedbackPages.StopReminders(held.Session.Id + 1_000_000))).StatusCode);

        // Of the others, one answers and one does not: only the one who has neither answered nor opted out is reminded, twice, and nobody after it closes.
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 3));
        foreach (var day in new[] { 24, 28, 29 })
        {
            await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, day));
        }
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 8));
        await DeliverAsync();
        Assert.Equal(["How was Opt out session?"], app.Smtp.To(me.Email).Select(m => m.Message.Subject));
        Assert.Equal(["How was Opt out session?"], app.Smtp.To(held.Present[0].Email).Select(m => m.Message.Subject));
        var reminded = app.Smtp.To(held.Present[1].Email).ToList();
        Assert.Equal(["How was Opt out session?", "Reminder: how was Opt out session?", "Last reminder: how was Opt out session?"], reminded.Select(m => m.Message.Subject));
        Assert.Contains(stop, reminded[1].Message.TextBody, StringComparison.Ordinal);
        var mine = (await FeedbackSeed.RequestsAsync(app, held.Session.Id)).Single(q => q.ParticipantId == me.Id);
        Assert.Equal((true, false, 0), (mine.RemindersStopped, mine.Answered, mine.RemindersSent));
    }

    [SkippableFact]
    public async Task AMarkCorrectedToAbsent_AfterAsking_StopsRemindersAndAnswers()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 2, title: "Corrected register");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        var corrected = held.Present[0];
        await app.WithDbAsync(async db =>
        {
            (await db.AttendanceRecords.SingleAsync(a => a.SessionId == held.Session.Id && a.ParticipantId == corrected.Id)).Mark = AttendanceMark.Absent;
            await db.SaveChangesAsync();
        });

        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 24));
        await DeliverAsync();
        Assert.Equal(["How was Corrected register?"], app.Smtp.To(corrected.Email).Select(m => m.Message.Subject));
        Assert.Equal(["How was Corrected register?", "Reminder: how was Corrected register?"], app.Smtp.To(held.Present[1].Email).Select(m => m.Message.Subject));
        Assert.Equal(SubmissionOutcome.NotAsked, await FeedbackSeed.AnswerAsync(app, held.Session, corrected, 5));
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[1], 5));
    }

    [SkippableFact]
    public async Task AnErasedPerson_IsNeitherAskedNorReminded()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Erased midway");
        var asked = held.Present[0];
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        // Another person's mark is recorded late, after the first run; both are erased on request before the next run
        // (their attendance and the first one's request are kept, without their names).
        var markedLate = (await SessionSeed.ParticipantsAsync(app, held.Strand, 1)).Single();
        await SessionSeed.MarkAsync(app, held.Session, markedLate, AttendanceMark.Present);
        foreach (var person in new[] { asked, markedLate })
        {
            Assert.NotNull(await app.WithScopeAsync(s => s.GetRequiredService<Upon.DataProtection.PersonalData>().EraseAsync(new Upon.Shared.Privacy.DataSubject(person.Email), "Test")));
        }

        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 24));
        await DeliverAsync();
        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Any(Upon.Shared.Privacy.ErasedAddresses.IsErased));
        var request = Assert.Single(await FeedbackSeed.RequestsAsync(app, held.Session.Id));
        Assert.Equal((asked.Id, 0), (request.ParticipantId, request.RemindersSent));
    }

    [SkippableFact]
    public async Task ManyAnsweringAtOnce_AreAllSaved()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 8, title: "Everyone answers at once");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));

        var outcomes = await Task.WhenAll(held.Present.Select(person => Task.Run(() => FeedbackSeed.AnswerAsync(app, held.Session, person, 4))));

        Assert.All(outcomes, o => Assert.Equal(SubmissionOutcome.Saved, o));
        Assert.All(await FeedbackSeed.RequestsAsync(app, held.Session.Id), q => Assert.True(q.Answered));
        Assert.Equal(8, await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().FeedbackResponses.CountAsync(r => r.SessionId == held.Session.Id)));
    }

    /// <summary>
    /// A run for a past day (an operator re-running a missed one) asks and reminds only while the form is still open
    /// today: a form that closed since that day is left alone, so nobody is asked about a form they can no longer answer.
    /// </summary>
    [SkippableFact]
    public async Task ARunForAPastDay_NeitherAsksNorReminds_WhenTheFormHasClosedSince()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 2, title: "Closed since");
        var reminded = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Closed since, asked");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        await app.WithScopeAsync(async s =>
        {
            // Only the second session's people were asked on the day; the first session's were missed.
            var db = s.GetRequiredService<Upon.Data.UponDbContext>();
            await db.FeedbackRequests.Where(q => q.SessionId == held.Session.Id).ExecuteDeleteAsync();
            return true;
        });
        try
        {
            // Both forms close on 4 December (held on 20 November); it is now 6 December.
            app.Clock.Reset(Instant.FromUtc(2026, 12, 6, 12, 0));
            await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 1));
            Assert.Empty(await FeedbackSeed.RequestsAsync(app, held.Session.Id));
            Assert.All(await FeedbackSeed.RequestsAsync(app, reminded.Session.Id), q => Assert.Equal(0, q.RemindersSent));
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }
    }

    [SkippableFact]
    public async Task TheCommand_AsksAndDeliversThroughSmtp_AndRefusesABadDate()
    {
        app.RequireDatabase();
        // The command runs on the real clock: its --as-of must be within a week before today in London. Not started in
        // the last minutes of a London day, so that every command of the test has the same today.
        var london = SystemClock.Instance.GetCurrentInstant().InZone(Upon.Core.Time.London);
        if (london.TimeOfDay > new LocalTime(23, 55))
        {
            await Task.Delay(TimeSpan.FromMinutes(6));
        }
        var today = Upon.Core.Time.TodayInLondon(SystemClock.Instance);
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 2, title: "Command line session", start: today.PlusDays(-2).At(new LocalTime(14, 0)));
        var settings = new Dictionary<string, string>
        {
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = app.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Smtp__UseStartTls"] = "false",
            ["Feedback__RunMinutes"] = "0",
        };

        var bad = await UponCli.RunWithAsync(app.Database, settings, "feedback", "run", "--as-of", "2026-13-01");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("'2026-13-01' is not a date", bad.Error, StringComparison.Ordinal);
        static string Long(LocalDate d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var outside in new[] { today.PlusDays(1), today.PlusDays(-Upon.Commands.FeedbackRunCommand.MaxDaysBack - 1), today.PlusYears(1), new LocalDate(2000, 1, 1) })
        {
            var iso = outside.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var refused = await UponCli.RunWithAsync(app.Database, settings, "feedback", "run", "--as-of", iso);
            Assert.True(refused.ExitCode == 2, refused.ToString());
            Assert.Contains($"--as-of {iso} is out of range: use a date from {Long(today.PlusDays(-Upon.Commands.FeedbackRunCommand.MaxDaysBack))} to {Long(today)}", refused.Error, StringComparison.Ordinal);
            Assert.Empty(refused.Output);
        }
        // Refused: nobody was asked, nothing went.
        Assert.Empty(await FeedbackSeed.RequestsAsync(app, held.Session.Id));
        Assert.All(held.Present, person => Assert.Empty(app.Smtp.To(person.Email)));

        // Yesterday, within the window, re-runs a missed day: the session had ended by then.
        var run = await UponCli.RunWithAsync(app.Database, settings, "feedback", "run", "--as-of", today.PlusDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^[0-9]+ asked for feedback, [0-9]+ reminders\.", run.Output);
        Assert.All(held.Present, person => Assert.Equal("How was Command line session?", Assert.Single(app.Smtp.To(person.Email)).Message.Subject));
        Assert.Equal(2, (await FeedbackSeed.RequestsAsync(app, held.Session.Id)).Count);
    }

    [SkippableFact]
    public async Task NoReminder_OnceFeedbackHasClosed_AndNobodyIsAskedAfterIt()
    {
        app.RequireDatabase();
        var late = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Marked late");
        // Asked on 1 December, the first reminder would be due on the 4th: the day feedback closes.
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 1));
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 4));
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 8));
        var closed = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Marked too late");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 12, 4));
        await DeliverAsync();

        Assert.Equal(["How was Marked late?"], app.Smtp.To(late.Present[0].Email).Select(m => m.Message.Subject));
        Assert.Empty(app.Smtp.To(closed.Present[0].Email));
        Assert.Empty(await FeedbackSeed.RequestsAsync(app, closed.Session.Id));
    }
}

public sealed class FeedbackRunTests_Sqlite(SmtpSqliteApp app) : FeedbackRunTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class FeedbackRunTests_Postgres(SmtpPostgresApp app) : FeedbackRunTests(app), IClassFixture<SmtpPostgresApp>;
