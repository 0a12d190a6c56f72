using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Data;

namespace Upon.Sessions.Pages.Strands;

/// <summary>Changes a strand's name, summary and whether it runs in cohorts. Its web address name stays.</summary>
[Authorize(Policy = Policies.Staff)]
public class EditModel(StrandService strands, UponDbContext db) : PageModel
{
    [BindProperty]
    public StrandForm Form { get; set; } = new();

    public Strand Strand { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = StrandForm.From(Strand);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Form.Validate(ModelState, withSlug: false) is not { } details)
        {
            return Page();
        }
        var result = await strands.EditStrandAsync(id, details, cancellationToken);
        if (!result.Succeeded)
        {
            StrandFormErrors.Add(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = $"Strand {details.Name} updated";
        return Redirect(SessionPages.StrandsUrl);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Strands.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } strand)
        {
            return false;
        }
        Strand = strand;
        return true;
    }
}
