using Upon.Core.Disclosure;

namespace Upon.Core.Coaching;

/// <summary>A month's <see cref="CoachingMonthFigures"/> as they may be published.</summary>
/// <param name="Month">The month, <c>2026-11</c>.</param>
/// <param name="Sessions">Sessions delivered in the month.</param>
/// <param name="Hours">Their hours: suppressed with the sessions.</param>
public sealed record DisclosedCoachingMonth(string Month, Disclosed<int> Sessions, Disclosed<double> Hours);

/// <summary>A strand's <see cref="CoachingStrandFigures"/> as they may be published.</summary>
/// <param name="Strand">The strand's slug.</param>
/// <param name="Coachees">Relationships holding a place: a part of the coachees over every strand.</param>
/// <param name="Relationships">Every relationship in the strand.</param>
/// <param name="Sessions">Sessions delivered: the total of <paramref name="Months"/>.</param>
/// <param name="Hours">Their hours: suppressed with the sessions.</param>
/// <param name="EntitlementUsed">The share of entitlement used: suppressed over a small group of relationships or with the sessions.</param>
/// <param name="Months">Sessions and hours by month.</param>
public sealed record DisclosedCoachingStrand(string Strand, Disclosed<int> Coachees, Disclosed<int> Relationships, Disclosed<int> Sessions, Disclosed<double> Hours,
    Disclosed<double?> EntitlementUsed, IReadOnlyList<DisclosedCoachingMonth> Months);

/// <summary>A round's <see cref="CoachingRoundFigures"/> as they may be published.</summary>
/// <param name="Round">The round's name.</param>
/// <param name="Requests">Requests in the round.</param>
/// <param name="Matched">Requests matched: a part of the requests.</param>
/// <param name="MatchRate">Suppressed with <paramref name="Matched"/> or over a small number of requests.</param>
/// <param name="MustWishes">"Must" wishes asked.</param>
/// <param name="MustWishesMet">A part of the "must" wishes.</param>
/// <param name="MustWishesMetRate">Suppressed with the wishes met or over a small number of wishes.</param>
/// <param name="WouldLikeWishes">"Would like" wishes asked.</param>
/// <param name="WouldLikeWishesMet">A part of the "would like" wishes.</param>
/// <param name="WouldLikeWishesMetRate">Suppressed with the wishes met or over a small number of wishes.</param>
public sealed record DisclosedCoachingRound(string Round, Disclosed<int> Requests, Disclosed<int> Matched, Disclosed<double?> MatchRate,
    Disclosed<int> MustWishes, Disclosed<int> MustWishesMet, Disclosed<double?> MustWishesMetRate,
    Disclosed<int> WouldLikeWishes, Disclosed<int> WouldLikeWishesMet, Disclosed<double?> WouldLikeWishesMetRate);

/// <summary><see cref="CoachingFigures"/> as they may be published under a <see cref="DisclosureRule"/>.</summary>
/// <param name="CoachesInPool">Coaches active or paused.</param>
/// <param name="Coachees">The total of the strands' coachees.</param>
/// <param name="Strands">Each strand.</param>
/// <param name="Rounds">Each published round.</param>
public sealed record DisclosedCoachingFigures(Disclosed<int> CoachesInPool, Disclosed<int> Coachees, IReadOnlyList<DisclosedCoachingStrand> Strands,
    IReadOnlyList<DisclosedCoachingRound> Rounds);

/// <summary>
/// Applies a <see cref="DisclosureRule"/> to the coaching figures, as <c>TurnoverDisclosure</c> does to turnover:
/// <list type="bullet">
/// <item><c>coachesInPool</c> is a count.</item>
/// <item><c>coachees</c> is published with each strand's <c>coachees</c>, its parts: <see cref="DisclosureRule.Breakdown"/>
/// suppresses small parts and, with secondary suppression, enough others that no suppressed part can be worked out.</item>
/// <item>A strand's <c>sessions</c> is published with its months' <c>sessions</c>, its parts: a breakdown likewise. Each
/// <c>hours</c> is suppressed with the sessions it is the length of.</item>
/// <item>A strand's <c>relationships</c> is a count; <c>entitlementUsed</c> is over its relationships, so it is suppressed
/// when they are a small group, and with the strand's sessions (it would give back their minutes).</item>
/// <item>A round's <c>matched</c>, <c>mustWishesMet</c> and <c>wouldLikeWishesMet</c> are parts of <c>requests</c>,
/// <c>mustWishes</c> and <c>wouldLikeWishes</c>: each is suppressed when it or the rest (not matched, not met) is small
/// (<see cref="DisclosureRule.PartOf"/>); each rate with its part or over a small whole.</item>
/// </list>
/// No coaching count is a part of a turnover or invitation figure (those count appointments and first-time directors by
/// financial year; coaching counts relationships, sessions and requests), so none is linked to those reports. The DfE
/// return counts the same sessions by quarter and year over every strand: it is disclosed against these figures (shown
/// only where the strands' months already give it, <see cref="CoachingFigures.SessionsBetween"/>,
/// <see cref="DisclosureRule.IsGivenBy"/>), so these figures need nothing more.
/// </summary>
public static class CoachingDisclosure
{
    /// <summary>Discloses <paramref name="figures"/> under <paramref name="rule"/>.</summary>
    public static DisclosedCoachingFigures Disclose(DisclosureRule rule, CoachingFigures figures)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(figures);
        var coachees = rule.Breakdown(figures.Coachees, [.. figures.Strands.Select(s => s.Coachees)]);
        var strands = figures.Strands.Select((s, i) =>
        {
            var sessions = rule.Breakdown(s.Sessions, [.. s.Months.Select(m => m.Sessions)]);
            var months = s.Months.Select((m, j) => new DisclosedCoachingMonth(m.Month, sessions.Parts[j], DisclosureRule.DerivedFrom(m.Hours, sessions.Parts[j]))).ToList();
            var used = sessions.Total.IsSuppressed ? Disclosed.Suppressed<double?>() : rule.OverGroup(s.EntitlementUsed, s.Relationships);
            return new DisclosedCoachingStrand(s.Strand, coachees.Parts[i], rule.Count(s.Relationships), sessions.Total,
                DisclosureRule.DerivedFrom(s.Hours, sessions.Total), used, months);
        }).ToList();
        var rounds = figures.Rounds.Select(r =>
        {
            var matched = rule.PartOf(r.Requests, r.Matched);
            var must = rule.PartOf(r.MustWishes, r.MustWishesMet);
            var wouldLike = rule.PartOf(r.WouldLikeWishes, r.WouldLikeWishesMet);
            return new DisclosedCoachingRound(r.Round,
                rule.Count(r.Requests), matched, Rate(rule, r.MatchRate, matched, r.Requests),
                rule.Count(r.MustWishes), must, Rate(rule, r.MustWishesMetRate, must, r.MustWishes),
                rule.Count(r.WouldLikeWishes), wouldLike, Rate(rule, r.WouldLikeWishesMetRate, wouldLike, r.WouldLikeWishes));
        }).ToList();
        return new DisclosedCoachingFigures(rule.Count(figures.CoachesInPool), coachees.Total, strands, rounds);
    }

    private static Disclosed<double?> Rate(DisclosureRule rule, double? value, Disclosed<int> part, int whole) =>
        part.IsSuppressed || rule.IsSmall(whole) ? Disclosed.Suppressed<double?>() : Disclosed.Shown(value);
}
