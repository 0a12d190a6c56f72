using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Sessions.Pages.Strands;

/// <summary>Changes a cohort's name and dates.</summary>
[Authorize(Policy = Policies.Staff)]
public class EditCohortModel(StrandService strands, UponDbContext db) : PageModel
{
    [BindProperty]
    public CohortForm Form { get; set; } = new();

    public Cohort Cohort { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = CohortForm.From(Cohort);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Form.Validate(ModelState) is not { } details)
        {
            return Page();
        }
        var result = await strands.EditCohortAsync(id, details, cancellationToken);
        if (!result.Succeeded)
        {
            StrandFormErrors.Add(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = $"Cohort {details.Name} updated";
        return Redirect(SessionPages.StrandsUrl);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Cohorts.AsNoTracking().Include(c => c.Strand).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } cohort)
        {
            return false;
        }
        Cohort = cohort;
        return true;
    }
}
