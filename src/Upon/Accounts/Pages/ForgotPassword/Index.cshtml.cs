using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Shared.Text;

namespace Upon.Accounts.Pages.ForgotPassword;

/// <summary>Password reset by email. The answer is the same whether or not an account has the address.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(AccountService accounts) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
            return Page();
        }
        if (!EmailAddresses.IsValid(Email.Trim()))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.org");
            return Page();
        }
        await accounts.RequestPasswordResetAsync(Email, $"{Request.Scheme}://{Request.Host}", cancellationToken);
        Sent = true;
        return Page();
    }
}
