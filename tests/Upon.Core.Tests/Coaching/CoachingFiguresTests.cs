using Upon.Core.Coaching;

namespace Upon.Core.Tests.Coaching;

public sealed class CoachingFiguresTests
{
    [Fact]
    public void Of_CountsByStrandAndMonth_AndTheShareOfEntitlementUsed()
    {
        var figures = CoachingFigures.Of(
            12,
            [new(1, "new-directors", 360, true), new(2, "new-directors", 360, false), new(3, "aspirant-directors", 240, true)],
            [new(1, new LocalDate(2026, 9, 30), 60), new(1, new LocalDate(2026, 10, 1), 90), new(2, new LocalDate(2026, 10, 31), 45), new(3, new LocalDate(2026, 9, 1), 60), new(99, new LocalDate(2026, 9, 1), 60)],
            [new CoachingRoundFact("Spring", 3, 2, 1, 1, 0, 0)]);

        Assert.Equal(12, figures.CoachesInPool);
        Assert.Equal(2, figures.Coachees);
        Assert.Equal(["aspirant-directors", "new-directors"], figures.Strands.Select(s => s.Strand));
        var nd = figures.Strands[1];
        Assert.Equal((1, 2, 3, 3.25, 0.2708), (nd.Coachees, nd.Relationships, nd.Sessions, nd.Hours, nd.EntitlementUsed!.Value));
        Assert.Equal([new CoachingMonthFigures("2026-09", 1, 1), new CoachingMonthFigures("2026-10", 2, 2.25)], nd.Months);
        Assert.Equal(0.25, figures.Strands[0].EntitlementUsed);
        Assert.Equal(new CoachingRoundFigures("Spring", 3, 2, 0.6667, 1, 1, 1, 0, 0, null), Assert.Single(figures.Rounds));
    }

    [Fact]
    public void Of_NoRelationships_HasNoStrands()
    {
        var figures = CoachingFigures.Of(0, [], [], []);
        Assert.Equal(0, figures.Coachees);
        Assert.Empty(figures.Strands);
        Assert.Empty(figures.Rounds);
    }
}
