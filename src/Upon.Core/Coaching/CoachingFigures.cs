using NodaTime;
using NodaTime.Text;
using Upon.Core.Disclosure;

namespace Upon.Core.Coaching;

/// <summary>One coaching relationship, as the figures count it.</summary>
/// <param name="Id">The relationship.</param>
/// <param name="Strand">The strand of the coachee's enrolment (its slug), or <see cref="CoachingFigures.NoStrand"/>.</param>
/// <param name="EntitledMinutes">The minutes of coaching the relationship entitles the coachee to.</param>
/// <param name="HoldsPlace">Whether it is active or paused (it holds one of the coach's places).</param>
public sealed record CoachingRelationshipFact(int Id, string Strand, int EntitledMinutes, bool HoldsPlace);

/// <summary>One coaching session a coach logged and the coachee has not queried.</summary>
/// <param name="RelationshipId">Its relationship.</param>
/// <param name="Date">The day it took place.</param>
/// <param name="Minutes">How long it lasted.</param>
public sealed record CoachingSessionFact(int RelationshipId, LocalDate Date, int Minutes);

/// <summary>A published matching round, as the figures count it.</summary>
/// <param name="Round">The round's name.</param>
/// <param name="Requests">Requests in the round.</param>
/// <param name="Matched">Requests matched with a coach.</param>
/// <param name="MustWishes">"Must" characteristics asked for, over every request.</param>
/// <param name="MustWishesMet">Of those, the ones the matched coach shares.</param>
/// <param name="WouldLikeWishes">"Would like" characteristics asked for, over every request.</param>
/// <param name="WouldLikeWishesMet">Of those, the ones the matched coach shares.</param>
public sealed record CoachingRoundFact(string Round, int Requests, int Matched, int MustWishes, int MustWishesMet, int WouldLikeWishes, int WouldLikeWishesMet);

/// <summary>Sessions and hours delivered in one calendar month of one strand.</summary>
/// <param name="Month">The month, <c>2026-11</c>.</param>
/// <param name="Sessions">Sessions logged on a day in the month and not queried.</param>
/// <param name="Hours">Their length in hours, rounded to 2 decimal places.</param>
public sealed record CoachingMonthFigures(string Month, int Sessions, double Hours);

/// <summary>The coaching figures of one strand.</summary>
/// <param name="Strand">The strand's slug.</param>
/// <param name="Coachees">Relationships in the strand holding a coach's place (active or paused).</param>
/// <param name="Relationships">Relationships in the strand, whatever their status.</param>
/// <param name="Sessions">Sessions delivered (logged and not queried) in those relationships.</param>
/// <param name="Hours">Their length in hours, rounded to 2 decimal places.</param>
/// <param name="EntitlementUsed">
/// Minutes delivered / minutes of entitlement, over every relationship in the strand, rounded to 4 decimal places; null
/// when there is no entitlement.
/// </param>
/// <param name="Months">Sessions and hours by calendar month, oldest first; only months with a session.</param>
public sealed record CoachingStrandFigures(string Strand, int Coachees, int Relationships, int Sessions, double Hours, double? EntitlementUsed,
    IReadOnlyList<CoachingMonthFigures> Months);

/// <summary>The match rate and wishes met of one published round.</summary>
/// <param name="Round">The round's name.</param>
/// <param name="Requests">Requests in the round.</param>
/// <param name="Matched">Requests matched with a coach.</param>
/// <param name="MatchRate"><paramref name="Matched"/> / <paramref name="Requests"/>, 4 decimal places; null with no requests.</param>
/// <param name="MustWishes">"Must" characteristics asked for, over every request.</param>
/// <param name="MustWishesMet">Of those, the ones the matched coach shares.</param>
/// <param name="MustWishesMetRate"><paramref name="MustWishesMet"/> / <paramref name="MustWishes"/>; null when none was asked.</param>
/// <param name="WouldLikeWishes">"Would like" characteristics asked for, over every request.</param>
/// <param name="WouldLikeWishesMet">Of those, the ones the matched coach shares.</param>
/// <param name="WouldLikeWishesMetRate"><paramref name="WouldLikeWishesMet"/> / <paramref name="WouldLikeWishes"/>; null when none was asked.</param>
public sealed record CoachingRoundFigures(string Round, int Requests, int Matched, double? MatchRate, int MustWishes, int MustWishesMet, double? MustWishesMetRate,
    int WouldLikeWishes, int WouldLikeWishesMet, double? WouldLikeWishesMetRate);

