using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Upon.Shared;

/// <summary>
/// Security headers on the 400s Kestrel writes itself, before the app sees the request (a malformed request line, an
/// invalid Host header, malformed or oversized headers): Kestrel offers no hook for those responses, so this connection
/// middleware adds the headers to the bytes. It changes only a response head that starts <c>HTTP/1.x 4</c>, ends within
/// the same write with nothing after it, says <c>Content-Length: 0</c> and <c>Connection: close</c> and has no
/// <c>Content-Security-Policy</c>: the shape of Kestrel's rejection. Every response of the app has that header
/// (<see cref="SecurityHeaders"/>), so none of its own is touched. HTTP/1.x in plain text only: behind a TLS-terminating
/// proxy, which is how Upon runs in production, that is every request.
/// </summary>
public static class KestrelRejectionHeaders
{
    /// <summary>The headers added: those of <see cref="SecurityHeaders"/> that mean something on an empty error response.</summary>
    public static readonly string Added =
        $"Content-Security-Policy: {SecurityHeaders.ContentSecurityPolicy}\r\n" +
        "X-Content-Type-Options: nosniff\r\n" +
        "X-Frame-Options: DENY\r\n" +
        "Referrer-Policy: strict-origin-when-cross-origin\r\n" +
        "Cache-Control: no-store\r\n";

    public static IConnectionBuilder UseKestrelRejectionHeaders(this IConnectionBuilder connection) => connection.Use(next => async context =>
    {
        var transport = context.Transport;
        var output = PipeWriter.Create(new RejectionStream(transport.Output.AsStream(leaveOpen: false)), new StreamPipeWriterOptions(leaveOpen: false));
        context.Transport = new Duplex(transport.Input, output);
        try
        {
            await next(context);
        }
        finally
        {
            context.Transport = transport;
        }
    });

    /// <summary>The head with the headers added, or null when it is not Kestrel's own rejection.</summary>
    public static byte[]? WithHeaders(ReadOnlySpan<byte> written)
    {
        if (written.Length > 1024 || !(written.StartsWith("HTTP/1.1 4"u8) || written.StartsWith("HTTP/1.0 4"u8)) || !written.EndsWith("\r\n\r\n"u8)
            || written.IndexOf("\r\n\r\n"u8) != written.Length - 4)
        {
            return null;
        }
        var head = Encoding.ASCII.GetString(written);
        if (!head.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
            || !head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase)
            || head.Contains("\r\nContent-Security-Policy:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var endOfStatusLine = head.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        return Encoding.ASCII.GetBytes(head[..endOfStatusLine] + Added + head[endOfStatusLine..]);
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Passes every write through, rewriting Kestrel's rejection head on the way.</summary>
    private sealed class RejectionStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            WithHeaders(buffer.Span) is { } rewritten ? inner.WriteAsync(rewritten, cancellationToken) : inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(WithHeaders(buffer.AsSpan(offset, count)) ?? buffer[offset..(offset + count)]);

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
