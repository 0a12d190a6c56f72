using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.Coaching.Pages.My;

/// <summary>
/// "Are you sure?" before a participant asks to change coach: the request flags the relationship to staff and files a
/// rematch request, which the participant cannot take back themselves.
/// </summary>
[Authorize(Policy = Policies.Participants)]
public sealed class ChangeCoachModel(UponDbContext db, CurrentParticipant current, CoachingService coaching) : PageModel
{
    public CoachingRelationship Relationship { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } elsewhere) return elsewhere;
        await coaching.RequestChangeAsync(Relationship.ParticipantId, id, cancellationToken);
        TempData[nameof(CoachModel.Notice)] = "You asked to change coach: the programme team will find you another.";
        return Redirect("/my/coach");
    }

    /// <summary>Loads their own relationship that holds a coach's place with no change asked; otherwise where to go instead.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null) return NotFound();
        var relationship = await db.CoachingRelationships.AsNoTracking().Include(r => r.Coach)
            .SingleOrDefaultAsync(r => r.Id == id && r.ParticipantId == participant.Id, cancellationToken);
        if (relationship is null) return NotFound();
        if (!relationship.CoachesWithoutChangeAsked) return Redirect("/my/coach");
        Relationship = relationship;
        return null;
    }
}
