using NodaTime;
using Upon.Sessions;

namespace Upon.Coaching;

/// <summary>Where a round is: taking requests, run with results pending review, or published.</summary>
public enum RoundStatus
{
    Open,
    Pending,
    Published,
}

/// <summary>A matching round: its name, its weights (stored with it), its requests, staff's decisions and its results.</summary>
public class MatchingRound
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int WouldLikeWeight { get; set; } = 10;
    public int AuthorityKindWeight { get; set; } = 4;
    public int InPersonWeight { get; set; } = 3;
    public RoundStatus Status { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? RunAt { get; set; }
    public Instant? PublishedAt { get; set; }
    public List<CoachingRequest> Requests { get; set; } = [];
    public List<RoundDecision> Decisions { get; set; } = [];
    public List<RoundProposal> Proposals { get; set; } = [];

    public Core.Coaching.MatchingWeights Weights => new(WouldLikeWeight, AuthorityKindWeight, InPersonWeight);

    public const int MaxNameLength = 100;
}

/// <summary>
/// A participant's request in a round. Special-category data: seen by the participant, administrators and the matching
/// only; every view is audited (<see cref="CoachingRequests"/>).
/// </summary>
public class CoachingRequest
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public MatchingRound? Round { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }

    /// <summary>The participant's own authority (DfE LA code), from the register, their enrolment or the import.</summary>
    public string? AuthorityCode { get; set; }
    public string Must { get; set; } = "";
    public string WouldLike { get; set; } = "";
    public Core.Coaching.AuthorityKind? AuthorityKind { get; set; }
    public Core.Coaching.RequestedMode Mode { get; set; }
    public string? Region { get; set; }

    /// <summary>Coach profile ids the participant would rather not have, separated by <c>;</c>.</summary>
    public string AvoidCoachIds { get; set; } = "";

    /// <summary>Whether staff allow a coach who coached them before.</summary>
    public bool PreviousCoachAllowed { get; set; }

    /// <summary>The coach of the relationship this request asks to change from (a rematch), who is excluded.</summary>
    public int? RematchFromCoachId { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>
    /// The request's wishes as its published round's figures count them (how many characteristics it must have and would
    /// like in a coach, and how many of each its coach shares), written down before the wishes or its coach's consents are
    /// erased (<see cref="CoachingErasureFigures"/>); null while the wishes themselves are counted.
    /// </summary>
    public int? CountedMust { get; set; }

    /// <inheritdoc cref="CountedMust"/>
    public int? CountedMustMet { get; set; }

    /// <inheritdoc cref="CountedMust"/>
    public int? CountedWouldLike { get; set; }

    /// <inheritdoc cref="CountedMust"/>
    public int? CountedWouldLikeMet { get; set; }
}

/// <summary>Staff's decision on a pair in a round: lock it (kept on re-run) or forbid it (never proposed).</summary>
public enum DecisionKind
{
    Locked,
    Forbidden,
}

public class RoundDecision
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RequestId { get; set; }
    public CoachingRequest? Request { get; set; }
    public int CoachId { get; set; }
    public CoachProfile? Coach { get; set; }
    public DecisionKind Kind { get; set; }
}

/// <summary>One line of a round's results: a proposed pair, or (no coach) a participant left unmatched, with reasons.</summary>
public class RoundProposal
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int RequestId { get; set; }
    public CoachingRequest? Request { get; set; }
    public int? CoachId { get; set; }
    public CoachProfile? Coach { get; set; }
    public int Score { get; set; }
    public bool Locked { get; set; }

    /// <summary>The reasons, one sentence a line.</summary>
    public string Reasons { get; set; } = "";
}
