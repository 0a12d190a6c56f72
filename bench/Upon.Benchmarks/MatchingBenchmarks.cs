using BenchmarkDotNet.Attributes;
using Upon.Core.Coaching;

namespace Upon.Benchmarks;

/// <summary>
/// <c>CoachMatcher.Solve</c> (rules, scores, OR-Tools min-cost flow, explanations of the unmatched) on a synthetic
/// pool: 2,000 requests against 500 coaches with capacity 4 and about a third of pairs excluded, and a realistic
/// round of 100 requests against 60 coaches. The optimum is measured without the capacity probe
/// (<see cref="CapacityProbing.Skip"/>: no re-solves for "raising X's capacity by one"), which the round page and
/// <c>upon coaching match</c> still run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class MatchingBenchmarks
{
    private MatchingProblem _large = null!;
    private MatchingProblem _realistic = null!;

    [GlobalSetup]
    public void Generate()
    {
        _large = SyntheticCoachingPool.Generate(2000, 500, 4);
        _realistic = SyntheticCoachingPool.Generate(100, 60, 2);
        Console.WriteLine($"// 2,000 x 500: {SyntheticCoachingPool.ExcludedShare(_large):P1} of pairs excluded; 100 x 60: {SyntheticCoachingPool.ExcludedShare(_realistic):P1}");
    }

    [Benchmark(Description = "Solve 2,000 requests x 500 coaches (capacity 4)")]
    public MatchingResult Large() => CoachMatcher.Solve(_large, CapacityProbing.Skip);

    [Benchmark(Description = "Solve 100 requests x 60 coaches (capacity 2)")]
    public MatchingResult Realistic() => CoachMatcher.Solve(_realistic, CapacityProbing.Skip);

    [Benchmark(Description = "Round page: 100 requests x 60 coaches (capacity 2), with the capacity probe")]
    public MatchingResult RealisticAsThePageRunsIt() => CoachMatcher.Solve(_realistic);

    [Benchmark(Description = "2,000 requests x 500 coaches (capacity 4), with the capacity probe")]
    public MatchingResult LargeWithProbe() => CoachMatcher.Solve(_large);
}
