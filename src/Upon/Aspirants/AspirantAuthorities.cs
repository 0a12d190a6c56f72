using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared;

namespace Upon.Aspirants;

/// <summary>An aspirant's own authority: the one named in their latest application that has one (the authority they work in).</summary>
public sealed class AspirantAuthorities(UponDbContext db) : IParticipantAuthoritySource
{
    public Task<string?> AuthorityOfAsync(int participantId, CancellationToken cancellationToken) =>
        db.AspirantApplications.AsNoTracking()
            .Where(a => a.ParticipantId == participantId && a.AuthorityCode != null)
            .OrderByDescending(a => a.CohortId).ThenByDescending(a => a.Id)
            .Select(a => a.AuthorityCode)
            .FirstOrDefaultAsync(cancellationToken);
}
