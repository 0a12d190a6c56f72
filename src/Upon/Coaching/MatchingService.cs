using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Email;
using Upon.Shared.Privacy;

namespace Upon.Coaching;

/// <summary>A round's problem as the matching sees it, with the records behind each key.</summary>
/// <param name="DroppedLocks">Pairs staff locked that the matching cannot keep (the coach is no longer active, or the request is no longer in the round), each with the sentence that says so.</param>
public sealed record LoadedRound(
    MatchingRound Round,
    MatchingProblem Problem,
    IReadOnlyDictionary<string, CoachingRequest> RequestsByKey,
    IReadOnlyDictionary<string, CoachProfile> CoachesByKey,
    IReadOnlyList<DroppedLock> DroppedLocks);

/// <summary>
/// A pair staff locked that is not kept when the round runs: its coach is no longer active in the pool (paused, retired
/// or erased), or its request is no longer in the round. The lock stays recorded (a coach reactivated is locked again on
/// the next run) until staff unlock it; <see cref="Sentence"/> names the pair and why.
/// </summary>
public sealed record DroppedLock(int RequestId, int CoachId, string Sentence);

/// <summary>Runs, reviews and publishes matching rounds.</summary>
public sealed class MatchingService(UponDbContext db, IClock clock, AuditLog audit, CoachingStrands strands, CoachingVocabulary vocabulary)
{
    /// <summary>Reads a round and the active pool into a <see cref="MatchingProblem"/>; null when there is no such round.</summary>
    public async Task<LoadedRound?> LoadAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.MatchingRounds
            .Include(r => r.Requests).ThenInclude(r => r.Participant)
            .Include(r => r.Decisions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null) return null;

        var today = clock.TodayInLondon();
        // An erased coach's profile stays (pseudonymised) for the figures, but is never matched again.
        var coaches = await db.CoachProfiles.Include(c => c.Consents).Where(c => c.Status == CoachStatus.Active && !c.Email.EndsWith(ErasedAddresses.End))
            .OrderBy(c => c.Email).ToListAsync(cancellationToken);
        var allCoachEmails = await db.CoachProfiles.Select(c => new { c.Id, c.Email }).ToDictionaryAsync(c => c.Id, c => c.Email, cancellationToken);
        var holding = await CoachingRelationship.PlacesHeldAsync(db.CoachingRelationships, cancellationToken);
        var register = await RegisterLinksAsync(coaches, cancellationToken);

        var matchCoaches = coaches.Select(c =>
        {
            register.TryGetValue(c.Id, out var led);
            var kinds = CoachingLists.Split(c.AuthorityKinds).Select(k => AuthorityKinds.TryParse(k, out var kind) ? kind : (AuthorityKind?)null)
                .OfType<AuthorityKind>().Concat(led?.Kinds ?? []).ToHashSet();
            var conflicts = CoachingLists.Split(c.ConflictAuthorityCodes).Concat(led?.Authorities ?? []).ToHashSet(StringComparer.Ordinal);
            return new MatchCoach(
                c.Email, c.FullName, Math.Max(0, c.Capacity - holding.GetValueOrDefault(c.Id)), c.OffersOnline, c.OffersInPerson,
                CoachingLists.Split(c.Regions).ToHashSet(StringComparer.Ordinal),
                CharacteristicConsent.InForce(c.Consents.Select(k => new CharacteristicConsent(k.Characteristic, k.GivenOn, k.WithdrawnOn)), today),
                kinds, conflicts);
        }).ToList();

        var participantIds = round.Requests.Select(r => r.ParticipantId).ToList();
        var previous = new List<(int ParticipantId, int CoachId)>();
        foreach (var chunk in participantIds.Chunk(500))
        {
            previous.AddRange((await db.CoachingRelationships.Where(r => chunk.Contains(r.ParticipantId) && r.RoundId != round.Id)
                .Select(r => new { r.ParticipantId, r.CoachId }).ToListAsync(cancellationToken)).Select(r => (r.ParticipantId, r.CoachId)));
        }

        string EmailOf(int coachId) => allCoachEmails.TryGetValue(coachId, out var e) ? e : $"coach-{coachId}";
        var requests = round.Requests.Select(r => new MatchRequest(
            r.Participant!.Email,
            r.Participant.FullName,
            r.AuthorityCode,
            CoachingLists.Split(r.Must).ToHashSet(StringComparer.Ordinal),
            CoachingLists.Split(r.WouldLike).ToHashSet(StringComparer.Ordinal),
            r.AuthorityKind,
            r.Mode,
            r.Region,
            CoachingLists.SplitIds(r.AvoidCoachIds).Concat(r.RematchFromCoachId is { } from ? [from] : []).Select(EmailOf).ToHashSet(StringComparer.OrdinalIgnoreCase),
            previous.Where(p => p.ParticipantId == r.ParticipantId).Select(p => EmailOf(p.CoachId)).ToHashSet(StringComparer.OrdinalIgnoreCase),
            r.PreviousCoachAllowed)).ToList();

