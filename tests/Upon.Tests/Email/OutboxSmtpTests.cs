using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Email;

/// <summary>The outbox sending through a real SMTP server on loopback: delivery, exactly-once under concurrency, retries and lapsed claims.</summary>
public abstract class OutboxSmtpTests(SmtpApp app)
{
    [SkippableFact]
    public async Task SendDue_DeliversOverSmtp_WithToSubjectBodyAndAStableMessageId()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("smtp-basic");
        var id = await app.EnqueueAsync(to, "Your report", "Plain text body\nsecond line", "<p>HTML body</p>",
            [new EmailAttachment("notes.txt", "text/plain", "attached text"u8.ToArray())]);

        var sent = await app.Sender().SendDueAsync();

        Assert.True(sent >= 1);
        var mail = Assert.Single(app.Smtp.To(to));
        Assert.Equal("no-reply@upon.test", mail.From);
        Assert.Equal(to, Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal("Upon", Assert.Single(mail.Message.From.Mailboxes).Name);
        Assert.Equal("Your report", mail.Message.Subject);
        Assert.Equal("Plain text body\nsecond line", (mail.Message.TextBody ?? "").ReplaceLineEndings("\n").TrimEnd());
        Assert.Contains("<p>HTML body</p>", mail.Message.HtmlBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimeKit.TextPart>(Assert.Single(mail.Message.Attachments));
        Assert.Equal("notes.txt", attachment.FileName);
        Assert.Equal("attached text", attachment.Text);
        Assert.Equal($"outbox-{id}@upon.test", mail.Message.MessageId);
        var row = await app.OutboxMessageAsync(id);
        Assert.Equal(app.Clock.GetCurrentInstant(), row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.LockedUntil);
        Assert.Null(row.LastError);
    }

    [SkippableFact]
    public async Task SendDue_NothingDue_SendsNothing()
    {
        app.RequireDatabase();
        await app.Sender().SendDueAsync();

        Assert.Equal(0, await app.Sender().SendDueAsync());
    }

    [SkippableFact]
    public async Task TwoSendersAtOnce_SendEachMessageExactlyOnce()
    {
        app.RequireDatabase();
        await app.Sender().SendDueAsync();
        var recipients = Enumerable.Range(0, 12).Select(i => OutboxTesting.Address($"race{i}")).ToList();
        var ids = new List<long>();
        foreach (var to in recipients)
        {
            ids.Add(await app.EnqueueAsync(to, "Race"));
        }
        // Two senders as two instances of the app would have them: different instances, claims made at the same moment.
        var other = ActivatorUtilities.CreateInstance<OutboxSender>(app.Services);
        Assert.NotEqual(app.Sender().Instance, other.Instance);

        using var start = new ManualResetEventSlim();
        var senders = new[] { app.Sender(), other, app.Sender(), other }
            .Select(s => Task.Run(async () => { start.Wait(); return await s.SendDueAsync(); }))
            .ToList();
        start.Set();
        var counts = await Task.WhenAll(senders);

        Assert.Equal(recipients.Count, counts.Sum());
        foreach (var to in recipients)
        {
            Assert.Single(app.Smtp.To(to));
        }
        var rows = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
    }

    [SkippableFact]
    public async Task FailedSend_StaysUnsentWithItsError_AndIsTriedAgainLater()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("smtp-refused");
        app.Smtp.Refused[to] = true;
        var id = await app.EnqueueAsync(to, "Try again");

        await app.Sender().SendDueAsync();

        var failed = await app.OutboxMessageAsync(id);
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.LockedUntil);
        Assert.Contains("Mailbox refused for this test", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetCurrentInstant() + OutboxSender.RetryDelay(1), failed.NextAttemptAt);
        Assert.Empty(app.Smtp.To(to));

        // Not before its time, even if the server would now take it.
        app.Smtp.Refused.TryRemove(to, out _);
        await app.Sender().SendDueAsync();
        Assert.Null((await app.OutboxMessageAsync(id)).SentAt);
        Assert.Empty(app.Smtp.To(to));

        app.Clock.Advance(OutboxSender.RetryDelay(1));
        await app.Sender().SendDueAsync();

        var sent = await app.OutboxMessageAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(app.Smtp.To(to));
    }

    [SkippableFact]
    public async Task FailedSend_DoesNotHoldUpTheOthersInItsBatch()
    {
        app.RequireDatabase();
        await app.Sender().SendDueAsync();
        var refused = OutboxTesting.Address("batch-refused");
        var fine = OutboxTesting.Address("batch-fine");
        app.Smtp.Refused[refused] = true;
        var refusedId = await app.EnqueueAsync(refused);
        var fineId = await app.EnqueueAsync(fine);

        await app.Sender().SendDueAsync();

        Assert.Null((await app.OutboxMessageAsync(refusedId)).SentAt);
        Assert.NotNull((await app.OutboxMessageAsync(fineId)).SentAt);
        Assert.Single(app.Smtp.To(fine));
    }

    [SkippableFact]
    public void RetryDelay_DoublesFromThirtySecondsUpToAnHour()
    {
        Assert.Equal(Duration.FromSeconds(30), OutboxSender.RetryDelay(1));
        Assert.Equal(Duration.FromMinutes(1), OutboxSender.RetryDelay(2));
        Assert.Equal(Duration.FromMinutes(2), OutboxSender.RetryDelay(3));
        Assert.Equal(Duration.FromHours(1), OutboxSender.RetryDelay(9));
        Assert.Equal(Duration.FromHours(1), OutboxSender.RetryDelay(500));
    }

    [SkippableFact]
    public async Task ClaimedByAnotherSender_IsLeftAlone_UntilTheClaimLapses_ThenSentWithTheSameMessageId()
    {
        app.RequireDatabase();
        await app.Sender().SendDueAsync();
        var to = OutboxTesting.Address("lapsed");
        var id = await app.EnqueueAsync(to, "Lapsed claim");
        // A sender that claimed the message and then died.
        var lapses = app.Clock.GetCurrentInstant() + Duration.FromMinutes(5);
        await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lapses).SetProperty(m => m.ClaimedBy, "dead-instance/claim")));

        await app.Sender().SendDueAsync();
        Assert.Empty(app.Smtp.To(to));

        app.Clock.Advance(Duration.FromMinutes(5) + Duration.FromSeconds(1));
        await app.Sender().SendDueAsync();

        var mail = Assert.Single(app.Smtp.To(to));
        Assert.Equal($"outbox-{id}@upon.test", mail.Message.MessageId);
        var row = await app.OutboxMessageAsync(id);
        Assert.NotNull(row.SentAt);
        Assert.StartsWith(app.Sender().Instance, row.ClaimedBy, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Enqueue_InARolledBackTransaction_SendsNothing()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("rolled-back");
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            EmailOutbox.Enqueue(db, to, "Never", "This change is rolled back.");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        await app.Sender().SendDueAsync();

        Assert.Empty(app.Smtp.To(to));
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AnyAsync(m => m.To == to)));
    }

    [SkippableFact]
    public async Task Enqueue_NotAnAddress_Throws()
    {
        app.RequireDatabase();
        await app.WithDbAsync(db =>
        {
            Assert.Throws<ArgumentException>(() => EmailOutbox.Enqueue(db, "not an address", "Subject", "Body"));
            return Task.CompletedTask;
        });
    }
}

public sealed class OutboxSmtpTests_Sqlite(SmtpSqliteApp app) : OutboxSmtpTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class OutboxSmtpTests_Postgres(SmtpPostgresApp app) : OutboxSmtpTests(app), IClassFixture<SmtpPostgresApp>;
