using System.Text;

namespace Upon.Shared.Text;

/// <summary>The encodings Upon writes files in.</summary>
public static class TextEncodings
{
    /// <summary>UTF-8 without a byte-order mark: every CSV and export Upon writes.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(false);
}
