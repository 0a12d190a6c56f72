using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Upon.Shared.Files;

/// <summary>A file that is not UTF-8 text: the line of the first bad byte (when there is one) and what to do.</summary>
public sealed class Utf8FileException(int? line, string message) : Exception(message)
{
    /// <summary>The line (1 is the first) holding the first byte that is not UTF-8, or null for the file as a whole.</summary>
    public int? Line { get; } = line;
}

/// <summary>
/// The one decoder for files Upon imports, on the upload pages and the command line alike: UTF-8, with or without a
/// byte-order mark. Anything else is refused, not guessed at: a UTF-16 or UTF-32 file (by its byte-order mark, or by the
/// zero bytes of UTF-16 without one), and bytes that are not UTF-8 (a Latin-1 or Windows-1252 file), naming the line.
/// </summary>
public static class Utf8File
{
    private const string Advice = "Save it as UTF-8 (in Excel, choose \"CSV UTF-8 (Comma delimited)\").";

    /// <summary>Decodes the whole file; throws <see cref="Utf8FileException"/> when it is not UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksLikeUtf16(bytes))
        {
            throw new Utf8FileException(null, $"The file is saved as UTF-16 (Unicode text), not UTF-8. {Advice}");
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new Utf8FileException(null, $"The file is saved as UTF-32, not UTF-8. {Advice}");
        }

        // Decoded straight into the string: a large file's text is made once, not in a buffer and then copied.
        var read = 0;
        var status = OperationStatus.Done;
        var text = string.Create(Encoding.UTF8.GetCharCount(bytes), bytes, (chars, utf8) =>
        {
            status = Utf8.ToUtf16(utf8, chars, out read, out _, replaceInvalidSequences: false);
        });
        if (status != OperationStatus.Done)
        {
            var line = bytes[..read].Count((byte)'\n') + 1;
            var bad = read < bytes.Length ? $" (byte 0x{bytes[read]:X2})" : "";
            throw new Utf8FileException(line, $"Line {line} is not UTF-8 text{bad}: the file may be saved as Latin-1 or Windows-1252. {Advice}");
        }
        return text;
    }

    /// <summary>Reads a whole stream and decodes it.</summary>
    public static async Task<string> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>UTF-16 without a byte-order mark: every other byte of ASCII text is zero, which UTF-8 text never has.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 512)];
        if (sample.Length < 4)
        {
            return false;
        }
        var zeros = sample.Count((byte)0);
        return zeros * 3 >= sample.Length;
    }

    /// <summary>The encoding Upon writes every file in: UTF-8 without a byte-order mark.</summary>
    public static Encoding Encoding => SafeCsv.Utf8;
}
