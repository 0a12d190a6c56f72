using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Sessions;

namespace Upon.Coaching;

public enum RelationshipStatus
{
    Active,
    Paused,
    EndedEarly,
    Completed,
}

/// <summary>A coach and a coachee over a coaching year, with the entitlement they work through.</summary>
public class CoachingRelationship
{
    public int Id { get; set; }
    public int CoachId { get; set; }
    public CoachProfile? Coach { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int? RoundId { get; set; }
    public LocalDate StartsOn { get; set; }
    public LocalDate EndsOn { get; set; }
    public int EntitledSessions { get; set; }
    public int EntitledMinutes { get; set; }
    public RelationshipStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public LocalDate? StatusChangedOn { get; set; }

    /// <summary>When the coachee asked to change coach (a rematch request is opened with this coach excluded).</summary>
    public LocalDate? ChangeRequestedOn { get; set; }
    public List<CoachingSessionLog> Sessions { get; set; } = [];

    /// <summary>Whether the relationship holds one of the coach's places: while active or paused, not once it ended early or completed.</summary>
    public bool HoldsPlace => Status is RelationshipStatus.Active or RelationshipStatus.Paused;

    /// <summary><see cref="HoldsPlace"/> for a query: the relationships that count against a coach's capacity.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<CoachingRelationship, bool>> HoldingPlace =
        r => r.Status == RelationshipStatus.Active || r.Status == RelationshipStatus.Paused;

    /// <summary>How many places each coach's relationships hold (<see cref="HoldingPlace"/>), by coach id; a coach holding none is left out.</summary>
    public static Task<Dictionary<int, int>> PlacesHeldAsync(IQueryable<CoachingRelationship> relationships, CancellationToken cancellationToken) =>
        relationships.Where(HoldingPlace).GroupBy(r => r.CoachId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// Holds a coach's place and the coachee has not asked to change coach: they have a coach, and nothing to ask for
    /// until they ask to change (which opens their rematch request).
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<CoachingRelationship, bool>> CoachingWithoutChangeAsked =
        r => (r.Status == RelationshipStatus.Active || r.Status == RelationshipStatus.Paused) && r.ChangeRequestedOn == null;

    private static readonly Func<CoachingRelationship, bool> IsCoachingWithoutChangeAsked = CoachingWithoutChangeAsked.Compile();

    /// <summary><see cref="CoachingWithoutChangeAsked"/> for a relationship already loaded.</summary>
    public bool CoachesWithoutChangeAsked => IsCoachingWithoutChangeAsked(this);
}

public enum SessionConfirmation
{
    Pending,
    Confirmed,
    Queried,
}

/// <summary>A coaching session the coach logged; the coachee confirms or queries it. No notes of content.</summary>
public class CoachingSessionLog
{
    public int Id { get; set; }
    public int RelationshipId { get; set; }
    public CoachingRelationship? Relationship { get; set; }
    public LocalDate Date { get; set; }
    public int Minutes { get; set; }
    public bool InPerson { get; set; }
    public SessionConfirmation Confirmation { get; set; }
    public string? QueryReason { get; set; }
    public Instant LoggedAt { get; set; }

    public const int MinMinutes = 15;
    public const int MaxMinutes = 480;
}
