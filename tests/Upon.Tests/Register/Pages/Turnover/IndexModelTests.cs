using Upon.Core.Disclosure;
using Upon.Core.Register;
using Upon.Register.Pages.Turnover;

namespace Upon.Tests.Register.Pages.Turnover;

/// <summary>The dashboard's wording, without a database.</summary>
public sealed class IndexModelTests
{
    private static DisclosedTurnoverFigures Year(string label, int changes, int? rising, DisclosureRule? rule = null) =>
        TurnoverDisclosure.Disclose(rule ?? DisclosureRule.None, [new(label, 153, changes, changes, 0, 0, 0, 0, null, null, rising)], [new(0, 0, 0)])[0];

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(10, "10th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    public void Ordinal_UsesEnglishSuffixes(int number, string expected) => Assert.Equal(expected, IndexModel.Ordinal(number));

    [Fact]
    public void Trend_DescribesTheChangeOnTheYearBefore()
    {
        var before = Year("2022-23", 55, 1);

        Assert.Equal("Changes rose for the 3rd year in a row, to 62.", IndexModel.Trend(Year("2023-24", 62, 3), before));
        Assert.Equal("Changes rose for the 2nd year in a row, to 1,062.", IndexModel.Trend(Year("2023-24", 1062, 2), before));
        Assert.Equal("Changes rose from 55 in 2022-23 to 62.", IndexModel.Trend(Year("2023-24", 62, 1), before));
        Assert.Equal("Changes fell from 55 in 2022-23 to 40.", IndexModel.Trend(Year("2023-24", 40, 0), before));
        Assert.Equal("Changes were the same as in 2022-23, at 55.", IndexModel.Trend(Year("2023-24", 55, 0), before));
        Assert.Null(IndexModel.Trend(Year("2022-23", 55, null), null));
    }

    [Theory]
    [InlineData(0.0131, "1.3%")]
    [InlineData(0.0065, "0.7%")]
    [InlineData(0.1, "10.0%")]
    [InlineData(0, "0.0%")]
    [InlineData(1, "100.0%")]
    [InlineData(0.1176, "11.8%")]
    public void Percent_ShowsOneDecimalPlace(double share, string expected) => Assert.Equal(expected, IndexModel.Percent(share));

    [Fact]
    public void Trend_FromSuppressedChanges_IsLeftOut()
    {
        var rule = new DisclosureRule();

        Assert.Null(IndexModel.Trend(Year("2023-24", 3, 1, rule), Year("2022-23", 0, 0, rule)));
        Assert.Null(IndexModel.Trend(Year("2023-24", 0, 0, rule), Year("2022-23", 3, 1, rule)));
    }

    [Theory]
    [InlineData(5, "1 to 4")]
    [InlineData(10, "1 to 9")]
    [InlineData(2, "1")]
    public void SmallCounts_NamesTheSuppressedRange(int threshold, string expected) =>
        Assert.Equal(expected, IndexModel.SmallCounts(new DisclosureRule(threshold)));

    [Fact]
    public void Number_Suppressed_IsTheSymbol()
    {
        Assert.Equal("[c]", IndexModel.Number(Disclosed.Suppressed<int>()));
        Assert.Equal("1,062", IndexModel.Number(Disclosed.Shown(1062)));
    }
}
