using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.CohortYear.Pages.Staff;

/// <summary>A cohort's participants in their year: taught days attended against the completion rule, and completion once recorded.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class ParticipantsModel(UponDbContext db, CohortParticipants participants, OfferResponse offers) : PageModel
{
    public CohortYearView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        View = await participants.LoadAsync(cohort, cancellationToken);
        return Page();
    }

    /// <summary>Records completion now for every cohort whose taught days are over (as the scheduled run does).</summary>
    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken cancellationToken)
    {
        if (!await db.AspirantCohorts.AnyAsync(c => c.Id == id, cancellationToken)) return NotFound();
        var recorded = await offers.RecordCompletionAsync(cancellationToken);
        TempData["Notice"] = recorded == 1 ? "Completion was recorded for 1 participant" : $"Completion was recorded for {recorded} participants";
        return Redirect($"/aspirants/{id}/participants");
    }
}
