using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>
/// Reads of coaching requests (special-category data): each read is recorded in the audit log before the data is
/// returned, naming the request and why it was read.
/// </summary>
public sealed class CoachingRequests(UponDbContext db, AuditLog audit)
{
    public const string EntityType = nameof(CoachingRequest);

    public async Task<IReadOnlyList<CoachingRequest>> ReadRoundAsync(int roundId, string why, CancellationToken cancellationToken = default)
    {
        await audit.RecordViewAsync(nameof(MatchingRound), roundId.ToString(System.Globalization.CultureInfo.InvariantCulture), $"coaching requests of the round, {why}", cancellationToken);
        return await db.CoachingRequests.AsNoTracking().Include(r => r.Participant).Where(r => r.RoundId == roundId).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CoachingRequest>> ReadOwnAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var requests = await db.CoachingRequests.AsNoTracking().Include(r => r.Round).Where(r => r.ParticipantId == participantId).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            await audit.RecordViewAsync(EntityType, request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "their own coaching request, by the participant", cancellationToken);
        }

        return requests;
    }
}
