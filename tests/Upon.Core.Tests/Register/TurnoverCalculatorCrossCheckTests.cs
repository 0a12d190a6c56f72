using Upon.Core.Register;

namespace Upon.Core.Tests.Register;

public class TurnoverCalculatorCrossCheckTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Years_RandomRegister_MatchesNaiveReadingOfDefinitions(int seed)
    {
        var calculator = RandomRegister.Calculator(seed, out var authorities, out var appointments);

        var years = calculator.Years(new LocalDate(2026, 6, 1));

        Assert.Equal("2026-27", years[^1].FinancialYear);
        Assert.True(years.Count >= 17);
        foreach (var figures in years)
        {
            Assert.Equal(ReferenceTurnover.ForYear(FinancialYear.Parse(figures.FinancialYear), authorities, appointments), figures with { ToDate = false });
            Assert.Equal(figures.FinancialYear == "2026-27", figures.ToDate);
        }
    }

    [Fact]
    public void Years_RandomRegister_ExercisesEveryFigure()
    {
        var calculator = RandomRegister.Calculator(1, out _, out _);

        var years = calculator.Years(new LocalDate(2026, 6, 1));

        Assert.Contains(years, y => y.Changes > 0 && y.AuthoritiesWithChange < y.Changes);
        Assert.Contains(years, y => y.AuthoritiesWithUnplannedChange > 0);
        Assert.Contains(years, y => y.FirstTimeDirectors > 0);
        Assert.Contains(years, y => y.InterimShareAtYearEnd is > 0 and < 1);
        Assert.Contains(years, y => y.MeanCompletedTenureMonths is not null);
        Assert.Contains(years, y => y.MedianTenureMonths is not null);
        Assert.Contains(years, y => y.ConsecutiveYearsRising > 1);
        Assert.Contains(years, y => y.LocalAuthorities < 12);
    }
}
