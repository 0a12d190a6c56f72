using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Email;

/// <summary>
/// An app that sends its email to a real SMTP server on loopback (<see cref="Smtp"/>). The background sender is off:
/// tests send with <see cref="OutboxSender.SendDueAsync"/> when they choose.
/// </summary>
public abstract class SmtpApp(DatabaseProvider provider) : UponApp(provider), IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    /// <summary>Small, so that two senders at once each take several batches.</summary>
    public const int BatchSize = 2;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:UseStartTls", "false"),
        new("Email:Smtp:TimeoutSeconds", "10"),
        new("Email:PollSeconds", "0"),
        new("Email:BatchSize", BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.StartAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class SmtpSqliteApp() : SmtpApp(DatabaseProvider.Sqlite);

public sealed class SmtpPostgresApp() : SmtpApp(DatabaseProvider.Postgres);

/// <summary>An app that writes its email to a fresh pickup directory, with the background sender polling every second.</summary>
public abstract class PickupApp(DatabaseProvider provider) : UponApp(provider), IAsyncLifetime
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "upon-tests", $"mail-{Guid.NewGuid():N}");

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Email:PickupDirectory", PickupDirectory),
        new("Email:PollSeconds", "1"),
    ];

    async Task IAsyncLifetime.InitializeAsync() => await InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}

public sealed class PickupSqliteApp() : PickupApp(DatabaseProvider.Sqlite);

public sealed class PickupPostgresApp() : PickupApp(DatabaseProvider.Postgres);

/// <summary>Putting messages in the outbox and reading them back, for the email and feedback tests.</summary>
public static class OutboxTesting
{
    public static OutboxSender Sender(this UponApp app) => app.Services.GetRequiredService<OutboxSender>();

    /// <summary>A unique address under example.org, so tests sharing a server can tell their messages apart.</summary>
    public static string Address(string name) => $"{name}.{Guid.NewGuid():N}@example.org";

    /// <summary>Enqueues and saves one message; returns its outbox id.</summary>
    public static async Task<long> EnqueueAsync(this UponApp app, string to, string subject = "Test message", string body = "Hello from the outbox.", string? html = null, IEnumerable<EmailAttachment>? attachments = null)
    {
        long id = 0;
        await app.WithDbAsync(async db =>
        {
            var message = EmailOutbox.Enqueue(db, to, subject, body, html, attachments);
            await db.SaveChangesAsync();
            id = message.Id;
        });
        return id;
    }

    public static Task<OutboxMessage> OutboxMessageAsync(this UponApp app, long id) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
}
