using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Aspirants.Apply.Pages.Staff;

/// <summary>Staff record an endorsement that came another way (a letter, an email to the team); it is audited with who recorded it.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RecordEndorsementModel(UponDbContext db, Endorsements endorsements) : PageModel
{
    public AspirantApplication Application { get; private set; } = null!;
    [BindProperty] public string? Endorsed { get; set; }
    [BindProperty] public string? Statement { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Endorsed = Application.Endorsement?.Endorsed switch { true => "yes", false => "no", null => null };
        Statement = Application.Endorsement?.Statement;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Endorsed is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Endorsed), "Select whether the director endorsed the application");
        }
        var statement = Statement?.Trim() ?? "";
        if (statement.Length == 0)
        {
            ModelState.AddModelError(nameof(Statement), "Enter the director's statement, or how the endorsement was received");
        }
        else if (statement.Length > AspirantEndorsement.MaxStatementLength)
        {
            ModelState.AddModelError(nameof(Statement), $"The statement must be {AspirantEndorsement.MaxStatementLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await endorsements.RecordAsync(id, Endorsed == "yes", statement, cancellationToken);
        TempData["Success"] = $"Endorsement of {Application.ApplicationId} recorded.";
        return Redirect($"/aspirants/endorsements?cohort={Uri.EscapeDataString(Application.Cohort!.Name)}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await db.AspirantApplications.AsNoTracking().Include(a => a.Cohort).Include(a => a.Endorsement)
            .FirstOrDefaultAsync(a => a.Id == id && a.Status == ApplicationStatus.Submitted, cancellationToken);
        if (application is null)
        {
            return false;
        }
        Application = application;
        return true;
    }
}
