using Upon.Core.Impact;
using Upon.Core.Register;

namespace Upon.Core.Tests.Impact;

public sealed class ReturnPeriodTests
{
    [Theory]
    [InlineData("2026-27-Q1", "2026-04-01", "2026-06-30")]
    [InlineData("2026-27-Q2", "2026-07-01", "2026-09-30")]
    [InlineData("2026-27-Q3", "2026-10-01", "2026-12-31")]
    [InlineData("2026-27-Q4", "2027-01-01", "2027-03-31")]
    [InlineData("2026-27", "2026-04-01", "2027-03-31")]
    public void Parse_GivesTheFinancialQuarterOrYear(string label, string first, string last)
    {
        var period = ReturnPeriod.Parse(label);
        Assert.Equal(label, period.Label);
        Assert.Equal(first, period.FirstDay.ToIsoString());
        Assert.Equal(last, period.LastDay.ToIsoString());
    }

    [Theory]
    [InlineData("2026-27-Q5")]
    [InlineData("2026-27-Q0")]
    [InlineData("2026-27-q2")]
    [InlineData("2026-28-Q2")]
    [InlineData("2026-27 Q2")]
    [InlineData("2026-27-Q2 ")]
    [InlineData("Q2 2026-27")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesAnythingElse(string? text) => Assert.False(ReturnPeriod.TryParse(text, out _));

    [Fact]
    public void Previous_OfQ1_IsQ4OfTheYearBefore_AndSamePeriodLastYearIsTheSameQuarter()
    {
        var q1 = ReturnPeriod.Parse("2026-27-Q1");
        Assert.Equal("2025-26-Q4", q1.Previous().Label);
        Assert.Equal("2025-26-Q1", q1.SamePeriodLastYear().Label);
        Assert.Equal("2026-27-Q2", ReturnPeriod.Parse("2026-27-Q3").Previous().Label);
        Assert.Equal("2025-26", ReturnPeriod.Parse("2026-27").Previous().Label);
        Assert.Equal("2025-26", ReturnPeriod.Parse("2026-27").SamePeriodLastYear().Label);
    }

    [Theory]
    [InlineData("2026-04-01", "2026-27-Q1")]
    [InlineData("2026-06-30", "2026-27-Q1")]
    [InlineData("2026-07-01", "2026-27-Q2")]
    [InlineData("2026-12-31", "2026-27-Q3")]
    [InlineData("2027-01-01", "2026-27-Q4")]
    [InlineData("2027-03-31", "2026-27-Q4")]
    public void QuarterContaining_FollowsTheFinancialYear(string date, string quarter) =>
        Assert.Equal(quarter, ReturnPeriod.QuarterContaining(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value).Label);

    [Fact]
    public void QuartersOfTheYear_CoverItExactly()
    {
        var quarters = ReturnPeriod.OfYear(new FinancialYear(2026)).QuartersOfYear();
        Assert.Equal(4, quarters.Count);
        Assert.Equal(new LocalDate(2026, 4, 1), quarters[0].FirstDay);
        for (var i = 1; i < 4; i++)
        {
            Assert.Equal(quarters[i - 1].LastDay.PlusDays(1), quarters[i].FirstDay);
        }
        Assert.Equal(new LocalDate(2027, 3, 31), quarters[3].LastDay);
    }
}
