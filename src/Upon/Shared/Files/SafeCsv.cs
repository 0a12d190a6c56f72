using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Upon.Shared.Files;

/// <summary>
/// The one way Upon writes CSV and spreadsheet cells, so that no value a person typed can run as a formula when the file
/// is opened in Excel, LibreOffice or Google Sheets (OWASP's "CSV injection"). A value starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return is written with a single quote in front (<c>'=HYPERLINK(...)</c>).
/// </summary>
/// <remarks>
/// Two decisions: a value that is wholly a number (<c>-12</c>, <c>-0.5</c>) is written as it is, because a spreadsheet
/// reads it as that number and nothing else, and figures must stay numbers; and a value that already starts with a
/// quote followed by one of those characters gets a second quote, so that <see cref="Restore"/> gives back exactly what
/// was written: the appointments import reads its own export unchanged.
/// </remarks>
public static class SafeCsv
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>UTF-8 without a byte-order mark, the encoding of every file Upon writes.</summary>
    public static readonly System.Text.Encoding Utf8 = new System.Text.UTF8Encoding(false);

    /// <summary>The shared CsvHelper configuration: invariant culture, CRLF line ends (RFC 4180), formulas neutralised.</summary>
    public static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture)
    {
        // CsvHelper's own sanitising skips quoted fields and prefixes numbers: the writer below applies Upon's rule instead.
        InjectionOptions = InjectionOptions.None,
    };

    /// <summary>A CsvHelper writer that neutralises every field it writes.</summary>
    /// <param name="writer">Where the CSV goes.</param>
    /// <param name="leaveOpen">Whether disposing the CSV writer leaves <paramref name="writer"/> open.</param>
    /// <param name="newLine">The line end: CRLF by default; the appointments format uses LF.</param>
    public static CsvWriter CreateWriter(TextWriter writer, bool leaveOpen = true, string newLine = "\r\n")
    {
        var configuration = Configuration;
        configuration.NewLine = newLine;
        return new Writer(writer, configuration, leaveOpen);
    }

    /// <summary>Whether a spreadsheet could take <paramref name="value"/> as a formula (or lose the quote that protects it).</summary>
    public static bool NeedsNeutralising(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (value[0] == '\'')
        {
            return NeedsNeutralising(value[1..]);
        }
        return Array.IndexOf(Triggers, value[0]) >= 0 && !IsPlainNumber(value);
    }

    /// <summary>The value as it goes into a file: with a leading single quote when it needs one.</summary>
    public static string Neutralise(string? value) => NeedsNeutralising(value) ? "'" + value : value ?? "";

    /// <summary>The value as it was before <see cref="Neutralise"/>; used by the imports that read Upon's own files.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsNeutralising(value[1..]) ? value[1..] : value;

    /// <summary>Sets a spreadsheet cell to text, never a formula: risky text is marked with Excel's quote prefix (not shown to the reader).</summary>
    public static void SetText(IXLCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.SetValue(text ?? "");
        if (NeedsNeutralising(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    private static bool IsPlainNumber(string value) =>
        value.Length > 1 && value[0] == '-' && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private sealed class Writer(TextWriter writer, CsvConfiguration configuration, bool leaveOpen) : CsvWriter(writer, configuration, leaveOpen)
    {
        public override void WriteField(string? field, bool shouldQuote) => base.WriteField(Neutralise(field), shouldQuote);
    }
}
