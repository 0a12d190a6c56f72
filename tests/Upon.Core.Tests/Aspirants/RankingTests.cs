using Upon.Core.Aspirants;

namespace Upon.Core.Tests.Aspirants;

public class RankingTests
{
    [Fact]
    public void Rank_HighestIsOne_EqualScoresShareARank()
    {
        var ranked = Ranking.Rank([("a", 3.0), ("b", 4.5), ("c", 3.0), ("d", 2.0)]).ToDictionary(r => r.Key);
        Assert.Equal(1, ranked["b"].Rank);
        Assert.Equal(2, ranked["a"].Rank);
        Assert.Equal(2, ranked["c"].Rank);
        Assert.Equal(4, ranked["d"].Rank);
        Assert.True(ranked["a"].Tied);
        Assert.True(ranked["c"].Tied);
        Assert.False(ranked["b"].Tied);
        Assert.False(ranked["d"].Tied);
    }

    [Fact]
    public void Rank_FloatingPointNoise_DoesNotSplitATie()
    {
        var ranked = Ranking.Rank([("a", 0.1 + 0.2), ("b", 0.3)]);
        Assert.All(ranked, r => Assert.Equal(1, r.Rank));
        Assert.All(ranked, r => Assert.True(r.Tied));
    }

    [Fact]
    public void Rank_NoScores_IsEmpty() => Assert.Empty(Ranking.Rank([]));
}

public class DisagreementTests
{
    [Fact]
    public void Range_IsScaleWidthTimesSumOfWeights() => Assert.Equal(16m, ReviewTotals.Range(1, 5, [1m, 1m, 2m]));

    [Fact]
    public void Total_IsTheWeightedSum() => Assert.Equal(3 * 1 + 4 * 1 + 5 * 2m, ReviewTotals.Of([new(1, 3), new(1, 4), new(2, 5)]));

    [Theory]
    [InlineData(4, false)] // exactly a third of 12: not more
    [InlineData(5, true)]
    [InlineData(0, false)]
    public void IsFlagged_IsStrictlyMoreThanAThirdOfTheRange(int difference, bool flagged)
    {
        // Three criteria of weight 1 on 1 to 5: the range of a total is 4 × 3 = 12; a third is 4.
        var range = ReviewTotals.Range(1, 5, [1m, 1m, 1m]);
        Assert.Equal(flagged, Disagreement.IsFlagged([6m, 6m + difference], range));
    }

    [Fact]
    public void IsFlagged_AnyTwoReviews_FarthestApart()
    {
        Assert.True(Disagreement.IsFlagged([6m, 8m, 11m], 12m));
        Assert.False(Disagreement.IsFlagged([9m], 12m));
    }

    [Fact]
    public void IsFlagged_ThirdOfAFractionalRange_IsNotRounded()
    {
        // Range 16 (weights 1, 1, 2): a third is 5.333…; 5 is not more, 6 is.
        Assert.False(Disagreement.IsFlagged([5m, 10m], 16m));
        Assert.True(Disagreement.IsFlagged([5m, 11m], 16m));
    }
}

public class RelativeLikelihoodTests
{
    [Fact]
    public void Of_WorkedExample()
    {
        // White: 10 of 40 selected (0.25); global majority: 4 of 20 (0.2). 0.25 / 0.2 = 1.25.
        Assert.Equal(1.25, RelativeLikelihood.Of(10, 40, 4, 20)!.Value, 12);
    }

    [Fact]
    public void Of_NoGlobalMajorityAtStage_IsNull() => Assert.Null(RelativeLikelihood.Of(10, 40, 0, 20));

    [Fact]
    public void Of_NobodyApplied_IsNull()
    {
        Assert.Null(RelativeLikelihood.Of(0, 0, 4, 20));
        Assert.Null(RelativeLikelihood.Of(10, 40, 0, 0));
    }

