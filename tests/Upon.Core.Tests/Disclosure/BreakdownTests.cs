using Upon.Core.Disclosure;

namespace Upon.Core.Tests.Disclosure;

/// <summary>Secondary suppression: a total published with its parts.</summary>
public class BreakdownTests
{
    private static readonly DisclosureRule Rule = new();

    /// <summary>The parts as they would be printed: "c" for each suppressed one.</summary>
    private static string[] Printed(DisclosedBreakdown breakdown) => [.. breakdown.Parts.Select(p => p.ToString())];

    [Fact]
    public void NoSmallPart_ShowsEverything()
    {
        var breakdown = Rule.Breakdown(30, [10, 5, 15]);

        Assert.Equal(Disclosed.Shown(30), breakdown.Total);
        Assert.Equal(["10", "5", "15"], Printed(breakdown));
    }

    [Fact]
    public void OneSmallPart_SuppressesTheNextSmallestToo()
    {
        // 30 - 12 - 8 would give the 3 away; with the 7 hidden as well, all anyone knows is that they add up to 10.
        var breakdown = Rule.Breakdown(30, [3, 12, 7, 8]);

        Assert.Equal(Disclosed.Shown(30), breakdown.Total);
        Assert.Equal(["c", "12", "c", "8"], Printed(breakdown));
    }

    [Fact]
    public void Ties_SuppressTheFirstOfEqualParts()
    {
        Assert.Equal(["c", "c", "11"], Printed(Rule.Breakdown(24, [2, 11, 11])));
        Assert.Equal(["20", "c", "c", "9"], Printed(Rule.Breakdown(41, [20, 9, 3, 9])));
    }

    [Fact]
    public void Zero_IsNeverTheNextSmallest()
    {
        // Hiding the 0 would leave the suppressed parts adding up to 2.
        Assert.Equal(["c", "0", "9", "c"], Printed(Rule.Breakdown(17, [2, 0, 9, 6])));
    }

    [Fact]
    public void SmallPartsAddingUpToASmallNumber_SuppressTheNextSmallestToo()
    {
        // 1 and 2 are both suppressed, but 53 - 20 - 30 = 3 would tell anyone they are 1 and 2.
        Assert.Equal(["c", "c", "c", "30"], Printed(Rule.Breakdown(53, [1, 2, 20, 30])));
    }

    [Fact]
    public void SmallPartsAddingUpToTheThreshold_AreEnough()
    {
        Assert.Equal(["c", "c", "20"], Printed(Rule.Breakdown(25, [1, 4, 20])));
    }

    [Fact]
    public void TwoParts_OneSmall_SuppressesBoth()
    {
        var breakdown = Rule.Breakdown(153, [150, 3]);

        Assert.Equal(Disclosed.Shown(153), breakdown.Total);
        Assert.Equal(["c", "c"], Printed(breakdown));
    }

    [Fact]
    public void SmallTotal_IsSuppressedWithItsSmallParts()
    {
        var breakdown = Rule.Breakdown(4, [1, 3, 0]);

        Assert.True(breakdown.Total.IsSuppressed);
        Assert.Equal(["c", "c", "0"], Printed(breakdown)); // nothing to subtract from
    }

    [Fact]
    public void ZeroTotal_ShowsItsZeros()
    {
        var breakdown = Rule.Breakdown(0, [0, 0]);

        Assert.Equal(Disclosed.Shown(0), breakdown.Total);
        Assert.Equal(["0", "0"], Printed(breakdown));
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void OnePart_IsTheTotal(int total, bool suppressed)
    {
        var breakdown = Rule.Breakdown(total, [total]);

        Assert.Equal(suppressed, breakdown.Total.IsSuppressed);
        Assert.Equal(suppressed, breakdown.Parts[0].IsSuppressed);
    }

    [Fact]
    public void NoParts_IsJustTheTotal()
    {
        Assert.Equal(Disclosed.Shown(0), Rule.Breakdown(0, []).Total);
        Assert.Empty(Rule.Breakdown(0, []).Parts);
    }

    [Fact]
    public void HigherThreshold_KeepsGoingUntilTheSuppressedSumIsLargeEnough()
    {
        // Threshold 10: 1, 2 and 3 are small and add up to 6; the 20 makes it 26.
        Assert.Equal(["c", "c", "c", "c", "40"], Printed(new DisclosureRule(10).Breakdown(66, [1, 2, 3, 20, 40])));
    }

    [Fact]
    public void ThresholdOne_SuppressesNothing() =>
        Assert.Equal(["1", "2", "0"], Printed(DisclosureRule.None.Breakdown(3, [1, 2, 0])));

    [Fact]
    public void PartsNotAddingUpToTheTotal_AreRefused() =>
        Assert.Throws<ArgumentException>(() => Rule.Breakdown(10, [3, 4]));

    [Fact]
    public void NegativePart_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rule.Breakdown(10, [11, -1]));

    [Fact]
    public void AnySuppressedPart_CannotBeWorkedOutBySubtraction()
    {
        // Every breakdown of totals up to 14 into three parts: wherever the total is shown, the suppressed parts add up
        // to 0 or at least the threshold, and none is suppressed alone.
        for (var a = 0; a <= 14; a++)
        {
            for (var b = 0; a + b <= 14; b++)
            {
                for (var c = 0; a + b + c <= 14; c++)
                {
                    int[] parts = [a, b, c];
                    var breakdown = Rule.Breakdown(a + b + c, parts);
                    var suppressed = parts.Where((_, i) => breakdown.Parts[i].IsSuppressed).ToList();
                    for (var i = 0; i < parts.Length; i++)
                    {
                        Assert.True(!Rule.IsSmall(parts[i]) || breakdown.Parts[i].IsSuppressed, $"{a}, {b}, {c}: part {i} is small but shown");
                    }
                    if (!breakdown.Total.IsSuppressed)
                    {
                        Assert.False(Rule.IsSmall(suppressed.Sum()), $"{a}, {b}, {c}: the suppressed parts add up to {suppressed.Sum()}");
                        Assert.NotEqual(1, suppressed.Count(p => p > 0));
                    }
                }
            }
        }
    }
}
