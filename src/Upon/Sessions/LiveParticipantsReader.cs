using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Sessions;

/// <summary>
/// The people the participants' rule (<see cref="SessionsPersonalData.FindRetentionDueAsync"/>) decides about: each
/// participant not yet erased, by their address, their account's and their register record. Another feature's retention
/// rule about a person leaves such a person to it, which erases all their records together once nothing of theirs goes on.
/// </summary>
public sealed class LiveParticipantsReader(UponDbContext db) : ILiveParticipants
{
    public async Task<LiveParticipants> ReadAsync(CancellationToken cancellationToken)
    {
        var live = await db.Participants.AsNoTracking().Where(p => !p.Email.EndsWith(ErasedAddresses.End))
            .Select(p => new { p.Email, p.PersonKey, Account = p.User != null ? p.User.Email : null }).ToListAsync(cancellationToken);
        return new LiveParticipants(
            live.SelectMany(p => new[] { p.Email, p.Account }).OfType<string>().Select(e => e.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            live.Where(p => p.PersonKey != null).Select(p => p.PersonKey!.Value).ToHashSet());
    }
}
