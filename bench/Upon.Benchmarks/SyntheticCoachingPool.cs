using Upon.Core.Coaching;

namespace Upon.Benchmarks;

/// <summary>
/// A deterministic (fixed seed) coaching pool: coaches with capacity 4 and requests whose "must" characteristics,
/// modes, regions and conflicts exclude about a third of all pairs (the share is printed by <see cref="ExcludedShare"/>).
/// </summary>
public static class SyntheticCoachingPool
{
    private static readonly string[] Authorities = [.. Enumerable.Range(201, 150).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static MatchingProblem Generate(int requests, int coaches, int capacity, int seed = 20261202)
    {
        var random = new Random(seed);
        var regions = CoachingModes.RegionCodes;
        var coachList = Enumerable.Range(0, coaches).Select(j =>
        {
            var chars = new HashSet<string>();
            if (random.NextDouble() < 0.5) chars.Add(Characteristics.Woman);
            if (random.NextDouble() < 0.3) chars.Add(Characteristics.GlobalMajority);
            if (random.NextDouble() < 0.15) chars.Add(Characteristics.Disabled);
            if (random.NextDouble() < 0.1) chars.Add(Characteristics.Lgbtq);
            if (random.NextDouble() < 0.05) chars.Add(Characteristics.CareExperienced);
            var inPerson = random.NextDouble() < 0.5;
            return new MatchCoach(
                $"coach{j:0000}@example.test",
                $"Coach {j}",
                capacity,
                random.NextDouble() < 0.85 || !inPerson,
                inPerson,
                inPerson ? Enumerable.Range(0, random.Next(1, 3)).Select(_ => regions[random.Next(regions.Count)]).ToHashSet() : [],
                chars,
                Enum.GetValues<AuthorityKind>().Where(_ => random.NextDouble() < 0.35).ToHashSet(),
                Enumerable.Range(0, 2).Select(_ => Authorities[random.Next(Authorities.Length)]).ToHashSet());
        }).ToList();

        var requestList = Enumerable.Range(0, requests).Select(i =>
        {
            var must = new HashSet<string>();
            if (random.NextDouble() < 0.3)
            {
                var r = random.NextDouble();
                must.Add(r < 0.6 ? Characteristics.Woman : r < 0.9 ? Characteristics.GlobalMajority : Characteristics.Disabled);
            }

            var wouldLike = Characteristics.Standard.Where(c => !must.Contains(c) && random.NextDouble() < 0.25).ToHashSet();
            var m = random.NextDouble();
            var mode = m < 0.6 ? RequestedMode.Online : m < 0.85 ? RequestedMode.Either : RequestedMode.InPerson;
            return new MatchRequest(
                $"participant{i:0000}@example.test",
                $"Participant {i}",
                Authorities[random.Next(Authorities.Length)],
                must,
                wouldLike,
                random.NextDouble() < 0.5 ? (AuthorityKind)random.Next(4) : null,
                mode,
                regions[random.Next(regions.Count)],
                random.NextDouble() < 0.1 ? new HashSet<string> { coachList[random.Next(coaches)].Key } : [],
                new HashSet<string>());
        }).ToList();

        return new MatchingProblem(requestList, coachList);
    }

    /// <summary>The share of (request, coach) pairs that some rule excludes.</summary>
    public static double ExcludedShare(MatchingProblem problem)
    {
        long excluded = 0;
        foreach (var request in problem.Requests)
        {
            foreach (var coach in problem.Coaches)
            {
                if (!PairRules.IsAllowed(request, coach)) excluded++;
            }
        }

        return (double)excluded / ((long)problem.Requests.Count * problem.Coaches.Count);
    }
}
