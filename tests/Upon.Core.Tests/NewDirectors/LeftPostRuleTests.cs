using Upon.Core.NewDirectors;

namespace Upon.Core.Tests.NewDirectors;

public class LeftPostRuleTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static readonly Journey Journey = new(D(2026, 11, 25));

    [Fact]
    public void LeftOn_StillInPost_IsNull() =>
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), null)]));

    [Fact]
    public void LeftOn_PostEndsDuringTheJourney_IsItsLastDay() =>
        Assert.Equal(D(2027, 6, 30), LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 6, 30))]));

    [Fact]
    public void LeftOn_EndRecordedInAdvance_CountsAlready() =>
        Assert.Equal(D(2028, 3, 31), LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2028, 3, 31))]));

    [Fact]
    public void LeftOn_OnTheJourneysFirstAndLastDays_Counts()
    {
        Assert.Equal(D(2026, 11, 25), LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2026, 11, 25))]));
        Assert.Equal(D(2028, 11, 24), LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2028, 11, 24))]));
    }

    [Fact]
    public void LeftOn_EndBeforeOrAfterTheJourney_IsNull()
    {
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2026, 11, 24))]));
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2028, 11, 25))]));
    }

    [Fact]
    public void LeftOn_MovedStraightToAnotherAuthority_IsNull() =>
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 6, 30)), new PostSpan(D(2027, 7, 1), null)]));

    [Fact]
    public void LeftOn_InterimMadePermanent_IsNull() =>
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 2, 28)), new PostSpan(D(2027, 3, 1), null)]));

    [Fact]
    public void LeftOn_OneOfTwoSharedPostsEnds_IsNull() =>
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 6, 30)), new PostSpan(D(2026, 12, 1), null)]));

    [Fact]
    public void LeftOn_AGapOfMoreThan31DaysBeforeTheNextPost_IsLeaving() =>
        Assert.Equal(D(2027, 6, 30), LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 6, 30)), new PostSpan(D(2027, 8, 1), null)]));

    [Fact]
    public void LeftOn_ANewPostWithin31Days_IsNotLeaving() =>
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 6, 30)), new PostSpan(D(2027, 7, 31), null)]));

    [Fact]
    public void LeftOn_AlreadyDecided_IsNull() =>
        Assert.Null(LeftPostRule.LeftOn(Journey, [new PostSpan(D(2026, 11, 1), D(2027, 6, 30))], decidedThrough: D(2027, 6, 30)));

    [Fact]
    public void LeftOn_LeftAgainAfterADecision_IsTheLaterLeaving()
    {
        PostSpan[] posts = [new(D(2026, 11, 1), D(2027, 6, 30)), new(D(2027, 9, 1), D(2028, 1, 31))];
        Assert.Equal(D(2027, 6, 30), LeftPostRule.LeftOn(Journey, posts));
        Assert.Equal(D(2028, 1, 31), LeftPostRule.LeftOn(Journey, posts, decidedThrough: D(2027, 6, 30)));
    }

    [Fact]
    public void LeftOn_NoPosts_IsNull() => Assert.Null(LeftPostRule.LeftOn(Journey, []));
}
