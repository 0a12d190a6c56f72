using Upon.Core.Coaching;
using static Upon.Core.Tests.Coaching.CoachingBuilders;

namespace Upon.Core.Tests.Coaching;

public class CharacteristicConsentTests
{
    private static readonly LocalDate Given = new(2026, 1, 10);

    [Fact]
    public void HoldsOn_FromTheDayGivenUntilTheDayWithdrawn()
    {
        var consent = new CharacteristicConsent(Characteristics.Woman, Given, new LocalDate(2026, 3, 1));
        Assert.False(consent.HoldsOn(Given.PlusDays(-1)));
        Assert.True(consent.HoldsOn(Given));
        Assert.True(consent.HoldsOn(new LocalDate(2026, 2, 28)));
        Assert.False(consent.HoldsOn(new LocalDate(2026, 3, 1)));
    }

    [Fact]
    public void Withdrawal_RemovesTheCharacteristicFromMatching()
    {
        var consents = new[]
        {
            new CharacteristicConsent(Characteristics.Woman, Given, new LocalDate(2026, 3, 1)),
            new CharacteristicConsent(Characteristics.Disabled, Given),
        };
        var before = CharacteristicConsent.InForce(consents, new LocalDate(2026, 2, 1));
        var after = CharacteristicConsent.InForce(consents, new LocalDate(2026, 3, 1));
        Assert.Equal([Characteristics.Disabled, Characteristics.Woman], before.Order());
        Assert.Equal([Characteristics.Disabled], after);

        var request = Request(must: [Characteristics.Woman]);
        var problemBefore = new MatchingProblem([request], [Coach(characteristics: [.. before])]);
        var problemAfter = new MatchingProblem([request], [Coach(characteristics: [.. after])]);
        Assert.Equal(1, CoachMatcher.Solve(problemBefore).Matched);
        Assert.Equal(0, CoachMatcher.Solve(problemAfter).Matched);
    }
}
