using Upon.Core.Coaching;

namespace Upon.Core.Tests.Coaching;

/// <summary>Seeded random pools whose emails sort in index order (p000@, c000@), so ranks equal indexes.</summary>
internal static class RandomPools
{
    private static readonly string[] Chars = [.. Characteristics.Standard];
    private static readonly string[] Regions = ["E12000001", "E12000002", "E12000003"];
    private static readonly string[] Authorities = ["201", "202", "203", "204", "205"];

    public static MatchingProblem Make(int seed, int participants, int coaches, int maxFree)
    {
        var random = new Random(seed);
        var coachList = Enumerable.Range(0, coaches).Select(j => new MatchCoach(
            $"c{j:000}@example.test",
            $"Coach {j}",
            random.Next(0, maxFree + 1),
            random.Next(3) > 0,
            random.Next(2) == 0,
            Pick(random, Regions, 2).ToHashSet(),
            Pick(random, Chars, 3).ToHashSet(),
            Enum.GetValues<AuthorityKind>().Where(_ => random.Next(3) == 0).ToHashSet(),
            Pick(random, Authorities, 2).ToHashSet())).ToList();
        var requests = Enumerable.Range(0, participants).Select(i =>
        {
            var wishes = Pick(random, Chars, 3).ToList();
            var mustCount = random.Next(4) == 0 ? 1 : 0;
            return new MatchRequest(
                $"p{i:000}@example.test",
                $"Participant {i}",
                Authorities[random.Next(Authorities.Length)],
                wishes.Take(mustCount).ToHashSet(),
                wishes.Skip(mustCount).ToHashSet(),
                random.Next(2) == 0 ? (AuthorityKind)random.Next(4) : null,
                (RequestedMode)random.Next(3),
                Regions[random.Next(Regions.Length)],
                random.Next(5) == 0 ? new HashSet<string> { coachList[random.Next(coaches)].Key } : [],
                random.Next(6) == 0 ? new HashSet<string> { coachList[random.Next(coaches)].Key } : []);
        }).ToList();
        return new MatchingProblem(requests, coachList);
    }

    private static IEnumerable<string> Pick(Random random, string[] from, int most) =>
        from.Where(_ => random.Next(from.Length) < most);
}
