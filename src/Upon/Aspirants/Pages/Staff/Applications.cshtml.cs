using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>A cohort's submitted applications with why each is or is not eligible, for administrators.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class ApplicationsModel(UponDbContext db, CohortApplications applications) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<ApplicationEligibility> Applications { get; private set; } = [];
    public int Drafts { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Applications = await applications.ListAsync(id, cancellationToken);
        Drafts = await db.AspirantApplications.CountAsync(a => a.CohortId == id && a.Status == ApplicationStatus.Draft, cancellationToken);
        return Page();
    }
}
