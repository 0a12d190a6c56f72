using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Audit;

namespace Upon.Accounts.Pages.ConfirmPassword;

/// <summary>
/// "Confirm your password": before creating a credential (an API token, a passkey, two-factor sign-in) a sign-in older than
/// 15 minutes re-enters its password, then goes back where it was. Wrong passwords count towards the lockout and are audited.
/// </summary>
[Authorize(Policy = TwoFactorRule.SetUpPolicy)]
[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(UponSignInManager signIn, UserManager<UponUser> users, AuditLog audit, ILogger<IndexModel> logger) : PageModel
{
    public const string Failure = "Enter your correct password";

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
            return Page();
        }
        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var why = result.IsLockedOut ? "password confirmation: locked out" : result.IsNotAllowed ? "password confirmation: not allowed" : "password confirmation: wrong password";
            logger.LogWarning("Failed password confirmation ({Why}): user {UserId}", why, user.Id);
            await audit.RecordAsync(AuditActions.SignInFailed, detail: why, userId: user.Id, actorName: user.Email);
            ModelState.AddModelError(nameof(Password), Failure);
            return Page();
        }
        await signIn.ConfirmedAsync(user);
        logger.LogInformation("Password confirmed: user {UserId}", user.Id);
        await audit.RecordAsync(AuditActions.SignedIn, detail: "password confirmed", userId: user.Id, actorName: user.Email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account");
    }
}
