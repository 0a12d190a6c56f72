using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Upon.Email;

/// <summary>How messages leave: a pickup directory or an SMTP server.</summary>
public interface IEmailTransport
{
    /// <summary>Opens a session for a batch of messages (one SMTP connection, say).</summary>
    IEmailSession Open();
}

public interface IEmailSession : IAsyncDisposable
{
    /// <summary>Sends one message, or throws; a failure leaves the session usable for the next message.</summary>
    Task SendAsync(long outboxId, MimeMessage message, CancellationToken cancellationToken);
}

public static class EmailTransports
{
    public static IEmailTransport Create(EmailOptions options) =>
        options.UsesSmtp ? new SmtpTransport(options.Smtp) : new PickupDirectoryTransport(Path.GetFullPath(options.PickupDirectory));
}

/// <summary>
/// Writes each message as <c>&lt;outbox id&gt;.eml</c>: the default for running Upon on its own, with no mail server.
/// A resend overwrites the same file, and a half-written file never appears under its final name.
/// </summary>
public sealed class PickupDirectoryTransport(string directory) : IEmailTransport, IEmailSession
{
    public string Directory { get; } = directory;

    public IEmailSession Open() => this;

    public async Task SendAsync(long outboxId, MimeMessage message, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.eml");
        var partial = $"{path}.{Guid.NewGuid():N}.tmp";
        // As an SMTP client would: 7-bit safe encodings, so the file is a message any relay accepts as it is.
        message.Prepare(EncodingConstraint.SevenBit);
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Sends over SMTP with MailKit: one connection per batch, opened when the first message goes.</summary>
public sealed class SmtpTransport(SmtpOptions options) : IEmailTransport
{
    public IEmailSession Open() => new Session(options);

    public static SecureSocketOptions SocketOptionsFor(SmtpOptions options) =>
        options.EffectivePort == 465 ? SecureSocketOptions.SslOnConnect
        : options.UseStartTls ? SecureSocketOptions.StartTls
        : SecureSocketOptions.None;

    private sealed class Session(SmtpOptions options) : IEmailSession
    {
        private readonly SmtpClient _client = new() { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)).TotalMilliseconds };

        public async Task SendAsync(long outboxId, MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await _client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), options.EffectivePort, SocketOptionsFor(options), cancellationToken);
                    if (!string.IsNullOrEmpty(options.Username))
                    {
                        await _client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
                    }
                }
                await _client.SendAsync(message, cancellationToken);
            }
            catch
            {
                // Start the next message on a fresh connection, whatever state this one was left in.
                await QuietlyDisconnectAsync();
                throw;
            }
        }

        private async Task QuietlyDisconnectAsync()
        {
            if (!_client.IsConnected)
            {
                return;
            }
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException)
            {
                // Already broken: nothing more to do.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await QuietlyDisconnectAsync();
            _client.Dispose();
        }
    }
}
