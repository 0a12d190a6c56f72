using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Audit;

namespace Upon.Accounts.Pages.SignIn;

/// <summary>
/// Sign-in by email and password. Unknown emails, wrong passwords, locked and disabled accounts all get the same answer,
/// and five failures lock an account for fifteen minutes. Every attempt is written to the audit log.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(SignInManager<UponUser> signIn, UserManager<UponUser> users, AuditLog audit, TwoFactorRule twoFactor, ILogger<IndexModel> logger) : PageModel
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
            return await FailedAsync(user, user is null ? "unknown email" : "disabled account");
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            // The password was right: the second step asks for the code from the authenticator app.
            var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
            return LocalRedirect($"/account/sign-in/code?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }
        if (!result.Succeeded)
        {
            return await FailedAsync(user, result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : "wrong password");
        }
        logger.LogInformation("Signed in: user {UserId}", user.Id);
        await audit.RecordAsync(AuditActions.SignedIn, userId: user.Id, actorName: user.Email);
        if (twoFactor.Required && twoFactor.MustSetUp(await users.GetRolesAsync(user), await users.GetTwoFactorEnabledAsync(user)))
        {
            return LocalRedirect(TwoFactorRule.SetUpPath);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    // The audit log names a known account; an unknown email is not recorded, as people sometimes type a password into it.
    private async Task<PageResult> FailedAsync(UponUser? user, string why)
    {
        logger.LogWarning("Failed sign-in ({Why})", why);
        await audit.RecordAsync(AuditActions.SignInFailed, detail: why, userId: user?.Id, actorName: user?.Email ?? "unknown email");
        ModelState.AddModelError(nameof(Email), Failure);
        return Page();
    }
}
