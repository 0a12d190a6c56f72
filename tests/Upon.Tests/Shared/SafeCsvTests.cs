using ClosedXML.Excel;
using Upon.Shared.Files;

namespace Upon.Tests.Shared;

/// <summary>The one rule for writing CSV and spreadsheet cells (issue 9 item 3).</summary>
public class SafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-Ash", "'-Ash")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("'=already", "''=already")]
    [InlineData("-12", "'-12")]
    [InlineData("-0.5", "'-0.5")]
    [InlineData("+1", "'+1")]
    [InlineData("-", "'-")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("O'Neill", "O'Neill")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    public void Neutralise_FollowsOwasp_ForEveryText(string value, string written)
    {
        Assert.Equal(written, SafeCsv.Neutralise(value));
        Assert.Equal(value, SafeCsv.Restore(written));
    }

    [Fact]
    public void RestoreOfNeutralise_IsTheIdentity_ForRandomValues()
    {
        var random = new Random(42);
        const string alphabet = "=+-@'\t\r a1.\"";
        for (var i = 0; i < 10_000; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var written = SafeCsv.Neutralise(value);
            Assert.Equal(value, SafeCsv.Restore(written));
            Assert.False(written.Length > 0 && "=+-@\t\r".Contains(written[0], StringComparison.Ordinal),
                $"'{value}' was written as '{written}', which a spreadsheet could run.");
        }
    }

    [Fact]
    public void Writer_NeutralisesQuotedAndUnquotedFields_AndLeavesNumbersAlone()
    {
        using var text = new StringWriter();
        using (var csv = SafeCsv.CreateWriter(text))
        {
            csv.WriteField("=1+1");
            csv.WriteField("=A1,B1");
            csv.WriteField(-3);
            csv.WriteField(-0.25);
            csv.WriteField((decimal?)-1.5m);
            csv.WriteField("-12");
            csv.NextRecord();
        }
        Assert.Equal("'=1+1,\"'=A1,B1\",-3,-0.25,-1.5,'-12\r\n", text.ToString());
    }

    private sealed record Row(string Name, int Count, double? Rate);

    [Fact]
    public void Writer_WritesARecordsNumbersAsNumbers_AndItsTextNeutralised()
    {
        using var text = new StringWriter();
        using (var csv = SafeCsv.CreateWriter(text))
        {
            csv.WriteRecord(new Row("-12", -4, -0.5));
            csv.NextRecord();
        }
        Assert.Equal("'-12,-4,-0.5\r\n", text.ToString());
    }

    [Fact]
    public void SetText_QuotesNumberLikeText_WhileNumericCellsStayNumbers()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet");
        SafeCsv.SetText(sheet.Cell(1, 1), "-12");
        sheet.Cell(1, 2).SetValue(-12);
        Assert.True(sheet.Cell(1, 1).Style.IncludeQuotePrefix);
        Assert.Equal(XLDataType.Text, sheet.Cell(1, 1).DataType);
        Assert.Equal(XLDataType.Number, sheet.Cell(1, 2).DataType);
        Assert.Equal(-12, sheet.Cell(1, 2).GetDouble());
    }

    [Fact]
    public void SetText_MarksRiskyCellsWithTheQuotePrefix()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet");
        SafeCsv.SetText(sheet.Cell(1, 1), "=HYPERLINK(\"x\")");
        SafeCsv.SetText(sheet.Cell(1, 2), "Ann");
        Assert.True(sheet.Cell(1, 1).Style.IncludeQuotePrefix);
        Assert.False(sheet.Cell(1, 1).HasFormula);
        Assert.Equal("=HYPERLINK(\"x\")", sheet.Cell(1, 1).GetString());
        Assert.False(sheet.Cell(1, 2).Style.IncludeQuotePrefix);
    }
}
