namespace Upon.Core;

/// <summary>
/// The demo data's random numbers: SplitMix64, small, fast and the same on every platform and runtime version, so demo
/// data generated from one seed is identical everywhere (unlike <see cref="System.Random"/>, whose sequence is not
/// promised). Separate <paramref name="stream"/>s from one seed give independent sequences.
/// </summary>
/// <param name="seed">The seed.</param>
/// <param name="stream">Which sequence of that seed.</param>
public sealed class DemoRandom(int seed, int stream)
{
    private ulong _state = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)stream * 0xD1B54A32D192ED03UL));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextULong()
    {
        var z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextULong() % (ulong)maxExclusive);

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; <paramref name="min"/> if the range is empty.</summary>
    public int Between(int min, int max) => max <= min ? min : min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal variate (Box-Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
