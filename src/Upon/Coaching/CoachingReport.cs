using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Core.Disclosure;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>One month's sessions and hours as published; each suppressed figure is null and named in <see cref="Suppressed"/>.</summary>
public sealed record PublishedCoachingMonth(string Month, int? Sessions, double? Hours, IReadOnlyList<string> Suppressed);

/// <summary>One strand's coaching figures as published; each suppressed figure is null and named in <see cref="Suppressed"/>.</summary>
public sealed record PublishedCoachingStrand(string Strand, int? Coachees, int? Relationships, int? Sessions, double? Hours, double? EntitlementUsed,
    IReadOnlyList<PublishedCoachingMonth> Months, IReadOnlyList<string> Suppressed);

/// <summary>One published round's match rate and wishes met as published; each suppressed figure is null and named in <see cref="Suppressed"/>.</summary>
public sealed record PublishedCoachingRound(string Round, int? Requests, int? Matched, double? MatchRate, int? MustWishes, int? MustWishesMet,
    double? MustWishesMetRate, int? WouldLikeWishes, int? WouldLikeWishesMet, double? WouldLikeWishesMetRate, IReadOnlyList<string> Suppressed);

/// <summary>
/// The coaching figures as the API, the command line and the pages give them: the same shape for staff (nothing
/// suppressed, every <c>suppressed</c> list empty) and for the funder (small numbers suppressed). A null not named in its
/// object's <c>suppressed</c> list is a figure that is not available (a share of nothing).
/// </summary>
public sealed record CoachingReportFigures(int? CoachesInPool, int? Coachees, IReadOnlyList<PublishedCoachingStrand> Strands,
    IReadOnlyList<PublishedCoachingRound> Rounds, IReadOnlyList<string> Suppressed)
{
    /// <summary>The figures of <paramref name="figures"/> as published.</summary>
    public static CoachingReportFigures From(DisclosedCoachingFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var top = new Names();
        var strands = figures.Strands.Select(s =>
        {
            var names = new Names();
            var months = s.Months.Select(m =>
            {
                var monthNames = new Names();
                return new PublishedCoachingMonth(m.Month, monthNames.Int("sessions", m.Sessions), monthNames.Double("hours", m.Hours), monthNames.List);
            }).ToList();
            return new PublishedCoachingStrand(s.Strand, names.Int("coachees", s.Coachees), names.Int("relationships", s.Relationships),
                names.Int("sessions", s.Sessions), names.Double("hours", s.Hours), names.Double("entitlementUsed", s.EntitlementUsed), months, names.List);
        }).ToList();
        var rounds = figures.Rounds.Select(r =>
        {
            var names = new Names();
            return new PublishedCoachingRound(r.Round, names.Int("requests", r.Requests), names.Int("matched", r.Matched), names.Double("matchRate", r.MatchRate),
                names.Int("mustWishes", r.MustWishes), names.Int("mustWishesMet", r.MustWishesMet), names.Double("mustWishesMetRate", r.MustWishesMetRate),
                names.Int("wouldLikeWishes", r.WouldLikeWishes), names.Int("wouldLikeWishesMet", r.WouldLikeWishesMet),
                names.Double("wouldLikeWishesMetRate", r.WouldLikeWishesMetRate), names.List);
        }).ToList();
        return new CoachingReportFigures(top.Int("coachesInPool", figures.CoachesInPool), top.Int("coachees", figures.Coachees), strands, rounds, top.List);
    }

    /// <summary>Collects the names of the suppressed figures of one object, in field order.</summary>
    private sealed class Names
    {
        public List<string> List { get; } = [];

        public int? Int(string name, Disclosed<int> figure)
        {
            if (figure.TryGetValue(out var value))
            {
                return value;
            }
            List.Add(name);
            return null;
        }

        public double? Double(string name, Disclosed<double> figure)
        {
            if (figure.TryGetValue(out var value))
            {
                return value;
            }
            List.Add(name);
            return null;
        }

        public double? Double(string name, Disclosed<double?> figure)
        {
            if (figure.TryGetValue(out var value))
            {
                return value;
            }
            List.Add(name);
            return null;
        }
    }
}

/// <summary>
/// Builds the coaching figures from the pool, the relationships and their logged sessions, and the published rounds
/// (definitions in <see cref="CoachingFigures"/> and the README). Counting the wishes met reads the requests of each
/// published round, which is recorded in the audit log as a view of the round; no request leaves this class.
/// </summary>
public sealed class CoachingReport(UponDbContext db, AuditLog audit)
{
    /// <summary>The exact figures (reading each published round's requests is recorded in the audit log).</summary>
    public async Task<CoachingFigures> FiguresAsync(CancellationToken cancellationToken = default)
    {
        var (figures, roundsRead) = await ReadFiguresAsync(cancellationToken);
        await RecordReadsAsync(roundsRead, cancellationToken);
        return figures;
    }

