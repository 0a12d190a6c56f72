using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>The coach profile of the signed-in account: the profile with the account's email address.</summary>
public sealed class CurrentCoach(UponDbContext db)
{
    public async Task<CoachProfile?> FindAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null) return null;
        var lower = email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
        return await db.CoachProfiles.Include(c => c.Consents).SingleOrDefaultAsync(c => c.Email.ToLower() == lower, cancellationToken);
#pragma warning restore CA1862
    }
}
