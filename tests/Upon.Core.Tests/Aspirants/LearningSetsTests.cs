using Upon.Core.Aspirants;
using Xunit;

namespace Upon.Core.Tests.Aspirants;

public class LearningSetsTests
{
    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 1)]
    [InlineData(6, 1)]
    [InlineData(7, null)]
    [InlineData(9, null)]
    [InlineData(10, 2)]
    [InlineData(12, 2)]
    [InlineData(13, null)]
    [InlineData(14, null)]
    [InlineData(15, 3)]
    [InlineData(19, null)]
    [InlineData(20, 4)]
    [InlineData(25, 5)]
    [InlineData(31, 6)]
    public void SetCount_IsTheFewestSetsOfFiveOrSix(int members, int? sets) => Assert.Equal(sets, LearningSets.SetCount(members));

    [Fact]
    public void Form_TwentyFour_MakesFourSetsOfSix_NoAuthorityTwice_RegionsMixed_AndBalanced()
    {
        // 24 people: 12 women and 12 men, 8 of the global majority, two from each of 12 authorities, four regions of
        // three authorities each, two kinds of authority.
        var members = Enumerable.Range(0, 24).Select(i => new SetMember(
            i + 1,
            AuthorityCode: $"A{i / 2}",
            RegionCode: $"R{i / 6}",
            Sex: i % 2 == 0 ? "female" : "male",
            GlobalMajority: i % 3 == 0,
            AuthorityKind: i % 4 < 2 ? "county" : "unitary")).ToList();

        var plan = LearningSets.Form(members);

        Assert.Equal(4, plan.Sets.Count);
        Assert.All(plan.Sets, s => Assert.Equal(6, s.Count));
        Assert.Equal(Enumerable.Range(1, 24), plan.Sets.SelectMany(s => s).Order());
        var byId = members.ToDictionary(m => m.Id);
        var sets = plan.Sets.Select(s => (IReadOnlyList<SetMember>)[.. s.Select(id => byId[id])]).ToList();
        Assert.Empty(LearningSets.Problems(sets));
        foreach (var set in sets)
        {
            // A perfect balance exists here and the solver finds it: 3 women, 2 of the global majority, 3 of each kind,
            // and at most two from one region (six people per region over four sets).
            Assert.Equal(3, set.Count(m => m.Sex == "female"));
            Assert.Equal(2, set.Count(m => m.GlobalMajority == true));
            Assert.Equal(3, set.Count(m => m.AuthorityKind == "county"));
            Assert.True(set.GroupBy(m => m.RegionCode).Max(g => g.Count()) <= 2);
        }
    }

    [Fact]
    public void Form_ElevenPeople_MakesSetsOfFiveAndSix()
    {
        var members = Enumerable.Range(1, 11).Select(i => new SetMember(i, $"A{i}", "R1", null, null, null)).ToList();
        var plan = LearningSets.Form(members);
        Assert.Equal([5, 6], plan.Sets.Select(s => s.Count).Order());
    }

    [Fact]
    public void Form_PeopleFromOneAuthorityBeyondTheSets_IsRefused_NamingTheAuthority()
    {
        var members = Enumerable.Range(1, 10).Select(i => new SetMember(i, i <= 3 ? "805" : $"A{i}", null, null, null, null)).ToList();
        var e = Assert.Throws<LearningSetException>(() => LearningSets.Form(members));
        Assert.Contains("805", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_ANumberThatCannotBeDivided_IsRefused()
    {
        var members = Enumerable.Range(1, 8).Select(i => new SetMember(i, null, null, null, null, null)).ToList();
        Assert.Equal("8 people cannot be divided into sets of five or six.", Assert.Throws<LearningSetException>(() => LearningSets.Form(members)).Message);
    }

    [Fact]
    public void Problems_NameTheSetAndTheRuleBroken()
    {
        var a = new SetMember(1, "805", null, null, null, null);
        var b = new SetMember(2, "805", null, null, null, null);
        var others = Enumerable.Range(3, 4).Select(i => new SetMember(i, $"A{i}", null, null, null, null)).ToList();
        Assert.Equal(
            ["Set 1 has 2 members from authority 805: no two members of a set may be from the same authority", "Set 2 has 4 members: a set has five or six"],
            LearningSets.Problems([[a, b, .. others.Take(3)], [.. others]]));
    }

    [Fact]
    public void Imbalance_IsTheLargestGapFromTheCohortsShare()
    {
        // A cohort of ten: four women, five men, one not known. A set of five with one woman and four men: women
        // |1 - 4/10 x 5| = 1, men |4 - 5/10 x 5| = 1.5; the largest is 1.5.
        var cohort = Enumerable.Range(0, 10).Select(i => new SetMember(i, null, null, i < 4 ? "female" : i < 9 ? "male" : null, null, null)).ToList();
        var set = new[] { cohort[0], cohort[4], cohort[5], cohort[6], cohort[7] };
        Assert.Equal(1.5, LearningSets.Imbalance(set, cohort, m => m.Sex), 10);
        // Two women, two men and the one not known: women |2 - 2| = 0, men |2 - 2.5| = 0.5.
        Assert.Equal(0.5, LearningSets.Imbalance([cohort[0], cohort[1], cohort[4], cohort[5], cohort[9]], cohort, m => m.Sex), 10);
        // Nobody with a value: nothing to balance.
        Assert.Equal(0, LearningSets.Imbalance(set, cohort, m => m.AuthorityKind));
    }
}
