using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Audit;

namespace Upon.Accounts.Pages.SignIn;

/// <summary>
/// Sign-in by email and password. Unknown emails, wrong passwords, locked and disabled accounts all get the same answer
/// after the same work (one password hash verification, one account update: <see cref="FailedSignInWork"/>), and five
/// failures lock an account for fifteen minutes. Every attempt is written to the audit log.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class IndexModel(SignInManager<UponUser> signIn, UserManager<UponUser> users, FailedSignInWork failedWork, AuditLog audit, TwoFactorRule twoFactor, ILogger<IndexModel> logger) : PageModel
{
    public const string Failure = "Enter a correct email address and password";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The passkey's answer (<c>PublicKeyCredential</c> as JSON) from <c>navigator.credentials.get</c>.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    public const string PasskeyFailure = "Your passkey was not accepted. Try again, or sign in with your email address and password";

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
        var refused = user is null ? "unknown email" : user.IsDisabled ? "disabled account" : await users.IsLockedOutAsync(user) ? "locked out" : null;
        if (user is null || refused is not null)
        {
            // Identity would answer these without checking the password: do the same work as a wrong password instead.
            await failedWork.RefuseAsync(user, Password!, HttpContext.RequestAborted);
            return await FailedAsync(user, refused ?? "unknown email");
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

    /// <summary>The options for <c>navigator.credentials.get</c>, as JSON, for any account's passkey; Identity keeps the challenge in a cookie.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>
    /// Sign-in with a passkey. A passkey is both factors at once (something you have, unlocked by something you know or
    /// are), so no security code follows; disabled and locked accounts are refused as with a password.
    /// </summary>
    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (string.IsNullOrEmpty(CredentialJson))
        {
            return await PasskeyFailedAsync(null, "no passkey");
        }
        PasskeyAssertionResult<UponUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(CredentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException or FormatException)
        {
            logger.LogWarning(e, "Passkey sign-in without a sign-in under way or with a malformed credential");
            return await PasskeyFailedAsync(null, "passkey: no sign-in under way");
        }
        if (!assertion.Succeeded)
        {
            logger.LogWarning("Passkey not accepted: {Reason}", assertion.Failure.Message);
            return await PasskeyFailedAsync(null, "passkey not accepted");
        }
        var user = assertion.User;
        if (user.IsDisabled)
        {
            return await PasskeyFailedAsync(user, "passkey: disabled account");
        }
        if (await users.IsLockedOutAsync(user))
        {
            return await PasskeyFailedAsync(user, "passkey: locked out");
        }
        if (!await signIn.CanSignInAsync(user))
        {
            return await PasskeyFailedAsync(user, "passkey: not allowed");
        }
        // The stored passkey keeps its signature counter and backup state up to date, as Identity's PasskeySignInAsync does.
        if (!(await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey)).Succeeded)
        {
            return await PasskeyFailedAsync(user, "passkey: could not be updated");
        }
        // The sign-in records its passkey: removing the passkey ends it and revokes the tokens created in it.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
        [
            new Claim(ClaimTypes.AuthenticationMethod, "passkey"),
            new Claim(SignInClaims.Passkey, Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(assertion.Passkey.CredentialId)),
        ]);
        logger.LogInformation("Signed in with a passkey: user {UserId}", user.Id);
        await audit.RecordAsync(AuditActions.SignedIn, detail: "passkey", userId: user.Id, actorName: user.Email);
        if (twoFactor.Required && twoFactor.MustSetUp(await users.GetRolesAsync(user), await users.GetTwoFactorEnabledAsync(user)))
        {
            return LocalRedirect(TwoFactorRule.SetUpPath);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<PageResult> PasskeyFailedAsync(UponUser? user, string why)
    {
        logger.LogWarning("Failed sign-in ({Why})", why);
        await audit.RecordAsync(AuditActions.SignInFailed, detail: why, userId: user?.Id, actorName: user?.Email ?? "unknown passkey");
        ModelState.AddModelError("Passkey", PasskeyFailure);
        return Page();
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
