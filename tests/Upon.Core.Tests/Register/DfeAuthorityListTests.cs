using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

public class DfeAuthorityListTests
{
    private static readonly IReadOnlyList<AuthorityReference> Authorities = Load();

    private static IReadOnlyList<AuthorityReference> Load()
    {
        using var reader = File.OpenText(TestData.PathOf("dfe_las.csv"));
        return DfeAuthorityList.Parse(reader);
    }

    private static int InOperationOn(int year, int month, int day) =>
        Authorities.Count(a => a.Period.Contains(new LocalDate(year, month, day)));

    [Fact]
    public void Parse_PublishedList_Has153InOperationToday() => Assert.Equal(153, InOperationOn(2026, 11, 25));

    [Theory]
    [InlineData(2019, 3, 31, 152)]
    [InlineData(2020, 3, 31, 151)]
    [InlineData(2022, 3, 31, 152)]
    public void Parse_PublishedList_MatchesCountsInOperation(int year, int month, int day, int expected) =>
        Assert.Equal(expected, InOperationOn(year, month, day));

    [Theory]
    [InlineData("370", "E08000016", "E08000038")]
    [InlineData("373", "E08000019", "E08000039")]
    [InlineData("815", "E10000023", "E06000065")]
    [InlineData("933", "E10000027", "E06000066")]
    [InlineData("825", "E10000002", "E06000060")]
    public void Parse_GssCodeChanged_KeepsOneAuthorityWithBothCodes(string laCode, string oldGss, string newGss)
    {
        var authority = Assert.Single(Authorities, a => a.Code == laCode);
        Assert.Contains(authority.GssCodes, c => c.Code == oldGss);
        Assert.Contains(authority.GssCodes, c => c.Code == newGss);
        Assert.Null(authority.Period.From);
        Assert.Null(authority.Period.To);
    }

    [Fact]
    public void Parse_Cumbria_EndedOnSplit()
    {
        Assert.Equal(new LocalDate(2023, 3, 31), Authorities.Single(a => a.Code == "909").Period.To);
        Assert.Equal(new LocalDate(2023, 4, 1), Authorities.Single(a => a.Code == "942").Period.From);
        Assert.Equal(new LocalDate(2023, 4, 1), Authorities.Single(a => a.Code == "943").Period.From);
    }

    [Theory]
    [InlineData("928", 2021)]
    [InlineData("837", 2019)]
    [InlineData("836", 2019)]
    [InlineData("835", 2019)]
    public void Parse_MergedOrSplit_Ended(string code, int year) =>
        Assert.Equal(new LocalDate(year, 3, 31), Authorities.Single(a => a.Code == code).Period.To);

    [Fact]
    public void Parse_SkipsCombinedAndUnnumberedRows()
    {
        Assert.DoesNotContain(Authorities, a => a.GssCodes.Any(c => c.Code.Contains('/', StringComparison.Ordinal)));
        Assert.All(Authorities, a => Assert.Matches("^[0-9]{3}$", a.Code));
    }

    [Fact]
    public void Parse_MissingColumn_NamesIt()
    {
        var error = Assert.Throws<FormatException>(() => DfeAuthorityList.Parse(new StringReader("new_la_code,la_name\nE06000001,Hartlepool\n")));
        Assert.Contains("old_la_code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadDate_NamesLineAndColumn()
    {
        const string text = "new_la_code,la_name,date_of_operation,date_of_termination,parent_geography_code,status,old_la_code\n" +
            "E06000001,Hartlepool,31/02/2009,,E12000001,live,805\n";
        var error = Assert.Throws<FormatException>(() => DfeAuthorityList.Parse(new StringReader(text)));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("date_of_operation", error.Message, StringComparison.Ordinal);
    }
}
