using Upon.Core.Coaching;
using static Upon.Core.Tests.Coaching.CoachingBuilders;

namespace Upon.Core.Tests.Coaching;

public class PairScoreTests
{
    [Fact]
    public void Of_NothingAskedFor_IsZero()
    {
        var score = PairScore.Of(Request(), Coach(characteristics: [Characteristics.Woman], kinds: [AuthorityKind.County]), MatchingWeights.Default);
        Assert.Equal(0, score.Total);
        Assert.Equal(["Allowed; no wish scored (0)."], score.Reasons(MatchingWeights.Default));
    }

    [Fact]
    public void Of_EachSharedWouldLike_ScoresTen()
    {
        var request = Request(wouldLike: [Characteristics.Woman, Characteristics.GlobalMajority, Characteristics.Lgbtq]);
        var coach = Coach(characteristics: [Characteristics.GlobalMajority, Characteristics.Woman]);
        var score = PairScore.Of(request, coach, MatchingWeights.Default);
        Assert.Equal(20, score.Total);
        Assert.Equal([Characteristics.Woman, Characteristics.GlobalMajority], score.SharedWishes);
    }

    [Fact]
    public void Of_MustCharacteristicShared_ScoresNothing() =>
        Assert.Equal(0, PairScore.Of(Request(must: [Characteristics.Woman]), Coach(characteristics: [Characteristics.Woman]), MatchingWeights.Default).Total);

    [Fact]
    public void Of_LedKindAskedFor_ScoresFour()
    {
        Assert.Equal(4, PairScore.Of(Request(kind: AuthorityKind.County), Coach(kinds: [AuthorityKind.County, AuthorityKind.London]), MatchingWeights.Default).Total);
        Assert.Equal(0, PairScore.Of(Request(kind: AuthorityKind.Unitary), Coach(kinds: [AuthorityKind.County]), MatchingWeights.Default).Total);
    }

    [Theory]
    [InlineData(RequestedMode.InPerson, 3)]
    [InlineData(RequestedMode.Either, 0)]
    [InlineData(RequestedMode.Online, 0)]
    public void Of_InPersonAskedFor_ScoresThree(RequestedMode mode, int expected) =>
        Assert.Equal(expected, PairScore.Of(Request(mode: mode), Coach(inPerson: true, regions: ["E12000001"]), MatchingWeights.Default).Total);

    [Fact]
    public void Of_UsesTheRoundsWeights()
    {
        var weights = new MatchingWeights(WouldLike: 7, AuthorityKind: 1, InPerson: 0);
        var request = Request(wouldLike: [Characteristics.Woman, Characteristics.Disabled], kind: AuthorityKind.Metropolitan, mode: RequestedMode.InPerson);
        var coach = Coach(inPerson: true, regions: ["E12000001"], characteristics: [Characteristics.Woman, Characteristics.Disabled], kinds: [AuthorityKind.Metropolitan]);
        Assert.Equal(15, PairScore.Of(request, coach, weights).Total);
        Assert.Equal(27, PairScore.Of(request, coach, MatchingWeights.Default).Total);
    }

    [Fact]
    public void Reasons_NameWhatScored()
    {
        var request = Request(wouldLike: [Characteristics.Woman], kind: AuthorityKind.County, mode: RequestedMode.InPerson);
        var coach = Coach(inPerson: true, regions: ["E12000001"], characteristics: [Characteristics.Woman], kinds: [AuthorityKind.County]);
        Assert.Equal(
            ["Shares: woman (+10).", "Led a county (+4).", "Coaches in person in E12000001 (+3)."],
            PairScore.Of(request, coach, MatchingWeights.Default).Reasons(MatchingWeights.Default));
    }

    [Fact]
    public void Weights_OutsideBounds_AreInvalid()
    {
        Assert.True(MatchingWeights.Default.IsValid);
        Assert.False(new MatchingWeights(-1, 4, 3).IsValid);
        Assert.False(new MatchingWeights(10, 101, 3).IsValid);
    }
}
