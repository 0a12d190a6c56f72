using Upon.Core.Disclosure;
using Upon.Core.Equality;
using Upon.Core.Impact;

namespace Upon.Core.Tests.Impact;

/// <summary>
/// The major ethnic groups of one group of people, disclosed together: a hidden group can never be worked out from the
/// shares shown and the number who answered, on the equality page or in the return.
/// </summary>
public sealed class EthnicGroupCountsTests
{
    private static readonly DisclosureRule Rule = new();
    private const string Black = "Black / African / Caribbean / Black British";

    private static EthnicGroupCounts Counts(params (string Group, int Count)[] groups) =>
        EthnicGroupCounts.Of(groups.SelectMany(g => Enumerable.Repeat(g.Group, g.Count)));

    private static string Major(string start) => Ethnicity.MajorGroups.Single(g => g.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void ASmallGroup_IsSuppressed_AndSoIsTheSmallestGroupShown_SoThatTheSharesShownCannotGiveItAway()
    {
        // 20 answered: White 13, Black 5, Mixed 2. Shown on their own, 65% and 25% would leave Mixed at 10%: 2 people.
        var counts = Counts((Ethnicity.White, 13), (Black, 5), (Major("Mixed"), 2));
        Assert.Equal(20, counts.Answered);
        Assert.True(counts.Disclose(Rule, Major("Mixed")).IsSuppressed);
        Assert.True(counts.Disclose(Rule, Black).IsSuppressed);
        Assert.Equal(13, counts.Disclose(Rule, Ethnicity.White).Value);
        Assert.Equal(0, counts.Disclose(Rule, Major("Asian")).Value);
        Assert.Equal(0, counts.Disclose(Rule, Major("Other")).Value);
    }

    [Fact]
    public void GroupsThatAreNoneOfThemSmall_AreAllShown()
    {
        var counts = Counts((Ethnicity.White, 10), (Black, 5), (Major("Asian"), 5));
        Assert.All(Ethnicity.MajorGroups, g => Assert.False(counts.Disclose(Rule, g).IsSuppressed));
    }

    [Fact]
    public void AnAnswerInNoMajorGroup_CountsAsAHiddenPart()
    {
        // Two answers outside the major groups: only the others are published, so the smallest of those goes with them.
        var counts = EthnicGroupCounts.Of([.. Enumerable.Repeat(Ethnicity.White, 10), .. Enumerable.Repeat(Black, 6), "", "unknown"]);
        Assert.Equal(18, counts.Answered);
        Assert.Equal(2, counts.Parts[^1]);
        Assert.True(counts.Disclose(Rule, Black).IsSuppressed);
        Assert.Equal(10, counts.Disclose(Rule, Ethnicity.White).Value);
    }

    [Fact]
    public void ForStaff_NothingIsSuppressed()
    {
        var counts = Counts((Ethnicity.White, 13), (Black, 5), (Major("Mixed"), 2));
        Assert.All(Ethnicity.MajorGroups, g => Assert.Equal(counts.Count(g), counts.Disclose(DisclosureRule.None, g).Value));
    }

    [Fact]
    public void AGroupThatIsNotAMajorGroup_IsAnError()
    {
        var counts = Counts((Ethnicity.White, 1));
        Assert.Throws<ArgumentException>(() => counts.Count("Martian"));
        Assert.Throws<ArgumentException>(() => counts.Disclose(Rule, ""));
    }

    [Fact]
    public void TheReturnsShareOfAGroup_IsSuppressedWhereTheBreakdownSuppressesIt()
    {
        var counts = Counts((Ethnicity.White, 13), (Black, 5), (Major("Mixed"), 2));
        var share = new ReturnFigureDefinition("participantsBlackShare", "Black", ReturnUnit.Share, "d");
        var period = ReturnPeriod.OfYear(new Upon.Core.Register.FinancialYear(2025));
        Disclosed<double?> Disclose(string group, DisclosureRule rule) => ReturnDisclosure.Disclose(rule, share, period,
            _ => ReturnMeasure.ShareOfParts(counts.Parts, EthnicGroupCounts.Index(group)), (_, _) => throw new InvalidOperationException());
        // Black's 5 of 20 would pass on its own (5 with, 15 without); beside White's share it would give Mixed's 2 away.
        Assert.True(Disclose(Black, Rule).IsSuppressed);
        Assert.Equal(0.65, Disclose(Ethnicity.White, Rule).Value!.Value, 6);
        Assert.Equal(0.25, Disclose(Black, DisclosureRule.None).Value!.Value, 6);
    }
}
