using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using NodaTime.Text;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Shared.Files;

namespace Upon.Sessions;

/// <summary>
/// The attendance figures and marks as files: CSV (CsvHelper) and an Excel workbook (ClosedXML). The figures are the
/// same as on the page; CSV rates are fractions to 4 decimal places (<c>0.8750</c>), the workbook's are percentages.
/// Text that a spreadsheet would run as a formula (a name starting with <c>=</c>) is neutralised by <see cref="SafeCsv"/>.
/// </summary>
public static class AttendanceExports
{
    public static readonly IReadOnlyList<string> FiguresHeader =
        ["grouping", "key", "label", "sessions", "expected", "marked", "present", "late", "left_early", "excused", "absent", "attended", "attendance_rate"];

    public static readonly IReadOnlyList<string> MarksHeader =
        ["session_id", "session_date", "session_start", "session_title", "strand", "cohort", "session_type", "participant_id", "participant", "email",
         "mark", "minutes", "source", "recorded_at", "recorded_by"];

    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>The figures of the given groupings, one file with a <c>grouping</c> column.</summary>
    public static void WriteFiguresCsv(TextWriter writer, ProgrammeAttendanceFigures figures, IEnumerable<AttendanceGrouping> groupings)
    {
        using var csv = SafeCsv.CreateWriter(writer);
        WriteHeader(csv, FiguresHeader);
        foreach (var grouping in groupings)
        {
            foreach (var row in figures.By(grouping))
            {
                csv.WriteField(grouping.Code());
                csv.WriteField(row.Key);
                csv.WriteField(row.Label);
                foreach (var count in new[] { row.Sessions, row.Expected, row.Marked, row.Present, row.Late, row.LeftEarly, row.Excused, row.Absent, row.Attended })
                {
                    csv.WriteField(count);
                }
                csv.WriteField(row.AttendanceRate is { } rate ? FigureFormat.Data(rate) : "");
                csv.NextRecord();
            }
        }
    }

    /// <summary>Every mark of the period, one row per person and session, in session order.</summary>
    public static void WriteMarksCsv(TextWriter writer, IEnumerable<ExpectedAttendance> lines)
    {
        using var csv = SafeCsv.CreateWriter(writer);
        WriteHeader(csv, MarksHeader);
        foreach (var line in lines)
        {
            if (line.Record is not { } record)
            {
                continue;
            }
            var session = line.Session;
            csv.WriteField(session.Id);
            csv.WriteField(session.Start.Date.ToIsoString());
            csv.WriteField(Clock.Format(session.Start.TimeOfDay));
            csv.WriteField(session.Title);
            csv.WriteField(session.Strand?.Name);
            csv.WriteField(session.Cohort?.Name);
            csv.WriteField(session.Type.ToCode());
            csv.WriteField(line.Participant.Id);
            csv.WriteField(line.Participant.FullName);
            csv.WriteField(line.Participant.Email);
            csv.WriteField(record.Mark.ToCode());
            csv.WriteField(record.Minutes);
            csv.WriteField(record.Source.ToCode());
            csv.WriteField(InstantPattern.General.Format(record.RecordedAt));
            csv.WriteField(record.RecordedBy);
            csv.NextRecord();
        }
    }

    /// <summary>
    /// A workbook with one worksheet per grouping (a bold header row, a row per group, then a bold "All sessions"
    /// row; rates as percentages) and one for the people who missed two sessions in a row.
    /// </summary>
    public static byte[] Workbook(ProgrammeAttendanceFigures figures)
    {
        using var workbook = new XLWorkbook();
        foreach (var grouping in AttendanceGroupings.All)
        {
            var sheet = workbook.Worksheets.Add(grouping.Name());
            string[] header = [grouping.Name(), "Sessions", "Expected", "Marked", "Present", "Late", "Left early", "Excused", "Absent", "Attended", "Attendance rate"];
            Header(sheet, header, [28, 10, 10, 10, 10, 10, 10, 10, 10, 10, 16]);
            var r = 2;
            foreach (var row in figures.By(grouping))
            {
                FigureRow(sheet, r++, row);
            }
            FigureRow(sheet, r, figures.Total);
            sheet.Row(r).Style.Font.Bold = true;
        }

        var missed = workbook.Worksheets.Add("Missed two in a row");
        Header(missed, ["Participant", "Email", "Earlier session", "Earlier date", "Earlier mark", "Latest session", "Latest date", "Latest mark"],
            [28, 34, 36, 13, 20, 36, 13, 20]);
        var line = 2;
        foreach (var item in figures.MissedTwoInARow)
        {
            Text(missed.Cell(line, 1), item.Participant.FullName);
            Text(missed.Cell(line, 2), item.Participant.Email);
            Text(missed.Cell(line, 3), item.Previous.Title);
            Date(missed.Cell(line, 4), item.Streak.PreviousDate);
            Text(missed.Cell(line, 5), item.Streak.PreviousMark.DisplayName());
            Text(missed.Cell(line, 6), item.Latest.Title);
            Date(missed.Cell(line, 7), item.Streak.LatestDate);
            Text(missed.Cell(line, 8), item.Streak.LatestMark.DisplayName());
            line++;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The code of a mark's source in files: <c>register</c>, <c>teams</c>, <c>zoom</c>.</summary>
    public static string ToCode(this AttendanceSource source) => source switch
    {
        AttendanceSource.Register => "register",
        AttendanceSource.Teams => "teams",
        AttendanceSource.Zoom => "zoom",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>"Marked by hand", "Microsoft Teams report", "Zoom report" ("register" means only the DCS register in what people read).</summary>
    public static string DisplayName(this AttendanceSource source) => source switch
    {
        AttendanceSource.Register => "Marked by hand",
        AttendanceSource.Teams => "Microsoft Teams report",
        AttendanceSource.Zoom => "Zoom report",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    private static void WriteHeader(CsvWriter csv, IEnumerable<string> header)
    {
        foreach (var name in header)
        {
            csv.WriteField(name);
        }
        csv.NextRecord();
    }

    private static void Header(IXLWorksheet sheet, string[] names, IReadOnlyList<double> widths)
    {
        for (var i = 0; i < names.Length; i++)
        {
            Text(sheet.Cell(1, i + 1), names[i]);
            // Widths are set, not measured: measuring text needs GDI+, which Linux servers lack.
            sheet.Column(i + 1).Width = widths[i];
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }

    private static void FigureRow(IXLWorksheet sheet, int r, AttendanceGroupRow row)
    {
        Text(sheet.Cell(r, 1), row.Label);
        var counts = new[] { row.Sessions, row.Expected, row.Marked, row.Present, row.Late, row.LeftEarly, row.Excused, row.Absent, row.Attended };
        for (var i = 0; i < counts.Length; i++)
        {
            sheet.Cell(r, i + 2).SetValue(counts[i]);
        }
        var rate = sheet.Cell(r, counts.Length + 2);
        if (row.AttendanceRate is { } value)
        {
            rate.SetValue(value);
            rate.Style.NumberFormat.Format = "0.0%";
        }
    }

    /// <summary>Text as text (ClosedXML's <c>SetValue</c> of a string): never a formula or a number, whatever it looks like.</summary>
    private static void Text(IXLCell cell, string? text) => SafeCsv.SetText(cell, text);

    private static void Date(IXLCell cell, NodaTime.LocalDate date)
    {
        cell.SetValue(date.ToDateTimeUnspecified());
        cell.Style.DateFormat.Format = "d mmm yyyy";
    }
}
