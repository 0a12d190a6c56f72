using BenchmarkDotNet.Attributes;
using Upon.Core.Aspirants;

namespace Upon.Benchmarks;

/// <summary>
/// The work behind a cohort's review pages at the size: 500 applications and 30 reviewers. Assigning two
/// reviewers to each (OR-Tools min-cost flow, about 5% of pairs excluded as conflicts), and scoring the cohort from its
/// 1,000 submitted reviews (calibration, means, ranking with ties, disagreement flags). Fixed seed.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AspirantsBenchmarks
{
    private List<ApplicationToAssign> _applications = null!;
    private List<ReviewerToAssign> _reviewers = null!;
    private HashSet<ExcludedPair> _excluded = null!;
    private List<SubmittedReview> _reviews = null!;

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20261202);
        _applications = [.. Enumerable.Range(0, 500).Select(i => new ApplicationToAssign($"a{i}", 2))];
        _reviewers = [.. Enumerable.Range(0, 30).Select(j => new ReviewerToAssign($"r{j}", 0))];
        _excluded = [.. from a in _applications from r in _reviewers where random.NextDouble() < 0.05 select new ExcludedPair(a.Key, r.Key)];
        var assigned = ReviewerAssignment.Assign(_applications, _reviewers, _excluded).Pairs;
        var leniency = _reviewers.ToDictionary(r => r.Key, _ => random.NextDouble() * 4 - 2);
        _reviews = [.. assigned.Select(p => new SubmittedReview(p.Reviewer, p.Application, Math.Clamp((decimal)Math.Round(12 + leniency[p.Reviewer] + random.NextDouble() * 6), 4, 20)))];
    }

    [Benchmark(Description = "Assign 2 reviewers to each of 500 applications from 30 reviewers")]
    public AssignmentResult Assign() => ReviewerAssignment.Assign(_applications, _reviewers, _excluded);

    [Benchmark(Description = "Score a cohort of 500 applications from 1,000 reviews")]
    public int Score() => ApplicationScoring.Score(_applications.Select(a => a.Key), _reviews, 16).Scores.Count;
}