    [Fact]
    public void Of_NoWhiteAtStage_IsZero() => Assert.Equal(0, RelativeLikelihood.Of(0, 40, 4, 20));
}

public class EligibilityTests
{
    private static readonly EligibilityRules Rules = new(3, 2, true);

    [Fact]
    public void Evaluate_AllMet_IsEligible()
    {
        var result = Eligibility.Evaluate(Rules, new(3, 2, true));
        Assert.True(result.Eligible);
        Assert.Equal(3, result.Checks.Count);
    }

    [Theory]
    [InlineData(2.5, 1, true, "Only 2.5 years in a senior role")]
    [InlineData(5, 3, true, "3 tiers below the director")]
    [InlineData(5, 1, false, "The director did not endorse the application")]
    [InlineData(5, 1, null, "No endorsement yet")]
    public void Evaluate_RuleNotMet_SaysWhy(double years, int tiers, bool? endorsed, string reason)
    {
        var result = Eligibility.Evaluate(Rules, new((decimal)years, tiers, endorsed));
        Assert.False(result.Eligible);
        Assert.Contains(result.Checks, c => !c.Met && c.Reason == reason);
    }

    [Fact]
    public void Evaluate_NoRules_IsEligible() => Assert.True(Eligibility.Evaluate(new(null, null, false), new(null, null, null)).Eligible);

    [Fact]
    public void Decide_OverrideWinsThenImportThenRules()
    {
        var notEligible = Eligibility.Evaluate(Rules, new(1, 1, true));
        Assert.True(Eligibility.Decide(true, false, notEligible));
        Assert.True(Eligibility.Decide(null, true, notEligible));
        Assert.False(Eligibility.Decide(null, null, notEligible));
    }
}

public class ReviewerAssignmentTests
{
    private static List<ApplicationToAssign> Apps(int count, int needed = 2) =>
        [.. Enumerable.Range(1, count).Select(i => new ApplicationToAssign($"a{i}", needed))];

    [Fact]
    public void Assign_SpreadsTheLoadEvenly()
    {
        var result = ReviewerAssignment.Assign(Apps(6), [new("r1", 0), new("r2", 0), new("r3", 0)], []);
        Assert.Equal(12, result.Pairs.Count);
        Assert.All(result.Pairs.GroupBy(p => p.Reviewer), g => Assert.Equal(4, g.Count()));
        Assert.All(result.Pairs.GroupBy(p => p.Application), g => Assert.Equal(2, g.Select(p => p.Reviewer).Distinct().Count()));
        Assert.Empty(result.Missing);
    }

    [Fact]
    public void Assign_NeverAssignsAConflict()
    {
        var excluded = new[] { new ExcludedPair("a1", "r1"), new ExcludedPair("a2", "r1"), new ExcludedPair("a3", "r2") };
        var result = ReviewerAssignment.Assign(Apps(6), [new("r1", 0), new("r2", 0), new("r3", 0)], excluded);
        Assert.DoesNotContain(result.Pairs, excluded.Contains);
        Assert.Equal(12, result.Pairs.Count);
        Assert.All(result.Pairs.GroupBy(p => p.Reviewer), g => Assert.Equal(4, g.Count()));
    }

    [Fact]
    public void Assign_CountsTheLoadAlreadyHeld()
    {
        var result = ReviewerAssignment.Assign(Apps(4, needed: 1), [new("r1", 4), new("r2", 0), new("r3", 0)], []);
        Assert.DoesNotContain(result.Pairs, p => p.Reviewer == "r1");
        Assert.All(result.Pairs.GroupBy(p => p.Reviewer), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public void Assign_TooFewFreeReviewers_SaysWhatIsMissing()
    {
        var result = ReviewerAssignment.Assign(Apps(1), [new("r1", 0), new("r2", 0)], [new ExcludedPair("a1", "r2")]);
        Assert.Equal([new ExcludedPair("a1", "r1")], result.Pairs);
        Assert.Equal(1, result.Missing["a1"]);
    }
}
