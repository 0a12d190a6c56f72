using ClosedXML.Excel;
using Upon.Core;
using Upon.Core.Disclosure;
using Upon.Shared.Files;

namespace Upon.SessionFeedback;

/// <summary>
/// Staff's downloads of the feedback results, CSV (CsvHelper) and Excel (ClosedXML), with every text neutralised by
/// <see cref="SafeCsv"/>. Means withheld because too few answered are written as <c>c</c>, as on the pages; the
/// workbook adds the comments of the sessions whose results are shown, ordered by text.
/// </summary>
public static class FeedbackExports
{
    public static readonly IReadOnlyList<string> SessionsHeader = ["session_id", "session_date", "session_title", "strand", "asked", "answers", "reaction_mean", "learning_mean"];

    public static readonly IReadOnlyList<string> YearsHeader = ["strand", "financial_year", "answers", "reaction_mean", "learning_mean"];

    public static void WriteSessionsCsv(TextWriter writer, IEnumerable<SessionLine> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        using var csv = SafeCsv.CreateWriter(writer);
        foreach (var field in SessionsHeader)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
        foreach (var s in sessions)
        {
            csv.WriteField(s.SessionId);
            csv.WriteField(s.Date.ToIsoString());
            csv.WriteField(s.Title);
            csv.WriteField(s.Strand);
            csv.WriteField(s.Asked);
            csv.WriteField(s.Means.Answers);
            csv.WriteField(Data(s.Means.Reaction));
            csv.WriteField(Data(s.Means.Learning));
            csv.NextRecord();
        }
    }

    /// <summary>A mean as CSV carries it: the unrounded value, empty when there is none, <c>c</c> when withheld.</summary>
    public static string Data(Disclosed<double?> mean) =>
        mean.TryGetValue(out var value) ? value is { } v ? FigureFormat.Data(v) : "" : Disclosed.Symbol;

    /// <summary>A mean as people read it: one decimal place, "none", or "c" when withheld.</summary>
    public static string Display(Disclosed<double?> mean) =>
        mean.TryGetValue(out var value) ? value is { } v ? FigureFormat.Average(v) : "none" : Disclosed.Symbol;

    public static byte[] Workbook(IReadOnlyList<SessionLine> sessions, IReadOnlyList<StrandYear> years, IReadOnlyList<SessionFeedbackResults> withComments)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(withComments);
        using var workbook = new XLWorkbook();
        var bySession = workbook.Worksheets.Add("Sessions");
        Header(bySession, SessionsHeader);
        var row = 2;
        foreach (var s in sessions)
        {
            bySession.Cell(row, 1).SetValue(s.SessionId);
            bySession.Cell(row, 2).SetValue(s.Date.ToIsoString());
            SafeCsv.SetText(bySession.Cell(row, 3), s.Title);
            SafeCsv.SetText(bySession.Cell(row, 4), s.Strand);
            bySession.Cell(row, 5).SetValue(s.Asked);
            bySession.Cell(row, 6).SetValue(s.Means.Answers);
            Mean(bySession.Cell(row, 7), s.Means.Reaction);
            Mean(bySession.Cell(row, 8), s.Means.Learning);
            row++;
        }
        var byYear = workbook.Worksheets.Add("Strands by year");
        Header(byYear, YearsHeader);
        row = 2;
        foreach (var y in years)
        {
            SafeCsv.SetText(byYear.Cell(row, 1), y.Strand);
            byYear.Cell(row, 2).SetValue(y.FinancialYear);
            byYear.Cell(row, 3).SetValue(y.Means.Answers);
            Mean(byYear.Cell(row, 4), y.Means.Reaction);
            Mean(byYear.Cell(row, 5), y.Means.Learning);
            row++;
        }
        var comments = workbook.Worksheets.Add("Comments");
        Header(comments, ["session_id", "session_title", "question", "comment"]);
        row = 2;
        foreach (var session in withComments.Where(s => s.Shown))
        {
            foreach (var question in session.Questions)
            {
                foreach (var comment in question.Comments)
                {
                    comments.Cell(row, 1).SetValue(session.Session.Id);
                    SafeCsv.SetText(comments.Cell(row, 2), session.Session.Title);
                    SafeCsv.SetText(comments.Cell(row, 3), question.Question.Text);
                    SafeCsv.SetText(comments.Cell(row, 4), comment.Text);
                    row++;
                }
            }
        }
        // Fixed widths: measuring the text would need fonts installed on the server.
        bySession.Column(3).Width = 50;
        comments.Column(2).Width = 40;
        comments.Column(3).Width = 50;
        comments.Column(4).Width = 80;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            sheet.Cell(1, i + 1).SetValue(header[i]);
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
        }
    }

    private static void Mean(IXLCell cell, Disclosed<double?> mean)
    {
        if (mean.TryGetValue(out var value))
        {
            if (value is { } v)
            {
                cell.SetValue(Math.Round(v, 2));
            }
        }
        else
        {
            cell.SetValue(Disclosed.Symbol);
        }
    }
}
