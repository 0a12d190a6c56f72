using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Upon.Accounts.Pages.SignIn;

/// <summary>
/// Sign-in by email and password. Unknown emails, wrong passwords, locked and disabled accounts all get the same answer,
/// and five failures lock an account for fifteen minutes.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(SignInManager<UponUser> signIn, UserManager<UponUser> users, ILogger<IndexModel> logger) : PageModel
{
    public const string Failure = "Enter a correct email address and password";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null || user.IsDisabled)
        {
            // Spend the same effort as checking a real password, so the answer's timing does not reveal the account.
            users.PasswordHasher.HashPassword(new UponUser(), Password!);
            return Failed("unknown or disabled account");
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            return Failed(result.IsLockedOut ? "locked out" : "wrong password");
        }
        logger.LogInformation("Signed in: user {UserId}", user.Id);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Failed(string why)
    {
        logger.LogWarning("Failed sign-in ({Why})", why);
        ModelState.AddModelError(nameof(Email), Failure);
        return Page();
    }
}
