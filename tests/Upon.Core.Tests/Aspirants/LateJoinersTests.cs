using Upon.Core.Aspirants;

namespace Upon.Core.Tests.Aspirants;

/// <summary>Placing someone who accepted after the sets were published: the smallest set that keeps the rules, else the smallest set, flagged.</summary>
public sealed class LateJoinersTests
{
    [Fact]
    public void TheSmallestSetThatKeepsTheRules_SkippingOneWithTheirAuthority()
    {
        IReadOnlyList<IReadOnlyList<string?>> sets =
        [
            ["801", "802", "803", "804", "805", "806"],
            ["811", "812", "813", "814", "815"],
            ["821", "822", "823", "824", "825"],
        ];
        // Sets 2 and 3 are the smallest; set 2 has someone from 812, so set 3.
        Assert.Equal(new LatePlacement(2, true), LateJoiners.Place(sets, "812"));
        // Otherwise the earlier of the smallest.
        Assert.Equal(new LatePlacement(1, true), LateJoiners.Place(sets, "900"));
        // Another employer shares an authority with nobody.
        Assert.Equal(new LatePlacement(1, true), LateJoiners.Place(sets, null));
    }

    [Fact]
    public void WhenNoSetFits_TheSmallestSet_Flagged()
    {
        IReadOnlyList<IReadOnlyList<string?>> sets =
        [
            ["801", "802", "803", "804", "805", "806"],
            ["811", "812", "813", "814", "815"],
            ["821", "812", "823", "824", "825", "826"],
        ];
        // Set 1 and set 3 are full, set 2 has someone from 812: to set 2, the smallest, breaking the authority rule.
        Assert.Equal(new LatePlacement(1, false), LateJoiners.Place(sets, "812"));
        // All full: the earliest, breaking the size rule.
        Assert.Equal(new LatePlacement(0, false), LateJoiners.Place([["1", "2", "3", "4", "5", "6"], ["7", "8", "9", "10", "11", "12"]], "99"));
        Assert.Null(LateJoiners.Place([], "99"));
    }
}
