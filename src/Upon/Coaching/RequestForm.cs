using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Coaching;

/// <summary>What a participant has answered so far in the request form (kept, encrypted, in TempData between pages).</summary>
public sealed class RequestDraft
{
    /// <summary>Each characteristic answered: <c>must</c>, <c>would-like</c> or <c>not-needed</c>.</summary>
    public Dictionary<string, string> Wishes { get; set; } = [];
    public bool WishesAnswered { get; set; }
    /// <summary>An authority-kind code, or <c>none</c>.</summary>
    public string? AuthorityKind { get; set; }
    public string? Mode { get; set; }
    public string? Region { get; set; }
    public List<int> Avoid { get; set; } = [];
    public bool AvoidAnswered { get; set; }

    public const string Must = "must";
    public const string WouldLike = "would-like";
    public const string NotNeeded = "not-needed";
    public const string NoKind = "none";

    public IEnumerable<string> With(string answer) => Wishes.Where(w => w.Value == answer).Select(w => w.Key).Order(StringComparer.Ordinal);

    /// <summary>The first page not yet answered, or <c>check</c> when all are.</summary>
    public string NextStep() =>
        !WishesAnswered ? "characteristics"
        : AuthorityKind is null ? "authority"
        : Mode is null ? "mode"
        : Mode == CoachingModes.InPerson && Region is null ? "region"
        : !AvoidAnswered ? "avoid"
        : "check";
}

/// <summary>
/// The participant's own coaching request: who is offered it, and saving it into the newest round not yet published
/// (replacing their earlier request in that round). The participant's authority comes from the register, or, when it
/// has no post for them (an aspirant, say), from their enrolment (<see cref="Shared.IParticipantAuthoritySource"/>).
/// </summary>
public sealed class RequestForm(UponDbContext db, IClock clock, CoachingVocabulary vocabulary, Audit.AuditLog audit, IEnumerable<Shared.IParticipantAuthoritySource> authoritySources, CoachingStrands strands)
{
    /// <summary>
    /// The participant's own authority (DfE LA code): their latest post in the register, else the first a feature that
    /// enrolled them recorded (an aspirant's application); null when none knows it.
    /// </summary>
    public async Task<string?> OwnAuthorityAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var person = await db.Participants.Where(p => p.Id == participantId).Select(p => p.PersonKey).SingleOrDefaultAsync(cancellationToken);
        var authority = person is { } key
            ? await db.Appointments.Where(a => a.PersonKey == key).OrderByDescending(a => a.StartDate).Select(a => a.AuthorityCode).FirstOrDefaultAsync(cancellationToken)
            : null;
        foreach (var source in authoritySources)
        {
            if (authority is not null) break;
            authority = await source.AuthorityOfAsync(participantId, cancellationToken);
        }

        return authority;
    }

    /// <summary>Whether the participant is due coaching: a New Director in their coaching year, or an aspirant after their cohort's taught days.</summary>
    public Task<bool> IsDueAsync(int participantId, CancellationToken cancellationToken = default) => strands.IsDueAsync(participantId, cancellationToken);

    /// <summary>Whether the participant has a coach now and has not asked to change: their own request form is not offered.</summary>
    public Task<bool> HasCoachAsync(int participantId, CancellationToken cancellationToken = default) =>
        db.CoachingRelationships.Where(r => r.ParticipantId == participantId).AnyAsync(CoachingRelationship.CoachingWithoutChangeAsked, cancellationToken);

    /// <summary>The round a request made now goes into: the newest not yet published; null when staff have none open.</summary>
    public Task<MatchingRound?> OpenRoundAsync(CancellationToken cancellationToken = default) =>
        db.MatchingRounds.AsNoTracking().Where(r => r.Status != RoundStatus.Published).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Active and paused coaches a participant may say they would rather not have, by name.</summary>
    public async Task<IReadOnlyList<CoachProfile>> CoachesAsync(CancellationToken cancellationToken = default) =>
        (await db.CoachProfiles.AsNoTracking().Where(c => c.Status != CoachStatus.Retired).ToListAsync(cancellationToken))
            .OrderBy(c => c.FamilyName, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.GivenName, StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>
    /// Checks the whole draft and saves it as the participant's request, in <paramref name="roundId"/> (staff) or the
    /// newest round not yet published (the participant); returns the round's name.
    /// </summary>
    public async Task<string> SubmitAsync(int participantId, RequestDraft draft, int? roundId = null, CancellationToken cancellationToken = default)
    {
        var characteristics = await vocabulary.CharacteristicsAsync(cancellationToken);
        if (draft.NextStep() != "check") throw new CoachingRuleException("Answer every question before you send your request.");
        if (draft.Wishes.Any(w => !characteristics.Contains(w.Key) || w.Value is not (RequestDraft.Must or RequestDraft.WouldLike or RequestDraft.NotNeeded)))
        {
            throw new CoachingRuleException("Your answers about characteristics are not valid: answer them again.");
        }

        AuthorityKind? kind = null;
        if (draft.AuthorityKind != RequestDraft.NoKind)
        {
            if (!AuthorityKinds.TryParse(draft.AuthorityKind, out var k)) throw new CoachingRuleException("Choose a kind of authority.");
            kind = k;
        }

        if (!CoachingModes.TryParseRequested(draft.Mode, out var mode)) throw new CoachingRuleException("Choose how you would like to be coached.");
        if (mode == RequestedMode.InPerson && !CoachingModes.IsRegionCode(draft.Region)) throw new CoachingRuleException("Choose your region.");
        var coaches = (await CoachesAsync(cancellationToken)).Select(c => c.Id).ToHashSet();
        if (draft.Avoid.Any(id => !coaches.Contains(id))) throw new CoachingRuleException("A coach you would rather not have is no longer in the pool: choose again.");

        var round = await db.MatchingRounds.Where(r => r.Status != RoundStatus.Published && (roundId == null || r.Id == roundId)).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CoachingRuleException(roundId is null ? "The programme team has no matching round open: try again later." : "This round is published: its requests can no longer change.");
        var authority = await OwnAuthorityAsync(participantId, cancellationToken);

        var request = await db.CoachingRequests.SingleOrDefaultAsync(r => r.RoundId == round.Id && r.ParticipantId == participantId, cancellationToken);
        if (request is null)
        {
            request = new CoachingRequest { RoundId = round.Id, ParticipantId = participantId, CreatedAt = clock.GetCurrentInstant() };
            db.CoachingRequests.Add(request);
        }

        request.AuthorityCode = authority ?? request.AuthorityCode;
        request.Must = CoachingLists.Join(draft.With(RequestDraft.Must));
        request.WouldLike = CoachingLists.Join(draft.With(RequestDraft.WouldLike));
        request.AuthorityKind = kind;
        request.Mode = mode;
        request.Region = mode == RequestedMode.InPerson || CoachingModes.IsRegionCode(draft.Region) ? draft.Region?.ToUpperInvariant() : null;
        request.AvoidCoachIds = CoachingLists.JoinIds(request.RematchFromCoachId is { } from ? [.. draft.Avoid, from] : draft.Avoid);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("CoachingRequestSubmitted", CoachingRequests.EntityType, request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"round {round.Name}", cancellationToken: cancellationToken);
        return round.Name;
    }
}
