namespace Upon.Shared.Text;

/// <summary>Line breaks in text people type into a form.</summary>
public static class LineBreaks
{
    /// <summary>
    /// Every line break as one <c>\n</c> (browsers send <c>\r\n</c>), so a length is what the character count showed;
    /// null as empty.
    /// </summary>
    public static string Normalise(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
