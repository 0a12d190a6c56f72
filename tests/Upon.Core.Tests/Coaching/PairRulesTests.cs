using Upon.Core.Coaching;
using static Upon.Core.Tests.Coaching.CoachingBuilders;

namespace Upon.Core.Tests.Coaching;

public class PairRulesTests
{
    [Fact]
    public void Exclusions_WhenEveryRuleHolds_IsEmpty()
    {
        Assert.Empty(PairRules.Exclusions(Request(), Coach()));
        Assert.True(PairRules.IsAllowed(Request(), Coach()));
    }

    [Fact]
    public void Exclusions_WhenNoFreePlace_NamesIt()
    {
        Assert.Equal([PairExclusion.NoFreePlace], PairRules.Exclusions(Request(), Coach(freePlaces: 0)));
        Assert.False(PairRules.IsAllowed(Request(), Coach(freePlaces: 0)));
    }

    [Fact]
    public void Exclusions_WhenCoachSharesOnlySomeMusts_NamesMissingMust()
    {
        var request = Request(must: [Characteristics.Woman, Characteristics.GlobalMajority]);
        Assert.Equal([PairExclusion.MissingMustCharacteristic], PairRules.Exclusions(request, Coach(characteristics: [Characteristics.Woman])));
        Assert.Empty(PairRules.Exclusions(request, Coach(characteristics: [Characteristics.Woman, Characteristics.GlobalMajority, Characteristics.Lgbtq])));
    }

    [Fact]
    public void Exclusions_WouldLikeNotShared_DoesNotExclude() =>
        Assert.Empty(PairRules.Exclusions(Request(wouldLike: [Characteristics.Disabled]), Coach()));

    [Fact]
    public void Exclusions_WhenCoachLedParticipantsAuthority_NamesConflict()
    {
        Assert.Equal([PairExclusion.ConflictOfInterest], PairRules.Exclusions(Request(authority: "202"), Coach(conflicts: ["202", "909"])));
        Assert.Empty(PairRules.Exclusions(Request(authority: "203"), Coach(conflicts: ["202"])));
        Assert.Empty(PairRules.Exclusions(Request(authority: null), Coach(conflicts: ["202"])));
    }

    [Fact]
    public void Exclusions_WhenAvoided_NamesIt() =>
        Assert.Equal([PairExclusion.AvoidedByParticipant], PairRules.Exclusions(Request(avoid: ["ada@example.test"]), Coach()));

    [Theory]
    [InlineData(RequestedMode.Online, true, false, "E12000001", true)]
    [InlineData(RequestedMode.Online, false, true, "E12000001", false)]
    [InlineData(RequestedMode.InPerson, true, false, "E12000001", false)]
    [InlineData(RequestedMode.InPerson, false, true, "E12000001", true)]
    [InlineData(RequestedMode.InPerson, false, true, "E12000002", false)]
    [InlineData(RequestedMode.InPerson, true, true, "E12000002", false)]
    [InlineData(RequestedMode.Either, true, false, "E12000002", true)]
    [InlineData(RequestedMode.Either, false, true, "E12000001", true)]
    [InlineData(RequestedMode.Either, false, true, "E12000002", false)]
    public void ModesMeet_FollowsTheModeRule(RequestedMode mode, bool online, bool inPerson, string coachRegion, bool meets)
    {
        var request = Request(mode: mode, region: "E12000001");
        var coach = Coach(online: online, inPerson: inPerson, regions: [coachRegion]);
        Assert.Equal(meets, PairRules.ModesMeet(request, coach));
        Assert.Equal(meets, !PairRules.Exclusions(request, coach).Contains(PairExclusion.ModeMismatch));
    }

    [Fact]
    public void ModesMeet_InPersonWithoutRegion_DoesNotMeet() =>
        Assert.False(PairRules.ModesMeet(Request(mode: RequestedMode.InPerson, region: null), Coach(inPerson: true, regions: ["E12000001"])));

    [Fact]
    public void Exclusions_PreviousCoach_ExcludedUnlessStaffAllow()
    {
        Assert.Equal([PairExclusion.PreviousCoach], PairRules.Exclusions(Request(previous: ["ada@example.test"]), Coach()));
        Assert.Empty(PairRules.Exclusions(Request(previous: ["ada@example.test"], previousAllowed: true), Coach()));
    }

    [Fact]
    public void Exclusions_Forbidden_NamesIt() =>
        Assert.Equal([PairExclusion.ForbiddenByStaff], PairRules.Exclusions(Request(), Coach(), forbidden: true));

    [Fact]
    public void Exclusions_SeveralRules_ListsEachInOrder()
    {
        var request = Request(authority: "202", must: [Characteristics.Woman], mode: RequestedMode.InPerson, avoid: ["ada@example.test"]);
        Assert.Equal(
            [PairExclusion.NoFreePlace, PairExclusion.MissingMustCharacteristic, PairExclusion.ConflictOfInterest, PairExclusion.AvoidedByParticipant, PairExclusion.ModeMismatch],
            PairRules.Exclusions(request, Coach(freePlaces: 0, conflicts: ["202"])));
    }
}
