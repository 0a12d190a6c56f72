using Google.OrTools.Sat;
using Upon.Core.Coaching;
using static Upon.Core.Tests.Coaching.CoachingBuilders;

namespace Upon.Core.Tests.Coaching;

public class CoachMatcherTests
{
    [Fact]
    public void Solve_PrefersMoreMatchesOverAHigherScore()
    {
        // The high-scoring pair (p1 with the woman coach) would leave p2 unmatched.
        var woman = Coach("a@example.test", characteristics: [Characteristics.Woman]);
        var other = Coach("b@example.test");
        var p1 = Request("p1@example.test", wouldLike: [Characteristics.Woman]);
        var p2 = Request("p2@example.test", must: [Characteristics.Woman]);
        var result = CoachMatcher.Solve(new MatchingProblem([p1, p2], [woman, other]));
        Assert.Equal(2, result.Matched);
        Assert.Equal(0, result.TotalScore);
        Assert.Contains(result.Pairs, p => p.Participant == "p2@example.test" && p.Coach == "a@example.test");
    }

    [Fact]
    public void Solve_RespectsFreePlaces()
    {
        var coach = Coach(freePlaces: 2);
        var requests = Enumerable.Range(0, 5).Select(i => Request($"p{i}@example.test")).ToList();
        var result = CoachMatcher.Solve(new MatchingProblem(requests, [coach]));
        Assert.Equal(2, result.Matched);
        Assert.Equal(["p0@example.test", "p1@example.test"], result.Pairs.Select(p => p.Participant));
        Assert.Equal(3, result.Unmatched.Count);
    }

    [Fact]
    public void Solve_TiesGoToEarlierParticipantsThenEarlierCoaches()
    {
        var coaches = new[] { Coach("b@example.test"), Coach("a@example.test") };
        var requests = new[] { Request("z@example.test"), Request("y@example.test"), Request("x@example.test") };
        var result = CoachMatcher.Solve(new MatchingProblem(requests, coaches));
        Assert.Equal([("x@example.test", "a@example.test"), ("y@example.test", "b@example.test")], result.Pairs.Select(p => (p.Participant, p.Coach)));
    }

    [Fact]
    public void Solve_LockedPairIsKeptEvenWhenItBreaksARule()
    {
        var a = Coach("a@example.test", characteristics: [Characteristics.Woman]);
        var b = Coach("b@example.test");
        var p1 = Request("p1@example.test", wouldLike: [Characteristics.Woman]);
        var p2 = Request("p2@example.test", avoid: ["b@example.test"]);
        var problem = new MatchingProblem([p1, p2], [a, b], MatchingWeights.Default, [new PairKey("p2@example.test", "b@example.test")], []);
        var result = CoachMatcher.Solve(problem);
        var locked = Assert.Single(result.Pairs, p => p.Locked);
        Assert.Equal(("p2@example.test", "b@example.test"), (locked.Participant, locked.Coach));
        Assert.Equal([PairExclusion.AvoidedByParticipant], locked.BrokenRules);
        Assert.Contains("Breaks a rule: the participant asked not to have this coach.", locked.Reasons);
        Assert.Contains(result.Pairs, p => p.Participant == "p1@example.test" && p.Coach == "a@example.test");
    }

    [Fact]
    public void Solve_LockedPairUsesTheCoachsPlace()
    {
        var a = Coach("a@example.test", freePlaces: 1);
        var problem = new MatchingProblem(
            [Request("p1@example.test"), Request("p2@example.test")], [a], MatchingWeights.Default, [new PairKey("p2@example.test", "a@example.test")], []);
        var result = CoachMatcher.Solve(problem);
        Assert.Equal(("p2@example.test", "a@example.test"), (Assert.Single(result.Pairs).Participant, result.Pairs[0].Coach));
        Assert.Equal("p1@example.test", Assert.Single(result.Unmatched).Participant);
    }

    [Fact]
    public void Solve_ForbiddenPairIsNeverProposed()
    {
        var a = Coach("a@example.test", characteristics: [Characteristics.Woman]);
        var b = Coach("b@example.test");
        var p1 = Request("p1@example.test", wouldLike: [Characteristics.Woman]);
        var problem = new MatchingProblem([p1], [a, b], MatchingWeights.Default, [], [new PairKey("P1@example.test", "a@example.test")]);
        var result = CoachMatcher.Solve(problem);
        Assert.Equal("b@example.test", Assert.Single(result.Pairs).Coach);

        var onlyA = new MatchingProblem([p1], [a], MatchingWeights.Default, [], [new PairKey("p1@example.test", "a@example.test")]);
        var unmatched = Assert.Single(CoachMatcher.Solve(onlyA).Unmatched);
        Assert.Contains("1 coach was forbidden by staff for this participant.", unmatched.Reasons);
        Assert.Contains("Would match them: staff lifting the forbid on Ada Obi.", unmatched.Reasons);
    }

