namespace Upon.Core;

/// <summary>
/// The one rule for control characters in text from outside (files, forms, the API): NUL, the other C0 controls and
/// DEL are refused; tab, carriage return and line feed are allowed only where a value may span lines (a text area, a
/// free-text field), never in a one-line value such as a name or an identifier.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Whether <paramref name="text"/> holds a character Upon refuses; line breaks and tabs count only when not <paramref name="multiline"/>.</summary>
    public static bool Contains(string? text, bool multiline = false) => FirstIndex(text, multiline) >= 0;

    /// <summary>The position of the first refused character, or -1.</summary>
    public static int FirstIndex(string? text, bool multiline = false)
    {
        if (text is null)
        {
            return -1;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i], multiline))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Whether one character is refused.</summary>
    public static bool IsRefused(char c, bool multiline = false) =>
        c == '\u007F' || c < ' ' && !(multiline && (c is '\t' or '\r' or '\n'));

    /// <summary>The reason given to the person, naming the character, e.g. "must not contain control characters (U+0000 at position 3)".</summary>
    public static string Problem(string text, bool multiline = false)
    {
        var at = FirstIndex(text, multiline);
        return at < 0 ? "" : $"must not contain control characters (U+{(int)text[at]:X4} at position {at + 1})";
    }
}
