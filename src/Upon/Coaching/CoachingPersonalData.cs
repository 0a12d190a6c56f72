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
        var personKeys = coaches.Where(c => c.PersonKey != null).Select(c => c.PersonKey!.Value).ToList();
        var people = await db.People.Where(p => personKeys.Contains(p.Id)).ToListAsync(cancellationToken);
        return [.. await RowsAsync(coaches, participantIds, cancellationToken), .. await RegisterPersonalData.RowsAsync(db, people, cancellationToken)];
    }

    private async Task<List<PersonalRows>> RowsAsync(List<CoachProfile> coaches, List<int> participantIds, CancellationToken cancellationToken)
    {
        var coachIds = coaches.Select(c => c.Id).ToList();
        var requests = await db.CoachingRequests.Where(r => participantIds.Contains(r.ParticipantId)).ToListAsync(cancellationToken);
        var requestIds = requests.Select(r => r.Id).ToList();
        var relationships = await db.CoachingRelationships.Where(r => participantIds.Contains(r.ParticipantId) || coachIds.Contains(r.CoachId)).ToListAsync(cancellationToken);
        var relationshipIds = relationships.Select(r => r.Id).ToList();
        return
        [
            new("coach_profiles", coaches),
            new("coach_consents", await db.CoachConsents.Where(c => coachIds.Contains(c.CoachId)).ToListAsync(cancellationToken)),
            new("coaching_requests", requests),
            new("round_decisions", await db.RoundDecisions.Where(d => requestIds.Contains(d.RequestId) || coachIds.Contains(d.CoachId)).ToListAsync(cancellationToken)),
            new("round_proposals", await db.RoundProposals.Where(p => requestIds.Contains(p.RequestId) || (p.CoachId != null && coachIds.Contains(p.CoachId.Value))).ToListAsync(cancellationToken)),
            new("coaching_relationships", relationships),
            new("coaching_sessions", await db.CoachingSessionLogs.Where(s => relationshipIds.Contains(s.RelationshipId)).ToListAsync(cancellationToken)),
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

    /// <summary>
    /// Coaches who left the pool (retired) with no programme activity for the data map's period: their joining, their
    /// relationships as coach and what other features record under their address (<see cref="IProgrammeActivity"/>).
    /// Their profile, consents and their side of the matching and relationships are erased by the policy, each coach
    /// under a pseudonym of their own; the coachees' requests stay with the coachees. A coach who is also a participant
    /// is left to the participants' rule, which erases them whole.
    /// </summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("coach_profiles") is not { } since)
        {
            return [];
        }
        var retired = await db.CoachProfiles.AsNoTracking().Where(c => c.Status == CoachStatus.Retired && !c.Email.EndsWith(ErasedAddresses.End))
            .Select(c => new { c.Id, c.Email, c.PersonKey, c.CreatedAt }).ToListAsync(cancellationToken);
        if (retired.Count == 0)
        {
            return [];
        }
        var dueIds = retired.Where(c => !context.Live.Includes(c.Email, c.PersonKey) && context.Activity.QuietBefore(c.Email, c.CreatedAt.InZone(Upon.Core.Time.London).Date, since))
            .Select(c => c.Id).ToList();
        if (dueIds.Count == 0)
        {
            return [];
        }
        var people = new List<IReadOnlyList<PersonalRows>>();
        foreach (var coach in (await db.CoachProfiles.Where(c => dueIds.Contains(c.Id)).ToListAsync(cancellationToken)).GroupBy(c => c.Email.ToLowerInvariant(), StringComparer.Ordinal))
        {
            people.Add([.. (await RowsAsync([.. coach], [], cancellationToken)).Where(r => r.Rows.Count > 0)]);
        }
        var counts = people.SelectMany(p => p).GroupBy(r => r.Table, StringComparer.Ordinal).Select(g => $"{g.Sum(r => r.Rows.Count)} rows of {g.Key}");
        return [new RetentionDue("Coaches who left the pool",
            $"{people.Count} retired coaches whose last programme activity was before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}: {string.Join(", ", counts)}",
            People: people)];
    }
}
