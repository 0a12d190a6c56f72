using Upon.Core.Coaching;

namespace Upon.Core.Tests.Coaching;

public class RelationshipHealthTests
{
    private static readonly LocalDate Start = new(2026, 1, 1);
    private static readonly LocalDate End = new(2026, 12, 31);

    [Fact]
    public void Flags_SessionWithinSixWeeks_IsQuietNotFlagged()
    {
        var today = new LocalDate(2026, 3, 1);
        Assert.DoesNotContain(HealthConcern.NoSessionInSixWeeks, RelationshipHealth.Flags(Start, End, 6, [today.PlusDays(-41)], false, today));
        Assert.Contains(HealthConcern.NoSessionInSixWeeks, RelationshipHealth.Flags(Start, End, 6, [today.PlusDays(-42)], false, today));
    }

    [Fact]
    public void Flags_NoSessionYet_CountsFromTheStart()
    {
        Assert.Empty(RelationshipHealth.Flags(Start, End, 6, [], false, Start.PlusDays(41)));
        Assert.Equal([HealthConcern.NoSessionInSixWeeks], RelationshipHealth.Flags(Start, End, 6, [], false, Start.PlusDays(42)));
    }

    [Fact]
    public void Flags_MoreSessionsLeftThanMonths_IsAtRisk()
    {
        var today = new LocalDate(2026, 9, 30);
        var recent = new[] { today.PlusDays(-1) };
        Assert.Equal([HealthConcern.EntitlementAtRisk], RelationshipHealth.Flags(Start, End, 6, recent, false, today));
        Assert.Empty(RelationshipHealth.Flags(Start, End, 4, recent, false, today));
    }

    [Fact]
    public void Flags_ChangeRequested_IsFlagged() =>
        Assert.Contains(HealthConcern.ChangeRequested, RelationshipHealth.Flags(Start, End, 1, [Start], true, Start.PlusDays(1)));
}
