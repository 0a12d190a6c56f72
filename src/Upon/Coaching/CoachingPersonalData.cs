using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Privacy;

namespace Upon.Coaching;

/// <summary>
/// What Coaching holds about a person: as a coach, their profile and consents; as a participant, their requests for a
/// coach; and either way the matching's decisions and proposals, relationships and logged sessions they are part of.
/// </summary>
public sealed class CoachingPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Coaching";

    public IReadOnlyList<string> Tables { get; } =
        ["coach_profiles", "coach_consents", "coaching_requests", "round_decisions", "round_proposals", "coaching_relationships", "coaching_sessions", "people", "appointments"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
        var normalised = subject.Email.ToUpperInvariant();
        var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var coaches = await db.CoachProfiles.Where(c => c.Email.ToLower() == lower).ToListAsync(cancellationToken);
        var participantIds = await db.Participants.Where(p => p.Email.ToLower() == lower || (p.UserId != null && userIds.Contains(p.UserId))).Select(p => p.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var coachIds = coaches.Select(c => c.Id).ToList();
        var requests = await db.CoachingRequests.Where(r => participantIds.Contains(r.ParticipantId)).ToListAsync(cancellationToken);
        var requestIds = requests.Select(r => r.Id).ToList();
        var relationships = await db.CoachingRelationships.Where(r => participantIds.Contains(r.ParticipantId) || coachIds.Contains(r.CoachId)).ToListAsync(cancellationToken);
        var relationshipIds = relationships.Select(r => r.Id).ToList();
        var personKeys = coaches.Where(c => c.PersonKey != null).Select(c => c.PersonKey!.Value).ToList();
        var people = await db.People.Where(p => personKeys.Contains(p.Id)).ToListAsync(cancellationToken);
        return
        [
            new("coach_profiles", coaches),
            new("coach_consents", await db.CoachConsents.Where(c => coachIds.Contains(c.CoachId)).ToListAsync(cancellationToken)),
            new("coaching_requests", requests),
            new("round_decisions", await db.RoundDecisions.Where(d => requestIds.Contains(d.RequestId) || coachIds.Contains(d.CoachId)).ToListAsync(cancellationToken)),
            new("round_proposals", await db.RoundProposals.Where(p => requestIds.Contains(p.RequestId) || (p.CoachId != null && coachIds.Contains(p.CoachId.Value))).ToListAsync(cancellationToken)),
            new("coaching_relationships", relationships),
            new("coaching_sessions", await db.CoachingSessionLogs.Where(s => relationshipIds.Contains(s.RelationshipId)).ToListAsync(cancellationToken)),
            .. await RegisterPersonalData.RowsAsync(db, people, cancellationToken),
        ];
    }

    /// <summary>What a subject access download gives in place of a matching proposal's reasons.</summary>
    public const string ReasonsWithheld = "Withheld: the matching's reasons name the other person's characteristics or wishes (special-category data)";

    /// <summary>
    /// A proposal's reasons ("shares what they must have: ...") name both the coach's consented characteristics and the
    /// participant's wishes: neither the participant nor the coach gets them in a download (the participant's own wishes
    /// are in their request, the coach's own consents in their consents).
    /// </summary>
    public object? ForDownload(string table, string column, object? value) =>
        table == "round_proposals" && column == nameof(RoundProposal.Reasons) && value is string { Length: > 0 } ? ReasonsWithheld : value;

    /// <summary>Coaching records go with their participant, whom the programme's retention rule erases.</summary>
    public Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RetentionDue>>([]);
}
