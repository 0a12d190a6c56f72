using Upon.Core.Disclosure;

namespace Upon.Core.Tests.Disclosure;

public class DisclosureRuleTests
{
    private static readonly DisclosureRule Rule = new();

    [Fact]
    public void DefaultThreshold_IsFive()
    {
        Assert.Equal(5, DisclosureRule.DefaultThreshold);
        Assert.Equal(5, Rule.Threshold);
        Assert.True(Rule.SuppressesAnything);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Threshold_BelowOne_IsRefused(int threshold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureRule(threshold));

    [Theory]
    [InlineData(0, false)] // zero is shown
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(4, true)] // threshold - 1
    [InlineData(5, false)] // the threshold
    [InlineData(6, false)]
    [InlineData(1000, false)]
    public void Count_FromOneToFour_IsSuppressed(int count, bool suppressed)
    {
        var disclosed = Rule.Count(count);

        Assert.Equal(suppressed, disclosed.IsSuppressed);
        Assert.Equal(suppressed, Rule.IsSmall(count));
        if (!suppressed)
        {
            Assert.Equal(count, disclosed.Value);
        }
    }

    [Fact]
    public void Count_Negative_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => Rule.Count(-1));

    [Theory]
    [InlineData(10, 9, true)]
    [InlineData(10, 10, false)]
    [InlineData(2, 1, true)]
    [InlineData(2, 2, false)]
    public void Count_OtherThresholds(int threshold, int count, bool suppressed) =>
        Assert.Equal(suppressed, new DisclosureRule(threshold).Count(count).IsSuppressed);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(100)]
    public void None_SuppressesNothing(int count)
    {
        Assert.Equal(1, DisclosureRule.None.Threshold);
        Assert.False(DisclosureRule.None.SuppressesAnything);
        Assert.Equal(Disclosed.Shown(count), DisclosureRule.None.Count(count));
        Assert.False(DisclosureRule.None.Rate(0.5, DisclosureRule.None.Count(count), 1).IsSuppressed);
    }

    [Fact]
    public void Rate_OverASuppressedCount_IsSuppressed() =>
        Assert.True(Rule.Rate(3.0 / 153, Rule.Count(3), 153).IsSuppressed);

    [Fact]
    public void Rate_OverAShownCount_IsShown() =>
        Assert.Equal(Disclosed.Shown(0.0327), Rule.Rate(0.0327, Rule.Count(5), 153));

    [Fact]
    public void Rate_OfZero_IsShown() =>
        Assert.Equal(Disclosed.Shown(0.0), Rule.Rate(0, Rule.Count(0), 153));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Rate_OverASmallDenominator_IsSuppressed(int denominator) =>
        Assert.True(Rule.Rate(0, Rule.Count(0), denominator).IsSuppressed);

    [Fact]
    public void Rate_OverNothing_IsShown() =>
        Assert.Equal(Disclosed.Shown(0.0), Rule.Rate(0, Rule.Count(0), 0));

    [Fact]
    public void Rate_OverASecondarilySuppressedCount_IsSuppressed()
    {
        var parts = Rule.Breakdown(20, [2, 18]).Parts;

        Assert.True(parts[1].IsSuppressed);
        Assert.True(Rule.Rate(0.9, parts[1], 20).IsSuppressed);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void OverGroup_SmallGroup_IsSuppressed(int groupSize, bool suppressed) =>
        Assert.Equal(suppressed, Rule.OverGroup(24.16, groupSize).IsSuppressed);

    [Fact]
    public void OverGroup_EmptyGroupWithNoValue_IsShownAsNull() =>
        Assert.Equal(Disclosed.Shown<double?>(null), Rule.OverGroup<double?>(null, 0));

    [Fact]
    public void DerivedFrom_AnySuppressedSource_IsSuppressed()
    {
        Assert.True(DisclosureRule.DerivedFrom(2, Rule.Count(10), Rule.Count(3), Rule.Count(0)).IsSuppressed);
        Assert.Equal(Disclosed.Shown(2), DisclosureRule.DerivedFrom(2, Rule.Count(10), Rule.Count(0)));
        Assert.Equal(Disclosed.Shown(2), DisclosureRule.DerivedFrom(2));
    }

    [Fact]
    public void IsGivenBy_ACountTakingInNoSuppressedPart_OrAllOfThemWithTheTotalShown()
    {
        // A breakdown 6 + 2 + 7 (total 15): the 2 is suppressed, and the 6 with it (the 2 alone would be 15 - 6 - 7).
        PartsCounted Counting(params int[] counted) => new([6, 2, 7], counted);
        Assert.True(Rule.IsGivenBy([Counting(2)]), "the 7 is shown");
        Assert.True(Rule.IsGivenBy([Counting()]), "nothing counted");
        Assert.True(Rule.IsGivenBy([Counting(0, 1)]), "both suppressed parts: 15 less the 7 shown");
        Assert.True(Rule.IsGivenBy([Counting(0, 1, 2)]), "the total");
        Assert.False(Rule.IsGivenBy([Counting(1)]), "the 2 would be given away");
        Assert.False(Rule.IsGivenBy([Counting(0)]), "the 6, and so the 2");
        Assert.False(Rule.IsGivenBy([Counting(1, 2)]), "9 less the 7 shown is the 2");
        // Every breakdown must give its share: one that does not spoils the sum.
        Assert.False(Rule.IsGivenBy([Counting(2), Counting(1)]));
        // A suppressed total gives nothing of its suppressed parts, even all of them.
        Assert.False(Rule.IsGivenBy([new PartsCounted([1, 2], [0, 1])]));
        Assert.True(Rule.IsGivenBy([new PartsCounted([1, 2, 0], [2])]), "a zero part is shown");
        // Staff see every part.
        Assert.True(DisclosureRule.None.IsGivenBy([Counting(1)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rule.IsGivenBy([Counting(3)]));
    }
}
