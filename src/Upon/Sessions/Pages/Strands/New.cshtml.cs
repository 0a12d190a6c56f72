using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Strands;

/// <summary>Adds a strand to the programme.</summary>
[Authorize(Policy = Policies.Staff)]
public class NewModel(StrandService strands) : PageModel
{
    [BindProperty]
    public StrandForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Form.Validate(ModelState, withSlug: true) is not { } details)
        {
            return Page();
        }
        var result = await strands.AddStrandAsync(Form.Slug!, details, cancellationToken);
        if (!result.Succeeded)
        {
            StrandFormErrors.Add(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = $"Strand {details.Name} added";
        return Redirect(SessionPages.StrandsUrl);
    }
}
