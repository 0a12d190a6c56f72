using System.Globalization;
using ClosedXML.Excel;
using Upon.Core.Disclosure;
using Upon.Shared.Files;

namespace Upon.Impact;

/// <summary>
/// The return as files: an Excel workbook (a sheet per section, then the definitions; figures are numbers, shares
/// formatted as percentages, a suppressed figure the symbol <c>c</c>) and CSV (one row per figure). Every text cell goes
/// through <see cref="SafeCsv"/>, so nothing runs as a formula.
/// </summary>
public static class ReturnFiles
{
    /// <summary>The CSV header.</summary>
    public static readonly IReadOnlyList<string> CsvFields =
        ["period", "view", "status", "version", "section", "key", "title", "unit", "thisPeriod", "lastPeriod", "samePeriodLastYear", "lastPeriodLabel", "samePeriodLastYearLabel"];

    public static string FileName(DfeReturnDocument document, string extension)
    {
        ArgumentNullException.ThrowIfNull(document);
        return $"dfe-return-{document.Period}{(document.View == DfeReturnDocument.FunderView ? "-funder" : "")}.{extension}";
    }

    public static void WriteCsv(TextWriter writer, DfeReturnDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var csv = SafeCsv.CreateWriter(writer);
        foreach (var field in CsvFields)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
        foreach (var (section, figure) in document.AllFigures())
        {
            csv.WriteField(document.Period);
            csv.WriteField(document.View);
            csv.WriteField(document.Status);
            csv.WriteField(document.Version?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(section.Key);
            csv.WriteField(figure.Key);
            csv.WriteField(figure.Title);
            csv.WriteField(figure.Unit);
            csv.WriteField(Cell(figure, DfeReturnFigureDocument.ThisPeriodColumn, figure.ThisPeriod));
            csv.WriteField(Cell(figure, DfeReturnFigureDocument.LastPeriodColumn, figure.LastPeriod));
            csv.WriteField(Cell(figure, DfeReturnFigureDocument.SamePeriodLastYearColumn, figure.SamePeriodLastYear));
            csv.WriteField(document.LastPeriod);
            csv.WriteField(document.SamePeriodLastYear);
            csv.NextRecord();
        }
    }

    private static string Cell(DfeReturnFigureDocument figure, string column, double? value) =>
        figure.IsSuppressed(column) ? Disclosed.Symbol : value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The sheet names: "Return" (the cover), one per section, "Definitions".</summary>
    public static void WriteWorkbook(Stream output, DfeReturnDocument document)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(document);
        using var workbook = new XLWorkbook();
        var cover = workbook.Worksheets.Add("Return");
        var coverRows = new List<(string, string)>
        {
            ("DfE contract return", document.PeriodName),
            ("Period", document.Period),
            ("From", document.From),
            ("To", document.To),
            ("Status", document.Status + (document.Version is { } v ? $" (version {v.ToString(CultureInfo.InvariantCulture)})" : "")),
            ("Submitted at", document.SubmittedAt ?? ""),
            ("Revision note", document.RevisionNote ?? ""),
            ("Worked out at", document.ComputedAt),
            ("View", document.View == DfeReturnDocument.FunderView
                ? $"The funder's: counts from 1 to {(document.SmallNumberThreshold ?? 5) - 1} and figures that would give one away are suppressed, shown as {Disclosed.Symbol}."
                : "Exact figures, for programme staff."),
            ("Licence", "Reference figures contain public sector information licensed under the Open Government Licence v3.0 (DfE, ONS); DCS ethnicity from ADCS."),
        };
        for (var i = 0; i < coverRows.Count; i++)
        {
            SafeCsv.SetText(cover.Cell(i + 1, 1), coverRows[i].Item1);
            SafeCsv.SetText(cover.Cell(i + 1, 2), coverRows[i].Item2);
        }
        cover.Cell(1, 1).Style.Font.Bold = true;
        // Widths are set, not measured: ClosedXML measures text with System.Drawing, which Linux lacks.
        cover.Column(1).Width = 20;
        cover.Column(2).Width = 100;

        foreach (var section in document.Sections)
        {
            var sheet = workbook.Worksheets.Add(SheetName(section.Title));
            string[] headings = ["Key", "Figure", "Unit", $"This period ({document.Period})", $"Last period ({document.LastPeriod})", $"Same period last year ({document.SamePeriodLastYear})"];
            for (var c = 0; c < headings.Length; c++)
            {
                SafeCsv.SetText(sheet.Cell(1, c + 1), headings[c]);
                sheet.Cell(1, c + 1).Style.Font.Bold = true;
            }
            var row = 2;
            foreach (var figure in section.Figures)
            {
                SafeCsv.SetText(sheet.Cell(row, 1), figure.Key);
                SafeCsv.SetText(sheet.Cell(row, 2), figure.Title);
                SafeCsv.SetText(sheet.Cell(row, 3), figure.Unit);
                Figure(sheet.Cell(row, 4), figure, DfeReturnFigureDocument.ThisPeriodColumn, figure.ThisPeriod);
                Figure(sheet.Cell(row, 5), figure, DfeReturnFigureDocument.LastPeriodColumn, figure.LastPeriod);
                Figure(sheet.Cell(row, 6), figure, DfeReturnFigureDocument.SamePeriodLastYearColumn, figure.SamePeriodLastYear);
                row++;
            }
            sheet.Column(1).Width = 36;
            sheet.Column(2).Width = 55;
            sheet.Column(3).Width = 8;
            sheet.Columns(4, 6).Width = 28;
        }

        var definitions = workbook.Worksheets.Add("Definitions");
        string[] heads = ["Section", "Key", "Figure", "Unit", "Definition"];
        for (var c = 0; c < heads.Length; c++)
        {
            SafeCsv.SetText(definitions.Cell(1, c + 1), heads[c]);
            definitions.Cell(1, c + 1).Style.Font.Bold = true;
        }
        var line = 2;
        foreach (var (section, figure) in document.AllFigures())
        {
            SafeCsv.SetText(definitions.Cell(line, 1), section.Title);
            SafeCsv.SetText(definitions.Cell(line, 2), figure.Key);
            SafeCsv.SetText(definitions.Cell(line, 3), figure.Title);
            SafeCsv.SetText(definitions.Cell(line, 4), figure.Unit);
            SafeCsv.SetText(definitions.Cell(line, 5), figure.Definition);
            line++;
        }
        definitions.Column(5).Width = 120;
        definitions.Column(5).Style.Alignment.WrapText = true;
        definitions.Column(1).Width = 16;
        definitions.Column(2).Width = 36;
        definitions.Column(3).Width = 55;
        definitions.Column(4).Width = 8;
        workbook.SaveAs(output);
    }

    private static void Figure(IXLCell cell, DfeReturnFigureDocument figure, string column, double? value)
    {
        if (figure.IsSuppressed(column))
        {
            SafeCsv.SetText(cell, Disclosed.Symbol);
            cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
            return;
        }
        if (value is not { } number)
        {
            return;
        }
        cell.SetValue(number);
        cell.Style.NumberFormat.Format = figure.Unit switch
        {
            "share" => "0.0%",
            "hours" => "#,##0.00",
            _ => "#,##0",
        };
    }

    /// <summary>A sheet's name: Excel allows 31 characters and none of []:*?/\.</summary>
    public static string SheetName(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var clean = new string([.. title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
