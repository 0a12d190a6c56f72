using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace Upon.Shared.Files;

/// <summary>
/// The one way Upon writes CSV and spreadsheet cells, so that no value a person typed can run as a formula when the file
/// is opened in Excel, LibreOffice or Google Sheets (OWASP's "CSV injection"). Every text value starting with <c>=</c>,
/// <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is written with a single quote in front
/// (<c>'=HYPERLINK(...)</c>, <c>'-12</c>), even when it looks like a number: text comes from outside and is never trusted.
/// </summary>
/// <remarks>
/// Two decisions: a figure written from a number type (<c>int</c>, <c>double</c>, <c>decimal</c> ..., through CsvHelper's
/// <c>WriteField&lt;T&gt;</c> or a record's numeric member, or a ClosedXML numeric cell) is not text and is written as the
/// number it is, so figures stay numbers; and a value that already starts with a quote followed by one of those
/// characters gets a second quote, so that <see cref="Restore"/> gives back exactly what was written: the appointments
/// import reads its own export unchanged.
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
        return Array.IndexOf(Triggers, value[0]) >= 0;
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

    /// <summary>Whether <paramref name="type"/> is a number type, whose values CsvHelper formats itself (never text from outside).</summary>
    public static bool IsNumber(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte)
            || type == typeof(double) || type == typeof(float) || type == typeof(decimal);
    }

    private sealed class Writer(TextWriter writer, CsvConfiguration configuration, bool leaveOpen) : CsvWriter(writer, configuration, leaveOpen)
    {
        private bool _writingNumber;

        // CsvHelper converts a typed value (WriteField<T>, a record's member) to a string and hands it on here with its type.
        public override void WriteConvertedField(string? field, Type fieldType)
        {
            _writingNumber = IsNumber(fieldType);
            try
            {
                base.WriteConvertedField(field, fieldType);
            }
            finally
            {
                _writingNumber = false;
            }
        }

        public override void WriteField(string? field, bool shouldQuote) =>
            base.WriteField(_writingNumber ? field : Neutralise(field), shouldQuote);
    }
}
