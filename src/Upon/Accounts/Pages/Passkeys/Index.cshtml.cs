using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace Upon.Accounts.Pages.Passkeys;

/// <summary>
/// A signed-in user's own passkeys (WebAuthn, through Identity): list, add with a name, remove. The browser asks for
/// the creation options (<see cref="OnPostCreationOptionsAsync"/>), makes the passkey, and posts it back with the form.
/// Only an interactive sign-in whose password was entered in the last 15 minutes reaches it. Removing a passkey ends
/// the sign-ins that used it (the security stamp changes) and revokes the API tokens created in them.
/// </summary>
[Authorize]
[Authorize(Policy = Policies.RecentSignIn)]
public class IndexModel(UponSignInManager signIn, UserManager<UponUser> users, ApiTokenService tokens, ILogger<IndexModel> logger) : PageModel
{
    public const int MaxNameLength = 100;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public static string IdOf(UserPasskeyInfo passkey) => WebEncoders.Base64UrlEncode(passkey.CredentialId);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        Passkeys = [.. await users.GetPasskeysAsync(user)];
        return Page();
    }

    /// <summary>The options for <c>navigator.credentials.create</c>, as JSON; Identity keeps the challenge in a cookie.</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var email = await users.GetEmailAsync(user) ?? await users.GetUserNameAsync(user) ?? "";
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await users.GetUserIdAsync(user),
            Name = email,
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? email : user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the passkey");
        }
        else if (name.Length > MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), $"The name must be {MaxNameLength} characters or fewer");
        }
        else if (string.IsNullOrEmpty(CredentialJson))
        {
            ModelState.AddModelError(nameof(Name), "Your browser did not make a passkey. Try again, or use another browser or device");
        }
        if (!ModelState.IsValid)
        {
            Passkeys = [.. await users.GetPasskeysAsync(user)];
            return Page();
        }

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(CredentialJson!);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
        {
            // No ceremony under way (the cookie expired or was used), or the browser sent something that is not a credential.
            logger.LogWarning(e, "Passkey not added for user {UserId}", user.Id);
            attestation = PasskeyAttestationResult.Fail(new PasskeyException("No passkey registration is under way."));
        }
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id)
        {
            logger.LogWarning("Passkey not added for user {UserId}: {Reason}", user.Id, attestation.Failure?.Message ?? "made for another account");
            ModelState.AddModelError(nameof(Name), "The passkey could not be added. Try again");
            Passkeys = [.. await users.GetPasskeysAsync(user)];
            return Page();
        }
        attestation.Passkey.Name = name;
        var result = await users.AddOrUpdatePasskeyAsync(user, attestation.Passkey);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Name), "The passkey could not be added. Try again");
            Passkeys = [.. await users.GetPasskeysAsync(user)];
            return Page();
        }
        logger.LogInformation("Passkey added for user {UserId}", user.Id);
        TempData["Success"] = $"Passkey \u201c{name}\u201d added";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? passkeyId)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(passkeyId ?? "");
        }
        catch (FormatException)
        {
            return NotFound();
        }
        if (credentialId.Length == 0 || await users.GetPasskeyAsync(user, credentialId) is null)
        {
            return NotFound();
        }
        var result = await users.RemovePasskeyAsync(user, credentialId);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        var passkey = WebEncoders.Base64UrlEncode(credentialId);
        var revoked = await tokens.RevokeCreatedWithPasskeyAsync(user.Id, passkey);
        // Every other sign-in ends at its next security stamp check. This one goes on: it has just proved who it is
        // (this page needs a recent sign-in) and it is the one removing the passkey.
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Passkey removed for user {UserId}, {Revoked} tokens revoked", user.Id, revoked);
        TempData["Success"] = "Passkey removed";
        return RedirectToPage();
    }
}
