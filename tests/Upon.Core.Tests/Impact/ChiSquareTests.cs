using Upon.Core.Impact;

namespace Upon.Core.Tests.Impact;

public class ChiSquareTests
{
    [Theory]
    [InlineData(3.841458820694124, 0.05)]
    [InlineData(6.634896601021214, 0.01)]
    [InlineData(10.827566170662733, 0.001)]
    [InlineData(0.45493642311957283, 0.5)]
    [InlineData(0.015790774093431218, 0.9)]
    public void UpperTail_AtPublishedCriticalValues(double x, double p)
    {
        Assert.Equal(p, ChiSquare.UpperTailOneDegree(x), 1e-12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void UpperTail_AtOrBelowZero_IsOne(double x) => Assert.Equal(1.0, ChiSquare.UpperTailOneDegree(x));

    [Fact]
    public void UpperTail_FarOut_MatchesErfc()
    {
        // erfc(sqrt(50/2)) = erfc(5) = 1.5374597944280349e-12.
        Assert.Equal(1.5374597944280349e-12, ChiSquare.UpperTailOneDegree(50), 1e-24);
    }
}
