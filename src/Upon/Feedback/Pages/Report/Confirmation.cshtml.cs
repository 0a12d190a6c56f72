using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Feedback.Pages.Report;

/// <summary>The reference of the report just sent; it travels in TempData, so the address shows nothing to anyone else.</summary>
[AllowAnonymous]
public class ConfirmationModel : PageModel
{
    public string Reference { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (TempData[IndexModel.ReferenceKey] is not string reference)
        {
            return Redirect("/report-a-problem");
        }
        Reference = reference;
        return Page();
    }
}
