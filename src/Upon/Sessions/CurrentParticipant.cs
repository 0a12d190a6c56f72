using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>Finds the participant record of the signed-in account.</summary>
public sealed class CurrentParticipant(UponDbContext db)
{
    /// <summary>The participant linked to the signed-in account, with enrolments; null when there is none.</summary>
    public Task<Participant?> FindAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is null
            ? Task.FromResult<Participant?>(null)
            : db.Participants.Include(p => p.Enrolments).ThenInclude(e => e.Strand).Include(p => p.Enrolments).ThenInclude(e => e.Cohort)
                .FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
    }
}
