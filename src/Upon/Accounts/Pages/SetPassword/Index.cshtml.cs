using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Upon.Accounts.Pages.SetPassword;

/// <summary>Where an invitation link lands: the person sets their password once, within 7 days.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(AccountService accounts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool LinkIsValid { get; private set; }

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return LinkIsValid ? Page() : NotFoundPage();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!LinkIsValid)
        {
            return NotFoundPage();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The passwords do not match");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var errors = await accounts.RedeemAsync(Token!, Password!);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError(nameof(Password), error);
            }
            return Page();
        }
        TempData["Success"] = "Your password is set. Sign in with it now";
        return Redirect("/account/sign-in");
    }

    private async Task LoadAsync()
    {
        var user = await accounts.FindInvitedUserAsync(Token);
        LinkIsValid = user is not null;
        Email = user?.Email;
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
