using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Accounts;
using Upon.Shared.Text;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>Asks for a new link to an application by its email; the answer never says whether there is one.</summary>
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class ReturnLinkModel(ApplicationForm form) : ApplyPageModel(form)
{
    [BindProperty] public string? Email { get; set; }
    [FromQuery] public bool Expired { get; set; }
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        var email = Email?.Trim() ?? "";
        if (!EmailAddresses.IsValid(email))
        {
            ModelState.AddModelError(nameof(Email), email.Length == 0 ? "Enter your email address" : "Enter an email address in the correct format, like name@example.org");
            return Page();
        }
        await Form.SendReturnLinkAsync(Cohort, email, cancellationToken);
        Sent = true;
        return Page();
    }
}
