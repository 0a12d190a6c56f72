using Microsoft.Extensions.Configuration;
using MimeKit;
using Upon.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Email;

/// <summary>With no SMTP host, the outbox writes each message to the pickup directory as a parseable <c>&lt;id&gt;.eml</c>.</summary>
public abstract class PickupDirectoryTests(PickupApp app)
{
    // The background sender polls too: whichever of the two takes the message, wait until it is marked sent.
    private async Task SendAsync(long id)
    {
        await app.Sender().SendDueAsync();
        for (var waited = 0; (await app.OutboxMessageAsync(id)).SentAt is null && waited < 10_000; waited += 50)
        {
            await Task.Delay(50);
        }
    }

    [SkippableFact]
    public async Task SendDue_WritesAParseableEmlNamedByTheOutboxId()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("pickup");
        var id = await app.EnqueueAsync(to, "Pickup subject – café", "Pickup body – café ✓", attachments: [new EmailAttachment("data.csv", "text/csv", "a,b\n1,2\n"u8.ToArray())]);

        await SendAsync(id);

        var path = Path.Combine(app.PickupDirectory, $"{id}.eml");
        Assert.True(File.Exists(path), $"{path} was not written");
        using var message = await MimeMessage.LoadAsync(path);
        Assert.Equal(to, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("no-reply@upon.test", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("Pickup subject – café", message.Subject);
        Assert.DoesNotContain(File.ReadAllBytes(path), b => b > 127);
        Assert.Equal("Pickup body – café ✓", (message.TextBody ?? "").TrimEnd());
        Assert.Equal($"outbox-{id}@upon.test", message.MessageId);
        Assert.Equal("data.csv", Assert.Single(message.Attachments).ContentDisposition?.FileName);
        Assert.Empty(Directory.GetFiles(app.PickupDirectory, "*.tmp"));
        Assert.NotNull((await app.OutboxMessageAsync(id)).SentAt);
    }

    [SkippableFact]
    public async Task SendDue_SentMessagesAreNotWrittenAgain()
    {
        app.RequireDatabase();
        var id = await app.EnqueueAsync(OutboxTesting.Address("pickup-once"));
        await SendAsync(id);
        var path = Path.Combine(app.PickupDirectory, $"{id}.eml");
        File.Delete(path);

        await app.Sender().SendDueAsync();

        Assert.False(File.Exists(path));
    }

    [SkippableFact]
    public async Task BackgroundSender_SendsWithoutBeingAsked()
    {
        app.RequireDatabase();
        var id = await app.EnqueueAsync(OutboxTesting.Address("background"), "From the hosted service");
        var path = Path.Combine(app.PickupDirectory, $"{id}.eml");

        for (var waited = 0; !File.Exists(path) && waited < 20_000; waited += 100)
        {
            await Task.Delay(100);
        }

        Assert.True(File.Exists(path), "The background sender did not write the message within 20 seconds");
        for (var waited = 0; (await app.OutboxMessageAsync(id)).SentAt is null && waited < 5_000; waited += 100)
        {
            await Task.Delay(100);
        }
        Assert.NotNull((await app.OutboxMessageAsync(id)).SentAt);
    }

    [Fact]
    public void Defaults_PickupDirectoryUnderTheWorkingDirectory_AndTheUponSender()
    {
        var options = new ConfigurationBuilder().Build().GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();

        Assert.Equal("App_Data/mail", options.PickupDirectory);
        Assert.Equal("Upon <no-reply@upon.test>", options.From);
        Assert.False(options.UsesSmtp);
        var transport = Assert.IsType<PickupDirectoryTransport>(EmailTransports.Create(options));
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "App_Data", "mail"), transport.Directory);
        Assert.Equal(587, options.Smtp.EffectivePort);
        Assert.Equal(MailKit.Security.SecureSocketOptions.StartTls, SmtpTransport.SocketOptionsFor(options.Smtp));
    }
}

public sealed class PickupDirectoryTests_Sqlite(PickupSqliteApp app) : PickupDirectoryTests(app), IClassFixture<PickupSqliteApp>;

public sealed class PickupDirectoryTests_Postgres(PickupPostgresApp app) : PickupDirectoryTests(app), IClassFixture<PickupPostgresApp>;