    [Fact]
    public void Explain_AllMustCoachesFull_SaysSoAndSuggestsACapacity()
    {
        var ada = Coach("ada@example.test", "Ada Obi", characteristics: [Characteristics.Woman]);
        var bea = Coach("bea@example.test", "Bea Cole", freePlaces: 0, characteristics: [Characteristics.Woman]);
        var cal = Coach("cal@example.test", "Cal Dee", characteristics: [Characteristics.Woman], conflicts: ["202"]);
        var dan = Coach("dan@example.test", "Dan Eze");
        var first = Request("a-first@example.test", authority: "202", must: [Characteristics.Woman]);
        var second = Request("b-second@example.test", authority: "202", must: [Characteristics.Woman]);
        var result = CoachMatcher.Solve(new MatchingProblem([first, second], [ada, bea, cal, dan]));
        Assert.Equal(("a-first@example.test", "ada@example.test"), (Assert.Single(result.Pairs).Participant, result.Pairs[0].Coach));
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal("b-second@example.test", unmatched.Participant);
        Assert.Equal(
            [
                "3 coaches share the 'must' characteristics (woman), 2 of them full.",
                "1 coach had no free place before the round.",
                "1 coach does not share every 'must' characteristic.",
                "1 coach led or worked in the participant's authority (202).",
                "1 coach is allowed, but all their places went to other participants.",
                "Would match them: raising Ada Obi's capacity by one.",
                "Would match them: raising Bea Cole's capacity by one.",
                "Would match them: asking for woman as 'would like' rather than 'must' (Dan Eze could then coach them).",
            ],
            unmatched.Reasons);
    }

    [Fact]
    public void Explain_RaisingACapacity_IsSuggestedOnlyToTheParticipantItWouldMatch()
    {
        // x has no free place; one more place goes to b, who would like a woman coach, not to a.
        var x = Coach("x@example.test", "Xan Yu", freePlaces: 0, characteristics: [Characteristics.Woman]);
        var a = Request("a@example.test");
        var b = Request("b@example.test", wouldLike: [Characteristics.Woman]);
        var result = CoachMatcher.Solve(new MatchingProblem([a, b], [x]));

        Assert.Equal(2, result.Unmatched.Count);
        var raised = CoachMatcher.Solve(new MatchingProblem([a, b], [x with { FreePlaces = 1 }]));
        Assert.Equal(("b@example.test", "x@example.test"), (Assert.Single(raised.Pairs).Participant, raised.Pairs[0].Coach));
        Assert.DoesNotContain("Would match them: raising Xan Yu's capacity by one.", result.Unmatched.Single(u => u.Participant == "a@example.test").Reasons);
        Assert.Empty(result.Unmatched.Single(u => u.Participant == "a@example.test").Suggestions);
        Assert.Contains("Would match them: raising Xan Yu's capacity by one.", result.Unmatched.Single(u => u.Participant == "b@example.test").Reasons);
    }

    [Fact]
    public void Solve_SkippingTheCapacityProbe_GivesTheSamePairsWithoutProbeSentences()
    {
        // As above: with the probe, Ada and Bea are each said to match b-second with one more place.
        var ada = Coach("ada@example.test", "Ada Obi", characteristics: [Characteristics.Woman]);
        var bea = Coach("bea@example.test", "Bea Cole", freePlaces: 0, characteristics: [Characteristics.Woman]);
        var cal = Coach("cal@example.test", "Cal Dee", characteristics: [Characteristics.Woman], conflicts: ["202"]);
        var dan = Coach("dan@example.test", "Dan Eze");
        var problem = new MatchingProblem(
            [Request("a-first@example.test", authority: "202", must: [Characteristics.Woman]), Request("b-second@example.test", authority: "202", must: [Characteristics.Woman])],
            [ada, bea, cal, dan]);
        var probed = CoachMatcher.Solve(problem);
        var skipped = CoachMatcher.Solve(problem, CapacityProbing.Skip);

        Assert.Equal(probed.Pairs.Select(p => (p.Participant, p.Coach, p.Score.Total)), skipped.Pairs.Select(p => (p.Participant, p.Coach, p.Score.Total)));
        Assert.Equal(probed.Unmatched.Select(u => u.Participant), skipped.Unmatched.Select(u => u.Participant));
        Assert.Null(skipped.Capacity);
        Assert.NotNull(probed.Capacity);
        var reasons = Assert.Single(skipped.Unmatched).Reasons;
        Assert.DoesNotContain(reasons, r => r.Contains("capacity by one", StringComparison.Ordinal) || r.Contains("not checked", StringComparison.Ordinal));
        Assert.DoesNotContain(skipped.Unmatched.Single().Suggestions, s => s.Kind == SuggestionKind.RaiseCapacity);
        // Every other sentence is the same.
        Assert.Equal(probed.Unmatched.Single().Reasons.Where(r => !r.Contains("capacity by one", StringComparison.Ordinal)), reasons);
        Assert.Contains("Would match them: asking for woman as 'would like' rather than 'must' (Dan Eze could then coach them).", reasons);
    }