/// <summary>
/// The coaching figures for staff and the funder: the pool, the coachees, sessions and hours delivered by strand and month,
/// the share of entitlement used, and each published round's match rate and wishes met. Definitions in the README.
/// </summary>
/// <param name="CoachesInPool">Coaches active or paused (not retired).</param>
/// <param name="Coachees">Relationships holding a coach's place (active or paused), over every strand: the sum of the strands'.</param>
/// <param name="Strands">The strands with a relationship, in slug order.</param>
/// <param name="Rounds">The published rounds, in the order given.</param>
public sealed record CoachingFigures(int CoachesInPool, int Coachees, IReadOnlyList<CoachingStrandFigures> Strands, IReadOnlyList<CoachingRoundFigures> Rounds)
{
    /// <summary>The strand of a coachee with no enrolment.</summary>
    public const string NoStrand = "none";

    private static readonly LocalDatePattern MonthPattern = LocalDatePattern.CreateWithInvariantCulture("yyyy-MM");

    /// <summary>The figures from the facts.</summary>
    /// <param name="coachesInPool">Coaches active or paused.</param>
    /// <param name="relationships">Every relationship.</param>
    /// <param name="sessions">Every logged session not queried; those of a relationship not given are ignored.</param>
    /// <param name="rounds">Every published round.</param>
    public static CoachingFigures Of(int coachesInPool, IEnumerable<CoachingRelationshipFact> relationships, IEnumerable<CoachingSessionFact> sessions,
        IEnumerable<CoachingRoundFact> rounds)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(rounds);
        var byId = relationships.ToDictionary(r => r.Id);
        var sessionsByStrand = sessions.Where(s => byId.ContainsKey(s.RelationshipId)).ToLookup(s => byId[s.RelationshipId].Strand, StringComparer.Ordinal);
        var strands = byId.Values.GroupBy(r => r.Strand, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var delivered = sessionsByStrand[g.Key].ToList();
            var minutes = delivered.Sum(s => (long)s.Minutes);
            var entitled = g.Sum(r => (long)r.EntitledMinutes);
            var months = delivered.GroupBy(s => MonthPattern.Format(s.Date.With(DateAdjusters.StartOfMonth)), StringComparer.Ordinal)
                .OrderBy(m => m.Key, StringComparer.Ordinal)
                .Select(m => new CoachingMonthFigures(m.Key, m.Count(), Hours(m.Sum(s => (long)s.Minutes))))
                .ToList();
            return new CoachingStrandFigures(g.Key, g.Count(r => r.HoldsPlace), g.Count(), delivered.Count, Hours(minutes),
                entitled == 0 ? null : Round4((decimal)minutes / entitled), months);
        }).ToList();
        var roundFigures = rounds.Select(r => new CoachingRoundFigures(r.Round, r.Requests, r.Matched, Share(r.Matched, r.Requests),
            r.MustWishes, r.MustWishesMet, Share(r.MustWishesMet, r.MustWishes), r.WouldLikeWishes, r.WouldLikeWishesMet, Share(r.WouldLikeWishesMet, r.WouldLikeWishes))).ToList();
        return new CoachingFigures(coachesInPool, strands.Sum(s => s.Coachees), strands, roundFigures);
    }

    /// <summary>
    /// The sessions delivered from <paramref name="first"/> to <paramref name="last"/> over every strand, as what they add
    /// up of the breakdowns these figures publish (each strand's <c>sessions</c> with its months' as parts): for each strand,
    /// its months' sessions and which of those months are in the range. The DfE return's <c>coachingSessionsDelivered</c>
    /// counts the same sessions by quarter and year, and is shown to the funder only where these breakdowns give it
    /// (<see cref="DisclosureRule.IsGivenBy"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The range is not whole calendar months.</exception>
    public IReadOnlyList<PartsCounted> SessionsBetween(LocalDate first, LocalDate last)
    {
        if (first.Day != 1 || last != last.With(DateAdjusters.EndOfMonth) || last < first)
        {
            throw new ArgumentException($"{first} to {last} is not a range of whole calendar months.", nameof(first));
        }
        return [.. Strands.Select(s => new PartsCounted(
            [.. s.Months.Select(m => m.Sessions)],
            [.. s.Months.Select((m, i) => (Day: MonthPattern.Parse(m.Month).Value, Index: i)).Where(m => m.Day >= first && m.Day <= last).Select(m => m.Index)]))];
    }

    /// <summary>Minutes as hours, rounded to 2 decimal places, halves away from zero.</summary>
    public static double Hours(long minutes) => (double)Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="part"/> / <paramref name="whole"/> to 4 decimal places; null when the whole is 0.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : Round4((decimal)part / whole);

    private static double Round4(decimal value) => (double)Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
