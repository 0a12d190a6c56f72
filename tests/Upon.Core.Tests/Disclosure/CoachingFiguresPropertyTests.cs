using Upon.Core.Coaching;
using Upon.Core.Disclosure;

namespace Upon.Core.Tests.Disclosure;

/// <summary>
/// The coaching figures the funder sees, on random pools: no small number leaks by subtracting published figures from the
/// figure they are parts of (the strands' coachees from the coachees, the months' sessions from a strand's, those matched
/// and the wishes met from a round's requests and wishes). No coaching count is a part of a turnover or invitation figure
/// (see <see cref="FunderFiguresPropertyTests.Links"/>), so these are all the links that involve coaching.
/// </summary>
public sealed class CoachingFiguresPropertyTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 300)];

    private static CoachingFigures RandomFigures(int seed)
    {
        var random = new Random(seed);
        string[] strands = ["new-directors", "aspirant-directors", CoachingFigures.NoStrand];
        var relationships = Enumerable.Range(1, random.Next(0, 40))
            .Select(i => new CoachingRelationshipFact(i, strands[random.Next(strands.Length)], 360, random.Next(4) > 0)).ToList();
        var sessions = relationships.SelectMany(r => Enumerable.Range(0, random.Next(0, 4))
            .Select(_ => new CoachingSessionFact(r.Id, new LocalDate(2026, random.Next(1, 13), 1).PlusDays(random.Next(0, 28)), 30 * random.Next(1, 5)))).ToList();
        var rounds = Enumerable.Range(1, random.Next(0, 4)).Select(i =>
        {
            var requests = random.Next(0, 30);
            var must = random.Next(0, 20);
            var wouldLike = random.Next(0, 40);
            return new CoachingRoundFact($"Round {i}", requests, random.Next(0, requests + 1), must, random.Next(0, must + 1), wouldLike, random.Next(0, wouldLike + 1));
        }).ToList();
        return CoachingFigures.Of(random.Next(0, 60), relationships, sessions, rounds);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomPool_NoPublishedWholeLessItsPublishedPartsIsASmallNumber(int seed)
    {
        var rule = new DisclosureRule();
        var exact = RandomFigures(seed);
        var published = CoachingDisclosure.Disclose(rule, exact);

        void NoLeak(string what, int whole, bool wholeShown, IReadOnlyList<(int Value, bool Shown)> parts)
        {
            if (!wholeShown)
            {
                return;
            }
            var hidden = whole - parts.Where(p => p.Shown).Sum(p => p.Value);
            Assert.False(rule.IsSmall(hidden), $"seed {seed}, {what}: {whole} less the parts shown leaves {hidden}");
        }

        NoLeak("coachees", exact.Coachees, !published.Coachees.IsSuppressed,
            [.. exact.Strands.Select((s, i) => (s.Coachees, !published.Strands[i].Coachees.IsSuppressed))]);
        for (var i = 0; i < exact.Strands.Count; i++)
        {
            var s = exact.Strands[i];
            var p = published.Strands[i];
            NoLeak($"{s.Strand} sessions", s.Sessions, !p.Sessions.IsSuppressed, [.. s.Months.Select((m, j) => (m.Sessions, !p.Months[j].Sessions.IsSuppressed))]);
            Assert.All(p.Months, m => Assert.Equal(m.Sessions.IsSuppressed, m.Hours.IsSuppressed));
            Assert.Equal(p.Sessions.IsSuppressed, p.Hours.IsSuppressed);
            Assert.True(!rule.IsSmall(s.Relationships) || p.EntitlementUsed.IsSuppressed, $"seed {seed}: entitlement used over {s.Relationships} relationships");
        }
        for (var i = 0; i < exact.Rounds.Count; i++)
        {
            var r = exact.Rounds[i];
            var p = published.Rounds[i];
            NoLeak($"{r.Round} matched", r.Requests, !p.Requests.IsSuppressed, [(r.Matched, !p.Matched.IsSuppressed)]);
            NoLeak($"{r.Round} must met", r.MustWishes, !p.MustWishes.IsSuppressed, [(r.MustWishesMet, !p.MustWishesMet.IsSuppressed)]);
            NoLeak($"{r.Round} would like met", r.WouldLikeWishes, !p.WouldLikeWishes.IsSuppressed, [(r.WouldLikeWishesMet, !p.WouldLikeWishesMet.IsSuppressed)]);
            Assert.True(!p.Matched.IsSuppressed || p.MatchRate.IsSuppressed, $"seed {seed}: a match rate shown beside a suppressed count");
        }
    }

    [Fact]
    public void TheSearch_FindsALeak_WhenThePartsAreDisclosedOnTheirOwn()
    {
        // Coachees 7 = 6 + 1: each part counted on its own shows the 6, and 7 - 6 gives the 1 away.
        var rule = new DisclosureRule();
        Assert.False(rule.Count(6).IsSuppressed);
        Assert.True(rule.Count(1).IsSuppressed);
        Assert.True(rule.IsSmall(7 - 6));
        Assert.All(rule.Breakdown(7, [6, 1]).Parts, p => Assert.True(p.IsSuppressed));
    }
}
