namespace Upon.Core.Impact;

/// <summary>The chi-square distribution with one degree of freedom.</summary>
public static class ChiSquare
{
    private const double Epsilon = 1e-16;
    private const int MaxIterations = 1000;

    /// <summary>
    /// The probability that a chi-square variable with one degree of freedom exceeds <paramref name="x"/>: the upper
    /// regularised incomplete gamma function Q(1/2, x/2), by its series below a + 1 and its continued fraction above
    /// (Numerical Recipes, 6.2), to about 15 significant digits. 1 for <paramref name="x"/> at or below 0.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not a number.</exception>
    public static double UpperTailOneDegree(double x)
    {
        if (double.IsNaN(x))
        {
            throw new ArgumentException("The statistic is not a number.", nameof(x));
        }
        if (x <= 0)
        {
            return 1.0;
        }
        if (double.IsPositiveInfinity(x))
        {
            return 0.0;
        }
        const double a = 0.5;
        var z = x / 2;
        // ln Γ(1/2) = ln √π.
        var logPrefix = -z + a * Math.Log(z) - 0.5 * Math.Log(Math.PI);
        return z < a + 1 ? 1.0 - LowerSeries(a, z, logPrefix) : UpperContinuedFraction(a, z, logPrefix);
    }

    private static double LowerSeries(double a, double z, double logPrefix)
    {
        var term = 1.0 / a;
        var sum = term;
        var ap = a;
        for (var n = 0; n < MaxIterations; n++)
        {
            ap++;
            term *= z / ap;
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }
        return sum * Math.Exp(logPrefix);
    }

    private static double UpperContinuedFraction(double a, double z, double logPrefix)
    {
        const double tiny = 1e-300;
        var b = z + 1 - a;
        var c = 1 / tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny)
            {
                d = tiny;
            }
            c = b + an / c;
            if (Math.Abs(c) < tiny)
            {
                c = tiny;
            }
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }
        return Math.Exp(logPrefix) * h;
    }
}
