using NodaTime;
using Upon.Core.Aspirants;
using Xunit;

namespace Upon.Core.Tests.Aspirants;

public sealed class CohortEndTests
{
    [Fact]
    public void ConfiguredEnd_ComesFirst() =>
        Assert.Equal(new LocalDate(2022, 6, 30), CohortEnd.Of(new LocalDate(2022, 6, 30), new LocalDate(2022, 3, 4), "2021-22"));

    [Fact]
    public void LastTaughtDay_WhenNoEndIsConfigured() =>
        Assert.Equal(new LocalDate(2022, 3, 4), CohortEnd.Of(null, new LocalDate(2022, 3, 4), "2021-22"));

    [Theory]
    [InlineData("2021-22", 2022)]
    [InlineData("2021-22 cohort", 2022)]
    [InlineData("2024", 2025)]
    public void OtherwiseTheFinancialYearOfItsName_EndsOn31March(string name, int year) =>
        Assert.Equal(new LocalDate(year, 3, 31), CohortEnd.Of(null, null, name));

    [Theory]
    [InlineData("Pilot")]
    [InlineData("1999-00")]
    [InlineData("21-22")]
    [InlineData("")]
    public void NoEnd_WhenNothingGivesOne(string name) => Assert.Null(CohortEnd.Of(null, null, name));
}