    /// <summary>
    /// The exact figures and the published rounds whose requests were read to count them. Recording those reads is the
    /// caller's: the figure cache records them for every request it serves the figures to (<see cref="RecordReadsAsync"/>).
    /// </summary>
    public async Task<(CoachingFigures Figures, IReadOnlyList<int> RoundsRead)> ReadFiguresAsync(CancellationToken cancellationToken = default)
    {
        var pool = await db.CoachProfiles.CountAsync(c => c.Status != CoachStatus.Retired, cancellationToken);
        var (facts, sessions) = await DeliveredAsync(db, cancellationToken);
        var (rounds, roundsRead) = await RoundsAsync(cancellationToken);
        return (CoachingFigures.Of(pool, facts, sessions, rounds), roundsRead);
    }

    /// <summary>
    /// Every relationship with its strand (the strand of the coachee's enrolment when it started: their latest by then,
    /// else their first), and every session delivered (logged and not queried). The coaching figures count sessions by
    /// strand and month from these, and the DfE return (<c>Impact/ReturnCoachingSection</c>) by quarter from the same, so
    /// that the two count the same sessions and the return can be disclosed against the figures' months.
    /// </summary>
    public static async Task<(List<CoachingRelationshipFact> Relationships, List<CoachingSessionFact> Sessions)> DeliveredAsync(UponDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var relationships = await db.CoachingRelationships.AsNoTracking()
            .Select(r => new { r.Id, r.ParticipantId, r.StartsOn, r.EntitledMinutes, r.Status })
            .ToListAsync(cancellationToken);
        var enrolments = (await db.Enrolments.AsNoTracking()
                .Select(e => new { e.ParticipantId, e.StartsOn, e.Id, Slug = e.Strand!.Slug })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ParticipantId);
        var facts = relationships.Select(r =>
        {
            // The strand of the enrolment the coachee had when the relationship started (their latest by then), else their first.
            var theirs = enrolments[r.ParticipantId].OrderBy(e => e.StartsOn).ThenBy(e => e.Id).ToList();
            var strand = theirs.LastOrDefault(e => e.StartsOn <= r.StartsOn)?.Slug ?? theirs.FirstOrDefault()?.Slug ?? CoachingFigures.NoStrand;
            return new CoachingRelationshipFact(r.Id, strand, r.EntitledMinutes, r.Status is RelationshipStatus.Active or RelationshipStatus.Paused);
        }).ToList();
        var sessions = await db.CoachingSessionLogs.AsNoTracking()
            .Where(s => s.Confirmation != SessionConfirmation.Queried)
            .Select(s => new CoachingSessionFact(s.RelationshipId, s.Date, s.Minutes))
            .ToListAsync(cancellationToken);
        return (facts, sessions);
    }