    [Fact]
    public void Solve_SkippingTheCapacityProbe_GivesTheSameOptimumOnRandomPools()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var problem = RandomPools.Make(500 + seed, 30, 12, 2);
            var probed = CoachMatcher.Solve(problem);
            var skipped = CoachMatcher.Solve(problem, CapacityProbing.Skip);
            Assert.Equal(probed.Pairs.Select(p => (p.Participant, p.Coach)), skipped.Pairs.Select(p => (p.Participant, p.Coach)));
            Assert.Equal(probed.Unmatched.Select(u => u.Participant), skipped.Unmatched.Select(u => u.Participant));
            Assert.All(skipped.Unmatched, u => Assert.DoesNotContain(u.Reasons, r => r.Contains("capacity by one", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Fairness_WideningCoach_CountsTheParticipantsOneMorePlaceMatches()
    {
        var x = Coach("x@example.test", "Xan Yu", freePlaces: 0, characteristics: [Characteristics.Woman]);
        var problem = new MatchingProblem([Request("a@example.test"), Request("b@example.test", wouldLike: [Characteristics.Woman])], [x]);
        var result = CoachMatcher.Solve(problem);

        Assert.Equal(new WideningCoach("x@example.test", "Xan Yu", 1), Assert.Single(FairnessReport.Of(problem, result).WideningCoaches));
        // The same without the probe the matcher found: the report re-solves the round itself.
        Assert.Equal(new WideningCoach("x@example.test", "Xan Yu", 1), Assert.Single(FairnessReport.Of(problem, result with { Capacity = null }).WideningCoaches));
    }

    [Fact]
    public void Explain_NoSingleChange_SaysSo()
    {
        var result = CoachMatcher.Solve(new MatchingProblem([Request(authority: "202")], [Coach(conflicts: ["202"])]));
        Assert.Equal(["1 coach led or worked in the participant's authority (202).", "No single change would match them."], Assert.Single(result.Unmatched).Reasons);
    }

    [Fact]
    public void Explain_SuggestsRelaxingAMustOrTheMode()
    {
        var result = CoachMatcher.Solve(new MatchingProblem(
            [Request(must: [Characteristics.Disabled], mode: RequestedMode.Online)],
            [Coach("a@example.test", "Ada Obi"), Coach("b@example.test", "Bea Cole", online: false, inPerson: true, regions: ["E12000001"], characteristics: [Characteristics.Disabled])]));
        var reasons = Assert.Single(result.Unmatched).Reasons;
        Assert.Contains("Would match them: asking for disabled as 'would like' rather than 'must' (Ada Obi could then coach them).", reasons);
        Assert.Contains("Would match them: accepting in-person coaching (Bea Cole could then coach them).", reasons);
    }

    [Fact]
    public void Solve_NoCoaches_LeavesEveryoneUnmatched()
    {
        var result = CoachMatcher.Solve(new MatchingProblem([Request()], []));
        Assert.Equal(["There are no coaches in the round."], Assert.Single(result.Unmatched).Reasons);
    }

    [Fact]
    public void Solve_MatchesBruteForceOnSmallRandomPools()
    {
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed * 7919);
            var problem = RandomPools.Make(seed, random.Next(1, 7), random.Next(1, 5), 2);
            var (count, score, tie) = BruteForce(problem);
            var result = CoachMatcher.Solve(problem);
            Assert.True(count == result.Matched, $"seed {seed}: matched {result.Matched}, brute force {count}");
            Assert.True(score == result.TotalScore, $"seed {seed}: score {result.TotalScore}, brute force {score}");
            Assert.True(tie == TieSum(problem, result), $"seed {seed}: tie-break sum {TieSum(problem, result)}, brute force {tie}");
            AssertFeasible(problem, result);
        }
    }

    [Fact]
    public void Solve_MatchesCpSatOnLargerRandomPools()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var problem = RandomPools.Make(1000 + seed, 60 + seed * 5, 25 + seed, 3);
            var (count, score) = CpSat(problem);
            var result = CoachMatcher.Solve(problem);
            Assert.True(count == result.Matched, $"seed {seed}: matched {result.Matched}, CP-SAT {count}");
            Assert.True(score == result.TotalScore, $"seed {seed}: score {result.TotalScore}, CP-SAT {score}");
            AssertFeasible(problem, result);
        }
    }

    [Fact]
    public void Solve_IsTheSameWhateverTheInputOrder()
    {
        var problem = RandomPools.Make(77, 40, 15, 3);
        var shuffled = problem with { Requests = [.. problem.Requests.Reverse()], Coaches = [.. problem.Coaches.Reverse()] };
        Assert.Equal(
            CoachMatcher.Solve(problem).Pairs.Select(p => (p.Participant, p.Coach)),
            CoachMatcher.Solve(shuffled).Pairs.Select(p => (p.Participant, p.Coach)));
    }

    [Fact]
    public void Solve_InTwoStages_MatchesBruteForceOnSmallRandomPools()
    {
        for (var seed = 1; seed <= 400; seed++)
        {
            var random = new Random(seed * 7919);
            var problem = RandomPools.Make(seed, random.Next(1, 7), random.Next(1, 5), 2);
            if (seed % 2 == 0) problem = problem with { Weights = new MatchingWeights(MatchingWeights.Max, MatchingWeights.Max, MatchingWeights.Max) };
            var (count, score, tie) = BruteForce(problem);
            var result = CoachMatcher.Solve(problem, staged: true);
            Assert.True(count == result.Matched, $"seed {seed}: matched {result.Matched}, brute force {count}");
            Assert.True(score == result.TotalScore, $"seed {seed}: score {result.TotalScore}, brute force {score}");
            Assert.True(tie == TieSum(problem, result), $"seed {seed}: tie-break sum {TieSum(problem, result)}, brute force {tie}");
            AssertFeasible(problem, result);
        }
    }

    [Fact]
    public void Solve_InTwoStages_GivesTheOneStageOptimumOnLargerRandomPools()
    {
        for (var seed = 1; seed <= 12; seed++)
        {
            var problem = RandomPools.Make(2000 + seed, 60 + seed * 5, 25 + seed, 3);
            var oneStage = CoachMatcher.Solve(problem);
            var twoStages = CoachMatcher.Solve(problem, staged: true);
            Assert.Equal(oneStage.Matched, twoStages.Matched);
            Assert.Equal(oneStage.TotalScore, twoStages.TotalScore);
            Assert.Equal(TieSum(problem, oneStage), TieSum(problem, twoStages));
            AssertFeasible(problem, twoStages);
        }
    }

    [Theory]
    [InlineData(2_000, 500, 4)]
    [InlineData(5_000, 500, 10)]
    public void Solve_AtTheReportedSizesWithTheLargestWeights_MatchesEveryone(int participants, int coaches, int capacity)
    {
        // Five regions, each with a fifth of the participants and a fifth of the coaches: exactly enough places.
        var weights = new MatchingWeights(MatchingWeights.Max, MatchingWeights.Max, MatchingWeights.Max);
        var regions = Enumerable.Range(1, 5).Select(r => $"E1200000{r}").ToArray();
        var characteristics = Characteristics.Standard.ToArray();
        var coachList = Enumerable.Range(0, coaches).Select(j => Coach(
            $"c{j:0000}@example.test", $"Coach {j}", capacity, online: false, inPerson: true, regions: [regions[j % 5]],
            characteristics: [.. characteristics.Where((_, k) => (j >> k) % 2 == 0)], kinds: [(AuthorityKind)(j % 4)])).ToList();
        var requests = Enumerable.Range(0, participants).Select(i => Request(
            $"p{i:0000}@example.test", wouldLike: characteristics, kind: (AuthorityKind)(i % 4), mode: RequestedMode.InPerson, region: regions[i % 5])).ToList();
        var problem = new MatchingProblem(requests, coachList, weights);

        var result = CoachMatcher.Solve(problem);

        Assert.Equal(participants, result.Matched);
        Assert.Empty(result.Unmatched);
        AssertFeasible(problem, result);
        // Every place is filled, so each coach scores their shared characteristics and in person on every place; the
        // optimum then gives as many participants as it can a coach of the kind of authority they asked for, region by region.
        var kindMatches = Enumerable.Range(0, 5).Sum(r => Enumerable.Range(0, 4).Sum(k => Math.Min(
            requests.Where((_, i) => i % 5 == r && i % 4 == k).Count(),
            coachList.Where((_, j) => j % 5 == r && j % 4 == k).Count() * capacity)));
        var expected = coachList.Sum(c => capacity * (c.Characteristics.Count * weights.WouldLike + weights.InPerson)) + kindMatches * weights.AuthorityKind;
        Assert.Equal(expected, result.TotalScore);
    }

    [Fact]
    public void Solve_TooManyRequests_SaysSo()
    {
        var requests = Enumerable.Range(0, MatchingProblem.MaxRequests + 1).Select(i => Request($"p{i}@example.test")).ToList();
        var error = Assert.Throws<ArgumentException>(() => CoachMatcher.Solve(new MatchingProblem(requests, [Coach()])));
        Assert.StartsWith("A matching round can have at most 5,000 requests; this one has 5,001.", error.Message, StringComparison.Ordinal);
    }

    private static void AssertFeasible(MatchingProblem problem, MatchingResult result)
    {
        var coaches = problem.Coaches.ToDictionary(c => c.Key);
        var requests = problem.Requests.ToDictionary(r => r.Key);
        foreach (var pair in result.Pairs) Assert.True(PairRules.IsAllowed(requests[pair.Participant], coaches[pair.Coach]));
        foreach (var group in result.Pairs.GroupBy(p => p.Coach)) Assert.True(group.Count() <= coaches[group.Key].FreePlaces);
        Assert.Equal(problem.Requests.Count, result.Pairs.Count + result.Unmatched.Count);
    }

    private static long TieSum(MatchingProblem problem, MatchingResult result)
    {
        var i = problem.Requests.Select((r, k) => (r.Key, k)).ToDictionary(x => x.Key, x => x.k);
        var j = problem.Coaches.Select((c, k) => (c.Key, k)).ToDictionary(x => x.Key, x => x.k);
        return result.Pairs.Sum(p => (long)i[p.Participant] * problem.Coaches.Count + j[p.Coach]);
    }

    /// <summary>Every assignment enumerated: the best (count, score) and, among those, the smallest tie-break sum.</summary>
    private static (int Count, int Score, long Tie) BruteForce(MatchingProblem problem)
    {
        var requests = problem.Requests;
        var coaches = problem.Coaches;
        var left = coaches.Select(c => c.FreePlaces).ToArray();
        (int Count, int Score, long Tie) best = (0, 0, 0);
        Walk(0, 0, 0, 0);
        return best;

        void Walk(int i, int count, int score, long tie)
        {
            if (i == requests.Count)
            {
                if (count > best.Count || (count == best.Count && (score > best.Score || (score == best.Score && tie < best.Tie))))
                {
                    best = (count, score, tie);
                }

                return;
            }

            Walk(i + 1, count, score, tie);
            for (var j = 0; j < coaches.Count; j++)
            {
                if (left[j] == 0 || !PairRules.IsAllowed(requests[i], coaches[j])) continue;
                left[j]--;
                Walk(i + 1, count + 1, score + PairScore.Of(requests[i], coaches[j], problem.Weights).Total, tie + ((long)i * coaches.Count) + j);
                left[j]++;
            }
        }
    }

    /// <summary>A second formulation: a 0-1 programme solved by CP-SAT, maximising matches then score.</summary>
    private static (int Count, int Score) CpSat(MatchingProblem problem)
    {
        var model = new CpModel();
        var vars = new List<(int I, int J, BoolVar X, int Score)>();
        for (var i = 0; i < problem.Requests.Count; i++)
        {
            for (var j = 0; j < problem.Coaches.Count; j++)
            {
                if (!PairRules.IsAllowed(problem.Requests[i], problem.Coaches[j])) continue;
                vars.Add((i, j, model.NewBoolVar($"x{i}_{j}"), PairScore.Of(problem.Requests[i], problem.Coaches[j], problem.Weights).Total));
            }
        }

        foreach (var group in vars.GroupBy(v => v.I)) model.AddAtMostOne(group.Select(v => (ILiteral)v.X));
        foreach (var group in vars.GroupBy(v => v.J)) model.Add(LinearExpr.Sum(group.Select(v => v.X)) <= problem.Coaches[group.Key].FreePlaces);
        var big = (long)problem.Requests.Count * 1000 + 1;
        model.Maximize(LinearExpr.WeightedSum(vars.Select(v => v.X), vars.Select(v => big + v.Score)));
        var solver = new CpSolver();
        var status = solver.Solve(model);
        Assert.Equal(CpSolverStatus.Optimal, status);
        var chosen = vars.Where(v => solver.BooleanValue(v.X)).ToList();
        return (chosen.Count, chosen.Sum(v => v.Score));
    }
}
