using Upon.Core.Coaching;

namespace Upon.Core.Tests.Coaching;

public class AuthorityKindsTests
{
    [Theory]
    [InlineData("E10000002", AuthorityKind.County)]
    [InlineData("E08000025", AuthorityKind.Metropolitan)]
    [InlineData("E09000001", AuthorityKind.London)]
    [InlineData("E06000001", AuthorityKind.Unitary)]
    [InlineData("e06000047", AuthorityKind.Unitary)]
    public void FromGssCode_MapsTheEntity(string code, AuthorityKind kind) => Assert.Equal(kind, AuthorityKinds.FromGssCode(code));

    [Theory]
    [InlineData("E07000004")]
    [InlineData("E12000001")]
    [InlineData("W06000001")]
    [InlineData("E1")]
    [InlineData("")]
    [InlineData(null)]
    public void FromGssCode_OtherEntities_AreNull(string? code) => Assert.Null(AuthorityKinds.FromGssCode(code));

    [Fact]
    public void Codes_RoundTrip()
    {
        foreach (var code in AuthorityKinds.AllCodes)
        {
            Assert.True(AuthorityKinds.TryParse(code.ToUpperInvariant(), out var kind));
            Assert.Equal(code, kind.ToCode());
        }

        Assert.False(AuthorityKinds.TryParse("district", out _));
    }

    [Theory]
    [InlineData("woman", true)]
    [InlineData("care-experienced", true)]
    [InlineData("first-generation2", true)]
    [InlineData("Woman", false)]
    [InlineData("-woman", false)]
    [InlineData("a--b", false)]
    [InlineData("", false)]
    public void Characteristics_IsWellFormed(string code, bool expected) => Assert.Equal(expected, Characteristics.IsWellFormed(code));
}