    /// <summary>Records in the audit log that the requests of <paramref name="roundIds"/> were read for the coaching figures.</summary>
    public async Task RecordReadsAsync(IEnumerable<int> roundIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roundIds);
        await audit.RecordViewsAsync(nameof(MatchingRound), roundIds.Select(id => id.ToString(CultureInfo.InvariantCulture)),
            "coaching requests of the round, counted for the coaching figures", cancellationToken);
    }

    /// <summary>The figures as <paramref name="rule"/> lets them be published.</summary>
    public async Task<CoachingReportFigures> PublishedAsync(DisclosureRule rule, CancellationToken cancellationToken = default) =>
        CoachingReportFigures.From(CoachingDisclosure.Disclose(rule, await FiguresAsync(cancellationToken)));

    private async Task<(List<CoachingRoundFact> Facts, IReadOnlyList<int> RoundsRead)> RoundsAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.MatchingRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Published)
            .Select(r => new { r.Id, r.Name, r.PublishedAt }).ToListAsync(cancellationToken);
        if (rounds.Count == 0)
        {
            return ([], []);
        }
        var consents = (await db.CoachConsents.AsNoTracking().Select(c => new { c.CoachId, c.Characteristic, c.GivenOn, c.WithdrawnOn }).ToListAsync(cancellationToken))
            .ToLookup(c => c.CoachId);
        var facts = new List<CoachingRoundFact>(rounds.Count);
        foreach (var round in rounds.OrderBy(r => r.PublishedAt).ThenBy(r => r.Id))
        {
            var requests = await db.CoachingRequests.AsNoTracking().Where(r => r.RoundId == round.Id)
                .Select(r => new CoachingRequest
                {
                    Id = r.Id, Must = r.Must, WouldLike = r.WouldLike, CountedMust = r.CountedMust, CountedMustMet = r.CountedMustMet,
                    CountedWouldLike = r.CountedWouldLike, CountedWouldLikeMet = r.CountedWouldLikeMet,
                })
                .ToListAsync(cancellationToken);
            var coachOf = await db.RoundProposals.AsNoTracking().Where(p => p.RoundId == round.Id && p.CoachId != null)
                .ToDictionaryAsync(p => p.RequestId, p => p.CoachId!.Value, cancellationToken);
            var day = (round.PublishedAt ?? Instant.MinValue).InZone(Time.London).Date;
            int must = 0, mustMet = 0, wouldLike = 0, wouldLikeMet = 0;
            foreach (var request in requests)
            {
                var counts = WishCounts(request, coachOf.TryGetValue(request.Id, out var coach) ? consents[coach].Select(c => new CharacteristicConsent(c.Characteristic, c.GivenOn, c.WithdrawnOn)) : [], day);
                must += counts.Must;
                mustMet += counts.MustMet;
                wouldLike += counts.WouldLike;
                wouldLikeMet += counts.WouldLikeMet;
            }
            facts.Add(new CoachingRoundFact(round.Name, requests.Count, requests.Count(r => coachOf.ContainsKey(r.Id)), must, mustMet, wouldLike, wouldLikeMet));
        }
        return (facts, [.. rounds.OrderBy(r => r.PublishedAt).ThenBy(r => r.Id).Select(r => r.Id)]);
    }

    /// <summary>
    /// What a request adds to its published round's wish figures: the counts written down when its wishes or its coach's
    /// consents were erased, or else its wishes against the consents of <paramref name="coachConsents"/> (its proposed
    /// coach's) in force on <paramref name="publishedOn"/>.
    /// </summary>
    public static (int Must, int MustMet, int WouldLike, int WouldLikeMet) WishCounts(CoachingRequest request, IEnumerable<CharacteristicConsent> coachConsents, LocalDate publishedOn)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CountedMust is { } countedMust)
        {
            return (countedMust, request.CountedMustMet ?? 0, request.CountedWouldLike ?? 0, request.CountedWouldLikeMet ?? 0);
        }
        var shared = CharacteristicConsent.InForce(coachConsents, publishedOn);
        var asked = CoachingLists.Split(request.Must);
        var liked = CoachingLists.Split(request.WouldLike);
        return (asked.Count, asked.Count(shared.Contains), liked.Count, liked.Count(shared.Contains));
    }

    /// <summary>The CSV header: one figure a row, named as in the JSON, with what it is for.</summary>
    public static readonly IReadOnlyList<string> CsvHeader = ["figure", "strand", "month", "round", "value"];

    /// <summary>
    /// The figures as CSV, one a row (<see cref="CsvHeader"/>): numbers as numbers, <see cref="Disclosed.Symbol"/> for a
    /// suppressed figure, an empty value for one not available.
    /// </summary>
    public static void WriteCsv(TextWriter writer, CoachingReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        using var csv = Upon.Shared.Files.SafeCsv.CreateWriter(writer);
        foreach (var field in CsvHeader)
        {
            csv.WriteField(field);
        }
        csv.NextRecord();
        void Row(string figure, string? strand, string? month, string? round, object? value, IReadOnlyList<string> suppressed)
        {
            csv.WriteField(figure);
            csv.WriteField(strand ?? "");
            csv.WriteField(month ?? "");
            csv.WriteField(round ?? "");
            switch (value)
            {
                case int i:
                    csv.WriteField(i);
                    break;
                case double d:
                    csv.WriteField(d);
                    break;
                default:
                    csv.WriteField(suppressed.Contains(figure) ? Disclosed.Symbol : "");
                    break;
            }
            csv.NextRecord();
        }
        Row("coachesInPool", null, null, null, figures.CoachesInPool, figures.Suppressed);
        Row("coachees", null, null, null, figures.Coachees, figures.Suppressed);
        foreach (var s in figures.Strands)
        {
            Row("coachees", s.Strand, null, null, s.Coachees, s.Suppressed);
            Row("relationships", s.Strand, null, null, s.Relationships, s.Suppressed);
            Row("sessions", s.Strand, null, null, s.Sessions, s.Suppressed);
            Row("hours", s.Strand, null, null, s.Hours, s.Suppressed);
            Row("entitlementUsed", s.Strand, null, null, s.EntitlementUsed, s.Suppressed);
            foreach (var m in s.Months)
            {
                Row("sessions", s.Strand, m.Month, null, m.Sessions, m.Suppressed);
                Row("hours", s.Strand, m.Month, null, m.Hours, m.Suppressed);
            }
        }
        foreach (var r in figures.Rounds)
        {
            Row("requests", null, null, r.Round, r.Requests, r.Suppressed);
            Row("matched", null, null, r.Round, r.Matched, r.Suppressed);
            Row("matchRate", null, null, r.Round, r.MatchRate, r.Suppressed);
            Row("mustWishes", null, null, r.Round, r.MustWishes, r.Suppressed);
            Row("mustWishesMet", null, null, r.Round, r.MustWishesMet, r.Suppressed);
            Row("mustWishesMetRate", null, null, r.Round, r.MustWishesMetRate, r.Suppressed);
            Row("wouldLikeWishes", null, null, r.Round, r.WouldLikeWishes, r.Suppressed);
            Row("wouldLikeWishesMet", null, null, r.Round, r.WouldLikeWishesMet, r.Suppressed);
            Row("wouldLikeWishesMetRate", null, null, r.Round, r.WouldLikeWishesMetRate, r.Suppressed);
        }
    }
}
