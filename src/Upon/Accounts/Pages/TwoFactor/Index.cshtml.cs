using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using QRCoder;

namespace Upon.Accounts.Pages.TwoFactor;

/// <summary>
/// Two-factor sign-in with an authenticator app: set it up (shared key and QR code, confirmed with a code), see the
/// 10 recovery codes once, make new ones, or turn it off where the role does not require it.
/// </summary>
[Authorize(Policy = TwoFactorRule.SetUpPolicy)]
[Authorize(Policy = Policies.RecentSignIn)]
public class IndexModel(UserManager<UponUser> users, SignInManager<UponUser> signIn, TwoFactorRule rule, ILogger<IndexModel> logger) : PageModel
{
    public const string Failure = "Enter a correct security code";
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    /// <summary>Two-factor sign-in is required for this account, so it cannot be turned off.</summary>
    public bool Required { get; private set; }

    /// <summary>The shared key in groups of 4, to type into an app.</summary>
    public string? SharedKey { get; private set; }

    public string? AuthenticatorUri { get; private set; }

    /// <summary>The QR code of <see cref="AuthenticatorUri"/> as a PNG data URI.</summary>
    public string? QrCode { get; private set; }

    /// <summary>New recovery codes, shown once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        var code = new string([.. (Code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the security code from your authenticator app");
        }
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), Failure);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // Turning two-factor sign-in on changes the security stamp: renew this session so it is not ended.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in turned on: user {UserId}", user.Id);
        Code = null;
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        logger.LogInformation("New recovery codes: user {UserId}", user.Id);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (rule.AppliesTo(await users.GetRolesAsync(user)))
        {
            return Forbid();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A later set-up starts with a new key, so an old app entry stops working.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in turned off: user {UserId}", user.Id);
        TempData["Success"] = "Two-factor sign-in is off";
        return RedirectToPage();
    }

    private async Task LoadAsync(UponUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = rule.AppliesTo(await users.GetRolesAsync(user));
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // Resetting the key changes the security stamp: renew this session so it is not ended.
            await signIn.RefreshSignInAsync(user);
        }
        SharedKey = FormatKey(key!);
        AuthenticatorUri = Uri(await users.GetEmailAsync(user) ?? user.Id, key!);
        QrCode = QrCodeDataUri(AuthenticatorUri);
    }

    /// <summary>"abcd efgh ijkl ..."</summary>
    public static string FormatKey(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();

    /// <summary>The key as authenticator apps read it from a QR code.</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/Upon:{System.Uri.EscapeDataString(email)}?secret={key}&issuer=Upon&digits=6";

    private static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }
}
