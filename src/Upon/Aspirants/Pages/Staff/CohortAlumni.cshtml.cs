using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Pages.Staff;

/// <summary>
/// A cohort's alumni record, for administrators: each alumnus and whether, when and where they became a DCS, and how
/// Upon linked them to the register. No equality answers.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class CohortAlumniModel(UponDbContext db, AlumniRecords records) : PageModel
{
    public AspirantCohort Cohort { get; private set; } = null!;
    public IReadOnlyList<AlumnusRecord> Alumni { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.AspirantCohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null) return NotFound();
        Cohort = cohort;
        Alumni = await records.ForCohortAsync(id, cancellationToken);
        return Page();
    }
}
