using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class FinancialYearTests
{
    [Fact]
    public void FirstDay_IsFirstOfAprilOfStartYear() =>
        Assert.Equal(Date("2023-04-01"), new FinancialYear(2023).FirstDay);

    [Fact]
    public void LastDay_IsThirtyFirstOfMarchOfFollowingYear() =>
        Assert.Equal(Date("2024-03-31"), new FinancialYear(2023).LastDay);

    [Theory]
    [InlineData(2023, "2023-24")]
    [InlineData(1999, "1999-00")]
    [InlineData(2000, "2000-01")]
    [InlineData(2009, "2009-10")]
    [InlineData(1, "0001-02")]
    [InlineData(9998, "9998-99")]
    public void Label_IsStartYearAndTwoDigitEndYear(int startYear, string expected) =>
        Assert.Equal(expected, new FinancialYear(startYear).Label);

    [Fact]
    public void ToString_IsLabel() => Assert.Equal("2023-24", new FinancialYear(2023).ToString());

    [Theory]
    [InlineData("2023-04-01", true)]
    [InlineData("2024-03-31", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-12-31", true)]
    [InlineData("2024-01-01", true)]
    [InlineData("2023-03-31", false)]
    [InlineData("2024-04-01", false)]
    public void Contains_IncludesFirstAndLastDayOnly(string date, bool expected) =>
        Assert.Equal(expected, new FinancialYear(2023).Contains(Date(date)));

    [Theory]
    [InlineData("2023-04-01", 2023)]
    [InlineData("2024-03-31", 2023)]
    [InlineData("2024-04-01", 2024)]
    [InlineData("2023-03-31", 2022)]
    [InlineData("2024-02-29", 2023)]
    [InlineData("2023-12-31", 2023)]
    [InlineData("2024-01-01", 2023)]
    public void Containing_StartsYearOnFirstOfApril(string date, int expectedStartYear) =>
        Assert.Equal(new FinancialYear(expectedStartYear), FinancialYear.Containing(Date(date)));

    [Theory]
    [InlineData("2023-24", 2023)]
    [InlineData("1999-00", 1999)]
    [InlineData("2000-01", 2000)]
    [InlineData("0001-02", 1)]
    [InlineData("9998-99", 9998)]
    public void TryParse_ValidLabel_Succeeds(string text, int expectedStartYear)
    {
        Assert.True(FinancialYear.TryParse(text, out var year));
        Assert.Equal(expectedStartYear, year.StartYear);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("2023-25")]
    [InlineData("2023-23")]
    [InlineData("1999-99")]
    [InlineData("1999-100")]
    [InlineData("2023/24")]
    [InlineData("2023–24")]
    [InlineData("2023-2024")]
    [InlineData("2023")]
    [InlineData("23-24")]
    [InlineData(" 2023-24")]
    [InlineData("2023-24 ")]
    [InlineData("2023-2a")]
    [InlineData("+023-24")]
    [InlineData("0000-01")]
    [InlineData("9999-00")]
    [InlineData("２０２３-２４")]
    public void TryParse_Rejects(string? text)
    {
        Assert.False(FinancialYear.TryParse(text, out var year));
        Assert.Equal(default, year);
    }

    [Fact]
    public void Parse_ValidLabel_ReturnsYear() => Assert.Equal(new FinancialYear(2023), FinancialYear.Parse("2023-24"));

    [Theory]
    [InlineData("2023-25")]
    [InlineData("2023/24")]
    [InlineData("abc")]
    public void Parse_Invalid_ThrowsFormatExceptionNamingTextAndForm(string text)
    {
        var error = Assert.Throws<FormatException>(() => FinancialYear.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("2023-24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => FinancialYear.Parse(null!));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(9999)]
    public void Constructor_OutOfRange_Throws(int startYear) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(startYear));

    [Fact]
    public void Next_IsFollowingYear() => Assert.Equal(new FinancialYear(2024), new FinancialYear(2023).Next());

    [Fact]
    public void Previous_IsPrecedingYear() => Assert.Equal(new FinancialYear(2022), new FinancialYear(2023).Previous());

    [Fact]
    public void Next_LastDayPlusOne_IsFirstDayOfNext()
    {
        var year = new FinancialYear(2023);
        Assert.Equal(year.LastDay.PlusDays(1), year.Next().FirstDay);
    }

    [Fact]
    public void CompareTo_OrdersByStartYear()
    {
        Assert.True(new FinancialYear(2022).CompareTo(new FinancialYear(2023)) < 0);
        Assert.True(new FinancialYear(2023).CompareTo(new FinancialYear(2022)) > 0);
        Assert.Equal(0, new FinancialYear(2023).CompareTo(new FinancialYear(2023)));
    }

    [Fact]
    public void Operators_CompareChronologically()
    {
        var earlier = new FinancialYear(2022);
        var later = new FinancialYear(2023);
        Assert.True(earlier < later);
        Assert.True(later > earlier);
        var sameAsLater = new FinancialYear(2023);
        Assert.True(earlier <= later && later <= sameAsLater);
        Assert.True(later >= earlier && later >= sameAsLater);
        Assert.False(later < earlier);
    }

    [Fact]
    public void Sort_OrdersChronologically()
    {
        var years = new List<FinancialYear> { new(2024), new(1999), new(2023) };
        years.Sort();
        Assert.Equal([new(1999), new(2023), new(2024)], years);
    }

    [Fact]
    public void Equality_IsByStartYear()
    {
        Assert.Equal(FinancialYear.Parse("2023-24"), FinancialYear.Containing(Date("2023-09-01")));
        Assert.NotEqual(new FinancialYear(2023), new FinancialYear(2024));
    }
}
