using Upon.Core.Register;
using static Upon.Core.Tests.Register.RegisterData;

namespace Upon.Core.Tests.Register;

public class TenureTests
{
    private static Tenure Tenure(string start, string? end) =>
        new("201", "p1", Date(start), end is null ? null : Date(end));

    [Fact]
    public void LengthInDays_SameStartAndEnd_IsOneDay() =>
        Assert.Equal(1, Tenure("2023-06-01", "2023-06-01").LengthInDays(Date("2030-01-01")));

    [Fact]
    public void LengthInDays_CountsFirstAndLastDay() =>
        Assert.Equal(30, Tenure("2023-06-01", "2023-06-30").LengthInDays(Date("2030-01-01")));

    [Fact]
    public void LengthInDays_OverLeapDay_CountsTwentyNinthOfFebruary() =>
        Assert.Equal(60, Tenure("2024-02-01", "2024-03-31").LengthInDays(Date("2030-01-01")));

    [Fact]
    public void LengthInDays_WholeLeapYear_Is366() =>
        Assert.Equal(366, Tenure("2024-01-01", "2024-12-31").LengthInDays(Date("2030-01-01")));

    [Fact]
    public void LengthInDays_FinancialYearWithLeapDay_Is366() =>
        Assert.Equal(366, Tenure("2023-04-01", "2024-03-31").LengthInDays(Date("2030-01-01")));

    [Fact]
    public void LengthInDays_FinancialYearWithoutLeapDay_Is365() =>
        Assert.Equal(365, Tenure("2022-04-01", "2023-03-31").LengthInDays(Date("2030-01-01")));

    [Fact]
    public void LengthInDays_Open_CountsToAsOfInclusive() =>
        Assert.Equal(31, Tenure("2024-03-01", null).LengthInDays(Date("2024-03-31")));

    [Fact]
    public void LengthInDays_EndAfterAsOf_CountsToAsOf() =>
        Assert.Equal(31, Tenure("2024-03-01", "2024-04-30").LengthInDays(Date("2024-03-31")));

    [Fact]
    public void LengthInDays_EndOnAsOf_CountsToEnd() =>
        Assert.Equal(31, Tenure("2024-03-01", "2024-03-31").LengthInDays(Date("2024-03-31")));

    [Fact]
    public void LengthInDays_EndBeforeAsOf_CountsToEnd() =>
        Assert.Equal(10, Tenure("2024-03-01", "2024-03-10").LengthInDays(Date("2024-03-31")));

    [Fact]
    public void LengthInDays_StartOnAsOf_IsOneDay() =>
        Assert.Equal(1, Tenure("2024-03-31", null).LengthInDays(Date("2024-03-31")));

    [Fact]
    public void LengthInDays_AsOfBeforeStart_IsZero() =>
        Assert.Equal(0, Tenure("2024-04-01", null).LengthInDays(Date("2024-03-31")));
}
