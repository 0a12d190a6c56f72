using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Accounts;

namespace Upon.NewDirectors.Pages.Invitation;

/// <summary>
/// The page an invitation email links to: public, because the director has no account yet; the secret in the address
/// is the proof that they received the email.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class IndexModel(InvitationAcceptance acceptance) : PageModel
{
    public InvitationView View { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public bool Declined { get; private set; }

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken cancellationToken)
    {
        return await LoadAsync(secret, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string secret, CancellationToken cancellationToken)
    {
        var accepted = await acceptance.AcceptAsync(secret, cancellationToken);
        if (accepted is null)
        {
            return await LoadAsync(secret, cancellationToken) ? Page() : NotFound();
        }
        TempData["Success"] = "Welcome to the New Directors programme.";
        return Redirect(accepted.SetPasswordPath ?? "/account/sign-in?ReturnUrl=%2Fmy%2Fjourney");
    }

    public async Task<IActionResult> OnPostDeclineAsync(string secret, CancellationToken cancellationToken)
    {
        if (Reason?.Trim().Length > DirectorInvitation.MaxReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), $"Your reason must be {DirectorInvitation.MaxReasonLength:N0} characters or fewer");
            return await LoadAsync(secret, cancellationToken) ? Page() : NotFound();
        }
        var declined = await acceptance.DeclineAsync(secret, Reason, cancellationToken);
        if (!await LoadAsync(secret, cancellationToken))
        {
            return NotFound();
        }
        Declined = declined;
        return Page();
    }

    private async Task<bool> LoadAsync(string secret, CancellationToken cancellationToken)
    {
        var view = await acceptance.FindAsync(secret, cancellationToken);
        if (view is null)
        {
            return false;
        }
        View = view;
        return true;
    }
}