        var requestEmail = round.Requests.ToDictionary(r => r.Id, r => r.Participant!.Email);
        PairKey Key(RoundDecision d) => new(requestEmail.GetValueOrDefault(d.RequestId, ""), EmailOf(d.CoachId));
        var allCoaches = await db.CoachProfiles.ToListAsync(cancellationToken);
        var dropped = await DroppedLocksAsync(round, coaches.Select(c => c.Id).ToHashSet(), allCoaches.ToDictionary(c => c.Id), cancellationToken);
        var droppedPairs = dropped.Select(d => (d.RequestId, d.CoachId)).ToHashSet();
        var problem = new MatchingProblem(
            requests, matchCoaches, round.Weights,
            [.. round.Decisions.Where(d => d.Kind == DecisionKind.Locked && !droppedPairs.Contains((d.RequestId, d.CoachId))).Select(Key)],
            [.. round.Decisions.Where(d => d.Kind == DecisionKind.Forbidden).Select(Key)]);
        return new LoadedRound(
            round, problem,
            round.Requests.ToDictionary(r => r.Participant!.Email, StringComparer.OrdinalIgnoreCase),
            allCoaches.ToDictionary(c => c.Email, StringComparer.OrdinalIgnoreCase),
            dropped);
    }

    /// <summary>
    /// The round's locked pairs that the matching cannot keep, with why: the coach is not in the active pool (paused,
    /// retired, or erased), or the request is not among the round's. They were dropped silently before; staff are told now.
    /// </summary>
    private async Task<IReadOnlyList<DroppedLock>> DroppedLocksAsync(MatchingRound round, HashSet<int> activeCoachIds, Dictionary<int, CoachProfile> coachesById, CancellationToken cancellationToken)
    {
        var locks = round.Decisions.Where(d => d.Kind == DecisionKind.Locked).OrderBy(d => d.Id).ToList();
        var requests = round.Requests.ToDictionary(r => r.Id);
        var elsewhere = locks.Where(d => !requests.ContainsKey(d.RequestId)).Select(d => d.RequestId).Distinct().ToList();
        var names = elsewhere.Count == 0
            ? []
            : await db.CoachingRequests.Where(r => elsewhere.Contains(r.Id)).Select(r => new { r.Id, r.Participant!.GivenName, r.Participant.FamilyName })
                .ToDictionaryAsync(r => r.Id, r => $"{r.GivenName} {r.FamilyName}", cancellationToken);
        var dropped = new List<DroppedLock>();
        foreach (var d in locks)
        {
            var participant = requests.TryGetValue(d.RequestId, out var request) ? request.Participant!.FullName : names.GetValueOrDefault(d.RequestId, "a participant");
            var coach = coachesById.GetValueOrDefault(d.CoachId);
            var coachName = coach?.FullName ?? "a coach no longer in the pool";
            string? why = null;
            if (request is null)
            {
                why = $"{participant}'s request is no longer in this round";
            }
            else if (!activeCoachIds.Contains(d.CoachId))
            {
                why = coach is null || ErasedAddresses.IsErased(coach.Email) ? $"{coachName} is no longer in the pool"
                    : coach.Status == CoachStatus.Paused ? $"{coachName} is paused"
                    : coach.Status == CoachStatus.Retired ? $"{coachName} is retired"
                    : $"{coachName} is not an active coach";
                why += ", and only active coaches are matched";
            }

            if (why is not null)
            {
                dropped.Add(new DroppedLock(d.RequestId, d.CoachId, $"The locked pair {participant} with {coachName} is not kept when the round runs: {why}."));
            }
        }

        return dropped;
    }

    public async Task<int?> FindRoundAsync(string name, CancellationToken cancellationToken = default) =>
        await db.MatchingRounds.Where(r => r.Name == name.Trim()).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Runs the round (locked pairs kept, forbidden ones excluded) and stores the results as pending.</summary>
    public async Task<(LoadedRound Loaded, MatchingResult Result)> RunAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadAsync(roundId, cancellationToken) ?? throw new InvalidOperationException($"There is no round {roundId}.");
        if (loaded.Round.Status == RoundStatus.Published) throw new CoachingRuleException("This round is published: it cannot be run again.");
        if (loaded.Problem.WhyUnsolvable() is { } why) throw new CoachingRuleException(why);
        var result = CoachMatcher.Solve(loaded.Problem);
        await db.RoundProposals.Where(p => p.RoundId == roundId).ExecuteDeleteAsync(cancellationToken);
        foreach (var pair in result.Pairs)
        {
            db.RoundProposals.Add(new RoundProposal
            {
                RoundId = roundId,
                RequestId = loaded.RequestsByKey[pair.Participant].Id,
                CoachId = loaded.CoachesByKey[pair.Coach].Id,
                Score = pair.Score.Total,
                Locked = pair.Locked,
                Reasons = string.Join('\n', pair.Reasons),
            });
        }

        foreach (var unmatched in result.Unmatched)
        {
            db.RoundProposals.Add(new RoundProposal
            {
                RoundId = roundId,
                RequestId = loaded.RequestsByKey[unmatched.Participant].Id,
                Reasons = string.Join('\n', unmatched.Reasons),
            });
        }

        loaded.Round.Status = RoundStatus.Pending;
        loaded.Round.RunAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        return (loaded, result);
    }

    /// <summary>Locks or forbids a pair in a round (replacing any earlier decision on it), or clears it when <paramref name="kind"/> is null.</summary>
    public async Task DecideAsync(int roundId, int requestId, int coachId, DecisionKind? kind, CancellationToken cancellationToken = default)
    {
        var round = await db.MatchingRounds.Include(r => r.Decisions).SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.Status == RoundStatus.Published) throw new CoachingRuleException("This round is published: its pairs can no longer change.");
        if (kind == DecisionKind.Locked)
        {
            db.RoundDecisions.RemoveRange(round.Decisions.Where(d => d.RequestId == requestId && d.Kind == DecisionKind.Locked));
        }

        db.RoundDecisions.RemoveRange(round.Decisions.Where(d => d.RequestId == requestId && d.CoachId == coachId));
        if (kind is { } k) db.RoundDecisions.Add(new RoundDecision { RoundId = roundId, RequestId = requestId, CoachId = coachId, Kind = k });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Staff allow (or stop allowing) a coach who coached the participant before for one request of a round not yet
    /// published; the next run may then propose that coach. Saved, and so audited, at once.
    /// </summary>
    public async Task AllowPreviousCoachAsync(int roundId, int requestId, bool allow, CancellationToken cancellationToken = default)
    {
        var round = await db.MatchingRounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.Status == RoundStatus.Published) throw new CoachingRuleException("This round is published: its requests can no longer change.");
        var request = await db.CoachingRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.RoundId == roundId, cancellationToken)
            ?? throw new CoachingRuleException("There is no such request in this round.");
        request.PreviousCoachAllowed = allow;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes a pending round: a coaching relationship for each pair, an email to each side (separately: the
    /// participant's says which wishes were met; the coach's never names what was asked), audited.
    /// </summary>
    public async Task<int> PublishAsync(int roundId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await db.MatchingRounds.SingleAsync(r => r.Id == roundId, cancellationToken);
        if (round.Status != RoundStatus.Pending) throw new CoachingRuleException(round.Status == RoundStatus.Published ? "This round is already published." : "Run the round before publishing it.");
        var pairs = await db.RoundProposals.Where(p => p.RoundId == roundId && p.CoachId != null)
            .Include(p => p.Request).ThenInclude(r => r!.Participant).Include(p => p.Coach)
            .ToListAsync(cancellationToken);
        await CheckPlacesAsync(pairs, cancellationToken);
        var today = clock.TodayInLondon();
        var entitlements = await strands.EntitlementsAsync(pairs.Select(p => p.Request!.ParticipantId), cancellationToken);
        var consents = await db.CoachConsents.Where(c => c.WithdrawnOn == null).ToListAsync(cancellationToken);
        var labels = await vocabulary.LabelsAsync(cancellationToken);
        foreach (var pair in pairs)
        {
            var request = pair.Request!;
            var coach = pair.Coach!;
            db.CoachingRelationships.Add(new CoachingRelationship
            {
                CoachId = coach.Id,
                ParticipantId = request.ParticipantId,
                RoundId = roundId,
                StartsOn = today,
                EndsOn = today.PlusYears(1).PlusDays(-1),
                EntitledSessions = entitlements[request.ParticipantId].Sessions,
                EntitledMinutes = entitlements[request.ParticipantId].Minutes,
                Status = RelationshipStatus.Active,
                StatusChangedOn = today,
            });
            var shared = consents.Where(c => c.CoachId == coach.Id).Select(c => c.Characteristic).ToHashSet();
            EmailOutbox.Enqueue(db, request.Participant!.Email, "Your coach", ParticipantEmail(request, coach, shared, labels));
            EmailOutbox.Enqueue(db, coach.Email, "A new coachee", CoachEmail(request, coach));
        }

        round.Status = RoundStatus.Published;
        round.PublishedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("CoachingRoundPublished", nameof(MatchingRound), round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{round.Name}: {pairs.Count} pairs", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pairs.Count;
    }

    /// <summary>
    /// Refuses to publish pairs the pool can no longer take, as it is now rather than when the round ran: a coach who is no
    /// longer active, or whose places have since been taken (by another round published meanwhile, say). Each proposed
    /// coach's row is locked first, so that two rounds published at once cannot both take the same last place.
    /// </summary>
    private async Task CheckPlacesAsync(IReadOnlyList<RoundProposal> pairs, CancellationToken cancellationToken)
    {
        var proposed = pairs.GroupBy(p => p.Coach!).OrderBy(g => g.Key.Id).ToList();
        foreach (var group in proposed)
        {
            await db.LockRowAsync<CoachProfile>(group.Key.Id, cancellationToken);
        }
        var holding = await CoachingRelationship.PlacesHeldAsync(db.CoachingRelationships, cancellationToken);
        var problems = new List<string>();
        foreach (var group in proposed)
        {
            var coach = group.Key;
            var free = Math.Max(0, coach.Capacity - holding.GetValueOrDefault(coach.Id));
            if (coach.Status != CoachStatus.Active)
            {
                problems.Add($"{coach.FullName} is no longer an active coach.");
            }
            else if (group.Count() > free)
            {
                problems.Add($"{coach.FullName} has {free} free {(free == 1 ? "place" : "places")} now, for {group.Count()} proposed {(group.Count() == 1 ? "coachee" : "coachees")}.");
            }
        }
        if (problems.Count > 0)
        {
            throw new CoachingRuleException($"This round cannot be published as it stands: {string.Join(" ", problems)} Run it again to match against the pool as it is now.");
        }
    }

    private static string ParticipantEmail(CoachingRequest request, CoachProfile coach, HashSet<string> shared, CharacteristicLabels labels)
    {
        var met = new List<string>();
        var notMet = new List<string>();
        foreach (var c in CoachingLists.Split(request.Must).Concat(CoachingLists.Split(request.WouldLike)))
        {
            (shared.Contains(c) ? met : notMet).Add(labels.Describe(c));
        }

        var text = $"Dear {request.Participant!.GivenName},\n\nYour coach for the coaching year is {coach.FullName} ({coach.Email}). They will be in touch to arrange your first session.\n";
        if (met.Count > 0) text += $"\nOf the wishes you gave, your coach shares: {string.Join("; ", met)}.\n";
        if (notMet.Count > 0) text += $"\nWe could not meet: {string.Join("; ", notMet)}.\n";
        return text + "\nYou can see your coach and your sessions in Upon under 'My coach'.\n";
    }

    private static string CoachEmail(CoachingRequest request, CoachProfile coach) =>
        $"Dear {coach.GivenName},\n\nYou have been matched with a new coachee: {request.Participant!.FullName} ({request.Participant.Email}). Please get in touch to arrange your first session.\n\nYou can see your coachees and log sessions in Upon under 'My coachees'.\n";

    private sealed record RegisterLed(IReadOnlyList<string> Authorities, IReadOnlyList<AuthorityKind> Kinds);

    /// <summary>For coaches linked to the register: the authorities they led and the kinds of those authorities.</summary>
    private async Task<Dictionary<int, RegisterLed>> RegisterLinksAsync(List<CoachProfile> coaches, CancellationToken cancellationToken)
    {
        var linked = coaches.Where(c => c.PersonKey is not null).ToDictionary(c => c.PersonKey!.Value, c => c.Id);
        var result = new Dictionary<int, RegisterLed>();
        if (linked.Count == 0) return result;
        var led = new List<(int PersonKey, string AuthorityCode, LocalDate Start, LocalDate? End)>();
        foreach (var chunk in linked.Keys.Chunk(500))
        {
            led.AddRange((await db.Appointments.Where(a => chunk.Contains(a.PersonKey)).Select(a => new { a.PersonKey, a.AuthorityCode, a.StartDate, a.EndDate }).ToListAsync(cancellationToken))
                .Select(a => (a.PersonKey, a.AuthorityCode, a.StartDate, a.EndDate)));
        }

        var codes = led.Select(l => l.AuthorityCode).Distinct().ToList();
        var gss = new List<(string AuthorityCode, string Code, LocalDate ValidFrom, LocalDate? ValidTo)>();
        foreach (var chunk in codes.Chunk(500))
        {
            gss.AddRange((await db.AuthorityGssCodes.Where(g => chunk.Contains(g.AuthorityCode)).Select(g => new { g.AuthorityCode, g.Code, g.ValidFrom, g.ValidTo }).ToListAsync(cancellationToken))
                .Select(g => (g.AuthorityCode, g.Code, g.ValidFrom, g.ValidTo)));
        }

        foreach (var group in led.GroupBy(l => l.PersonKey))
        {
            var authorities = group.Select(g => g.AuthorityCode).Distinct().ToList();
            // The kinds of authority they led: each post counts the kind its authority was while they held it (Buckinghamshire
            // was a county until March 2020, a unitary authority since).
            var kinds = group
                .SelectMany(post => gss.Where(g => g.AuthorityCode == post.AuthorityCode && g.ValidFrom <= (post.End ?? LocalDate.MaxIsoValue) && (g.ValidTo ?? LocalDate.MaxIsoValue) >= post.Start))
                .Select(g => AuthorityKinds.FromGssCode(g.Code)).OfType<AuthorityKind>().Distinct().ToList();
            result[linked[group.Key]] = new RegisterLed(authorities, kinds);
        }

        return result;
    }
}

/// <summary>A coaching action that the rules do not allow; its message is for the user.</summary>
public sealed class CoachingRuleException(string message) : Exception(message);

/// <summary>
/// Coaching settings: the entitlement of a relationship, <c>Coaching:EntitledSessions</c> sessions of
/// <c>Coaching:SessionMinutes</c> minutes, and per strand (by its slug, <c>new-directors</c>, <c>aspirant-directors</c>)
/// <c>Coaching:Strands:{slug}:EntitledSessions</c> and <c>...:SessionMinutes</c>, each falling back to the setting above
/// when not given. Checked at start (<see cref="Validate"/>).
/// </summary>
public sealed class CoachingOptions
{
    public const int MinSessions = 1;
    public const int MaxSessions = 50;
    public const int MinSessionMinutes = 15;
    public const int MaxSessionMinutes = 480;

    public int EntitledSessions { get; set; } = 6;
    public int SessionMinutes { get; set; } = 60;

    /// <summary>By strand slug: that strand's entitlement, where it differs from the one above.</summary>
    public Dictionary<string, StrandEntitlementOptions> Strands { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The entitlement of a relationship whose coachee is on the strand <paramref name="strandSlug"/> (null: none known).</summary>
    public CoachingEntitlement For(string? strandSlug)
    {
        var strand = strandSlug is null ? null : Strands.FirstOrDefault(s => string.Equals(s.Key, strandSlug, StringComparison.OrdinalIgnoreCase)).Value;
        return new CoachingEntitlement(strand?.EntitledSessions ?? EntitledSessions, strand?.SessionMinutes ?? SessionMinutes);
    }

    /// <summary>Every setting out of range, as sentences naming the setting (empty when all are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(string key, int? value, int min, int max)
        {
            if (value is { } v && (v < min || v > max)) problems.Add($"{key} must be from {min} to {max} (it is {v}).");
        }

        Check("Coaching:EntitledSessions", EntitledSessions, MinSessions, MaxSessions);
        Check("Coaching:SessionMinutes", SessionMinutes, MinSessionMinutes, MaxSessionMinutes);
        foreach (var (slug, strand) in Strands.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Check($"Coaching:Strands:{slug}:EntitledSessions", strand.EntitledSessions, MinSessions, MaxSessions);
            Check($"Coaching:Strands:{slug}:SessionMinutes", strand.SessionMinutes, MinSessionMinutes, MaxSessionMinutes);
        }

        return problems;
    }
}

/// <summary>One strand's entitlement settings (<c>Coaching:Strands:{slug}:...</c>); a value not given is the general one.</summary>
public sealed class StrandEntitlementOptions
{
    public int? EntitledSessions { get; set; }
    public int? SessionMinutes { get; set; }
}

/// <summary>A relationship's entitlement: <see cref="Sessions"/> sessions of <see cref="SessionMinutes"/> minutes.</summary>
public sealed record CoachingEntitlement(int Sessions, int SessionMinutes)
{
    public int Minutes => Sessions * SessionMinutes;
}
