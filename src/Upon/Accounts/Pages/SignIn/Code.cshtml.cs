using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Audit;

namespace Upon.Accounts.Pages.SignIn;

/// <summary>
/// The second step of sign-in for an account with two-factor sign-in: the 6-digit code from the authenticator app, or
/// one of the account's recovery codes (each works once). Failures count towards the account's lockout and are audited.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class CodeModel(SignInManager<UponUser> signIn, AuditLog audit, ILogger<CodeModel> logger) : PageModel
{
    public const string Failure = "Enter a correct security code";
    public const string RecoveryFailure = "Enter a correct recovery code";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Show the recovery-code form instead of the authenticator one.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    /// <summary>There is no password step to continue from (it expired, or this page was opened directly).</summary>
    public bool Expired { get; private set; }

    public async Task OnGetAsync() => Expired = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            Expired = true;
            return Page();
        }
        var code = Normalise(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the security code from your authenticator app");
            return Page();
        }
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (!result.Succeeded)
        {
            return await FailedAsync(user, result, nameof(Code), Failure, "wrong security code");
        }
        return await SignedInAsync(user, "authenticator app");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        Recovery = true;
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            Expired = true;
            return Page();
        }
        var code = Normalise(RecoveryCode);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter a recovery code");
            return Page();
        }
        // Identity makes recovery codes as XXXXX-XXXXX in capitals; accept them in any case, with or without the hyphen.
        var formatted = code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(formatted);
        if (!result.Succeeded)
        {
            return await FailedAsync(user, result, nameof(RecoveryCode), RecoveryFailure, "wrong recovery code");
        }
        return await SignedInAsync(user, "recovery code");
    }

    private static string Normalise(string? code) =>
        new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);

    private async Task<IActionResult> SignedInAsync(UponUser user, string how)
    {
        logger.LogInformation("Signed in with {How}: user {UserId}", how, user.Id);
        await audit.RecordAsync(AuditActions.SignedIn, detail: how, userId: user.Id, actorName: user.Email);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    // A locked account gets the same answer as a wrong code, as in the first step.
    private async Task<PageResult> FailedAsync(UponUser user, Microsoft.AspNetCore.Identity.SignInResult result, string field, string message, string why)
    {
        why = result.IsLockedOut ? "locked out" : result.IsNotAllowed ? "not allowed" : why;
        logger.LogWarning("Failed sign-in ({Why})", why);
        await audit.RecordAsync(AuditActions.SignInFailed, detail: why, userId: user.Id, actorName: user.Email);
        ModelState.AddModelError(field, message);
        return Page();
    }
}
