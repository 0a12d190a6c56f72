using Upon.Core.Register;
using Upon.Core.Sessions;

namespace Upon.Core.Tests;

/// <summary>The attendance report reader and the DfE authorities list refuse control characters, naming the line (issue 9 item 7).</summary>
public class ControlCharactersInImportsTests
{
    [Fact]
    public void AttendanceReport_NulInAName_IsRefusedNamingTheLine()
    {
        var error = Assert.Throws<AttendanceReportFormatException>(() => AttendanceReportParser.ParseText(
            "Full Name\tUser Action\tTimestamp\nAlex Example\tJoined\t11/22/2024, 2:00:40 PM\nBo\u0000b\tJoined\t11/22/2024, 2:01:00 PM\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("must not contain control characters (U+0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuthoritiesList_ControlCharacterInAName_IsRefusedNamingTheLineAndColumn()
    {
        const string text = "new_la_code,la_name,date_of_operation,date_of_termination,parent_geography_code,status,old_la_code\n" +
            "E06000001,Hart\u0007lepool,01/04/1996,,E12000001,live,805\n";
        var error = Assert.Throws<FormatException>(() => DfeAuthorityList.Parse(new StringReader(text)));
        Assert.Contains("Line 2, column la_name", error.Message, StringComparison.Ordinal);
        Assert.Contains("control characters (U+0007", error.Message, StringComparison.Ordinal);
    }
}
