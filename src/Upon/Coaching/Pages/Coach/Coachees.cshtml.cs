using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Text;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Coaching.Pages.Coach;

/// <summary>A coach's coachees, their logged sessions and hours; the coach logs a session here. Never what was asked.</summary>
[Authorize(Roles = Roles.Coach)]
public sealed class CoacheesModel(UponDbContext db, CurrentCoach current, CoachingService coaching) : PageModel
{
    public CoachProfile? Coach { get; private set; }
    public IReadOnlyList<CoachingRelationship> Relationships { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostLogAsync(int relationshipId, string? date, string? minutes, string? mode, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // Only one of the coach's own relationships has a form here to show errors by (a changed hidden field is not one).
        if (Coach is null || !Relationships.Any(r => r.Id == relationshipId)) return NotFound();
        var key = $"log-{relationshipId}";
        var parsedDate = LocalDatePattern.Iso.Parse(date?.Trim() ?? "");
        if (!parsedDate.Success) ModelState.AddModelError($"{key}-date", "Enter the date of the session in the form YYYY-MM-DD");
        if (!int.TryParse(minutes, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)) ModelState.AddModelError($"{key}-minutes", "Enter the length in minutes, like 60");
        if (mode is not ("online" or "in-person")) ModelState.AddModelError($"{key}-mode", "Select online or in person");
        if (ModelState.IsValid)
        {
            try
            {
                await coaching.LogSessionAsync(Coach.Id, relationshipId, parsedDate.Value, length, mode == "in-person", cancellationToken);
                Notice = "Session logged. Your coachee will be asked to confirm it.";
                return Redirect("/coach/coachees");
            }
            catch (CoachingRuleException e)
            {
                ModelState.AddModelError($"{key}-date", e.Message);
            }
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Coach = await current.FindAsync(User, cancellationToken);
        if (Coach is null) return;
        Relationships = await db.CoachingRelationships.AsNoTracking().Include(r => r.Participant).Include(r => r.Sessions)
            .Where(r => r.CoachId == Coach.Id).OrderBy(r => r.Participant!.FamilyName).ToListAsync(cancellationToken);
    }
}
