using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Upon.Tests.Email;

/// <summary>A message the test SMTP server accepted: the envelope and the parsed message.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message);

/// <summary>
/// A real SMTP server on 127.0.0.1 and a free port (the <c>SmtpServer</c> package), keeping every message it accepts.
/// It refuses, at the end of DATA, any message to an address in <see cref="Refused"/>, and can be told to accept only
/// so many messages and hold the next at the end of DATA without answering (<see cref="AcceptOnly"/>), the moment a
/// sender is deterministically in the middle of a send.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private int? _acceptLimit;
    private int _accepted;
    private int _held;
    private TaskCompletionSource _release = NewRelease();

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.tests.upon.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false).AllowUnsecureAuthentication(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
    }

    public int Port { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Recipients whose messages are refused with 554 (lower case).</summary>
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many messages are held at the end of DATA, unanswered.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>
    /// Accepts <paramref name="count"/> more messages, then holds every later one at the end of DATA without
    /// answering, so its sender is waiting for the server's reply, until <see cref="AcceptAll"/>.
    /// </summary>
    public void AcceptOnly(int count)
    {
        Volatile.Write(ref _accepted, 0);
        _acceptLimit = count;
    }

    /// <summary>
    /// Ends <see cref="AcceptOnly"/>. Held messages are refused with 451 (temporary failure), as a server does with a
    /// message its sender stopped waiting for: they were never accepted, so never delivered.
    /// </summary>
    public void AcceptAll()
    {
        _acceptLimit = null;
        Interlocked.Exchange(ref _release, NewRelease()).TrySetResult();
    }

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. Received.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async Task StartAsync()
    {
        _running = _server.StartAsync(_stop.Token);
        // Wait until the port answers, so a test never races the listener.
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (i < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        AcceptAll();
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running;
            }
            catch (OperationCanceledException)
            {
            }
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            if (to.Any(server.Refused.ContainsKey))
            {
                return new SmtpResponse(SmtpReplyCode.TransactionFailed, "Mailbox refused for this test");
            }
            if (server._acceptLimit is { } limit && Interlocked.Increment(ref server._accepted) > limit)
            {
                var release = Volatile.Read(ref server._release).Task;
                Interlocked.Increment(ref server._held);
                try
                {
                    await release.WaitAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref server._held);
                }
                return new SmtpResponse(SmtpReplyCode.Aborted, "Held for this test and not accepted");
            }
            using var stream = new MemoryStream();
            foreach (var segment in buffer)
            {
                stream.Write(segment.Span);
            }
            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            server.Received.Enqueue(new ReceivedMail($"{transaction.From.User}@{transaction.From.Host}", to, message));
            return SmtpResponse.Ok;
        }
    }
}
