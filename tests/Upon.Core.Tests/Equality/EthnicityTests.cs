using Upon.Core.Equality;

namespace Upon.Core.Tests.Equality;

public class EthnicityTests
{
    [Fact]
    public void Groups_AreExactlyDfEsPublishedGroups()
    {
        var path = TestData.PathOf("dfe_ethnicity_categories.csv");
        var published = File.ReadAllLines(path).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[1] != "Total" && f[0] != "Unknown")
            .Select(f => (Ethnicity.Normalise(f[0]), Ethnicity.Normalise(f[1])))
            .ToHashSet();

        Assert.Equal(published.Order(), Ethnicity.Groups.Select(g => (g.Major, g.Minor)).Order());
    }

    [Fact]
    public void Codes_AreUnique_AndFound()
    {
        Assert.Equal(Ethnicity.Groups.Count, Ethnicity.Groups.Select(g => g.Code).Distinct().Count());
        Assert.True(Ethnicity.TryFind("black-caribbean", out var group));
        Assert.Equal("Caribbean", group.Minor);
        Assert.False(Ethnicity.TryFind("prefer-not-to-say", out _));
        Assert.False(Ethnicity.TryFind(null, out _));
    }

    [Theory]
    [InlineData("white-british", false)]
    [InlineData("white-roma", false)]
    [InlineData("mixed-white-asian", true)]
    [InlineData("black-african", true)]
    [InlineData("other-arab", true)]
    public void GlobalMajority_IsEveryGroupOutsideWhite(string code, bool expected)
    {
        Assert.True(Ethnicity.TryFind(code, out var group));
        Assert.Equal(expected, Ethnicity.IsGlobalMajority(group));
    }

    [Theory]
    [InlineData("white-roma", "white")]
    [InlineData("white-other", "white")]
    [InlineData("mixed-other", "mixed")]
    [InlineData("asian-indian", "asian")]
    [InlineData("black-caribbean", "black")]
    [InlineData("other-arab", "other")]
    [InlineData("asian", "asian")]
    [InlineData("prefer-not-to-say", null)]
    public void MajorGroupOnly_KeepsTheMajorGroup_AndNoCodeAPersonCanChoose(string code, string? expected)
    {
        Assert.Equal(expected, Ethnicity.ToMajorGroupOnly(code));
        if (expected is null)
        {
            return;
        }
        Assert.DoesNotContain(Ethnicity.Groups, g => g.Code == expected);
        Assert.False(Ethnicity.TryFindChoice(expected, out _));
        Assert.True(Ethnicity.TryFindChoice($" {code} ", out var choice) && choice.Code == code || code == expected);
        Assert.True(Ethnicity.TryFind(code, out var chosen));
        Assert.True(Ethnicity.TryFind(expected, out var kept));
        Assert.Equal(chosen.Major, kept.Major);
        Assert.Equal(Ethnicity.IsGlobalMajority(chosen), Ethnicity.IsGlobalMajority(kept));
    }

    [Fact]
    public void Normalise_SpacesTheSlashes() =>
        Assert.Equal("Black / African / Caribbean / Black British", Ethnicity.Normalise("Black/African/Caribbean/Black British"));
}
