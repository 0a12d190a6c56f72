using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>Changes to the pool, consents, relationships and logged sessions; each saved (and audited) at once.</summary>
public sealed class CoachingService(UponDbContext db, IClock clock, Rematches rematches)
{
    public async Task SetCapacityAsync(int coachId, int capacity, CancellationToken cancellationToken = default)
    {
        if (capacity is < 0 or > CoachProfile.MaxCapacity) throw new CoachingRuleException($"The capacity must be from 0 to {CoachProfile.MaxCapacity}.");
        var coach = await db.CoachProfiles.SingleAsync(c => c.Id == coachId, cancellationToken);
        coach.Capacity = capacity;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetStatusAsync(int coachId, CoachStatus status, CancellationToken cancellationToken = default)
    {
        var coach = await db.CoachProfiles.SingleAsync(c => c.Id == coachId, cancellationToken);
        coach.Status = status;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The coach gives (or withdraws) consent to be matched on one characteristic, today.</summary>
    public async Task SetConsentAsync(int coachId, string characteristic, bool consent, CancellationToken cancellationToken = default)
    {
        var coach = await db.CoachProfiles.Include(c => c.Consents).SingleAsync(c => c.Id == coachId, cancellationToken);
        var inForce = coach.Consents.Where(c => c.WithdrawnOn is null).Select(c => c.Characteristic).ToHashSet();
        if (consent) inForce.Add(characteristic);
        else inForce.Remove(characteristic);
        CoachConsents.Apply(coach, inForce, clock.TodayInLondon());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Staff pause, resume, end early or complete a relationship (<see cref="RelationshipStatusRules"/>), recording the
    /// reason and the day; a coachee's ask to change coach is left as it is. Returns the problems and writes nothing when
    /// the change is refused.
    /// </summary>
    public async Task<IReadOnlyList<RelationshipStatusProblem>> ChangeRelationshipStatusAsync(RelationshipStatusChange change, CancellationToken cancellationToken = default)
    {
        var relationship = await db.CoachingRelationships.SingleOrDefaultAsync(r => r.Id == change.RelationshipId, cancellationToken)
            ?? throw new CoachingRuleException("There is no such coaching relationship.");
        var problems = RelationshipStatusRules.Check(relationship, change.To, change.On, change.Reason, clock.TodayInLondon());
        if (problems.Count > 0) return problems;
        relationship.Status = change.To;
        relationship.StatusReason = RelationshipStatusRules.CleanReason(change.Reason);
        relationship.StatusChangedOn = change.On;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <summary>The coach logs a session of a relationship of theirs (no notes of content); not once it has ended early or completed.</summary>
    public async Task LogSessionAsync(int coachId, int relationshipId, LocalDate date, int minutes, bool inPerson, CancellationToken cancellationToken = default)
    {
        var relationship = await db.CoachingRelationships.SingleOrDefaultAsync(r => r.Id == relationshipId && r.CoachId == coachId, cancellationToken)
            ?? throw new CoachingRuleException("This is not one of your coachees.");
        if (RelationshipStatusRules.IsFinal(relationship.Status)) throw new CoachingRuleException(RelationshipStatusRules.EndedLoggingRefused);
        var today = clock.TodayInLondon();
        if (date > today) throw new CoachingRuleException("The date of the session must be today or in the past.");
        if (date < relationship.StartsOn) throw new CoachingRuleException("The date of the session must be on or after the relationship started.");
        if (minutes is < CoachingSessionLog.MinMinutes or > CoachingSessionLog.MaxMinutes) throw new CoachingRuleException($"The length must be from {CoachingSessionLog.MinMinutes} to {CoachingSessionLog.MaxMinutes} minutes.");
        relationship.Sessions.Add(new CoachingSessionLog { Date = date, Minutes = minutes, InPerson = inPerson, Confirmation = SessionConfirmation.Pending, LoggedAt = clock.GetCurrentInstant() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The coachee confirms or queries a session logged in their relationship.</summary>
    public async Task AnswerSessionAsync(int participantId, int sessionId, bool confirm, string? reason, CancellationToken cancellationToken = default)
    {
        var session = await db.CoachingSessionLogs.Include(s => s.Relationship)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.Relationship!.ParticipantId == participantId, cancellationToken)
            ?? throw new CoachingRuleException("This is not one of your sessions.");
        session.Confirmation = confirm ? SessionConfirmation.Confirmed : SessionConfirmation.Queried;
        session.QueryReason = confirm ? null : (reason ?? "").Trim() is { Length: > 0 } r ? r[..Math.Min(r.Length, 500)] : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The coachee asks to change coach: flagged for staff, with a rematch request (current coach excluded) in the newest
    /// round not yet published; when staff have none open, the ask waits for the next round opened (<see cref="Rematches"/>).
    /// </summary>
    public async Task RequestChangeAsync(int participantId, int relationshipId, CancellationToken cancellationToken = default)
    {
        var relationship = await db.CoachingRelationships.SingleOrDefaultAsync(r => r.Id == relationshipId && r.ParticipantId == participantId, cancellationToken)
            ?? throw new CoachingRuleException("This is not your coaching relationship.");
        if (!Rematches.OpensRematch(relationship)) throw new CoachingRuleException("This coaching is completed: there is no coach to change.");
        relationship.ChangeRequestedOn ??= clock.TodayInLondon();
        var round = await db.MatchingRounds.Include(r => r.Requests.Where(q => q.ParticipantId == participantId))
            .Where(r => r.Status != RoundStatus.Published).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (round is not null) await rematches.AddAsync(round, relationship, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Hours used against entitlement: logged sessions that the coachee has not queried.</summary>
public static class CoachingHours
{
    public static int MinutesUsed(IEnumerable<CoachingSessionLog> sessions) =>
        sessions.Where(s => s.Confirmation != SessionConfirmation.Queried).Sum(s => s.Minutes);

    public static string Hours(int minutes) => (minutes / 60.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
