using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Accounts.Pages.Tokens;

/// <summary>
/// A signed-in user's own API tokens: create (shown once), list and revoke. Only the cookie of an interactive sign-in
/// reaches this page, and one whose password was entered in the last 15 minutes (<see cref="Policies.RecentSignIn"/>).
/// </summary>
[Authorize]
[Authorize(Policy = Policies.RecentSignIn)]
public class IndexModel(ApiTokenService tokens) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    public string? NewSecret { get; private set; }

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(UserId);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the token");
        }
        else if (Name.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(Name), "The name must be 100 characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            Tokens = await tokens.ListAsync(UserId);
            return Page();
        }
        (_, NewSecret) = await tokens.CreateInSignInAsync(User, Name!);
        Name = null;
        Tokens = await tokens.ListAsync(UserId);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId)
    {
        if (!await tokens.RevokeAsync(UserId, tokenId))
        {
            return NotFound();
        }
        TempData["Success"] = "Token revoked";
        return RedirectToPage();
    }
}
