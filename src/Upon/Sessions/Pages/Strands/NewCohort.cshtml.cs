using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Sessions.Pages.Strands;

/// <summary>Adds a cohort to a strand that runs in cohorts.</summary>
[Authorize(Policy = Policies.Staff)]
public class NewCohortModel(StrandService strands, UponDbContext db) : PageModel
{
    [BindProperty]
    public CohortForm Form { get; set; } = new();

    public Strand Strand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

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
        var result = await strands.AddCohortAsync(id, details, cancellationToken);
        if (!result.Succeeded)
        {
            StrandFormErrors.Add(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = $"Cohort {details.Name} added to {Strand.Name}";
        return Redirect(SessionPages.StrandsUrl);
    }

    /// <summary>Only a strand that runs in cohorts can have one added.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Strands.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.HasCohorts, cancellationToken) is not { } strand)
        {
            return false;
        }
        Strand = strand;
        return true;
    }
}
