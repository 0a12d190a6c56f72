using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Accounts.Pages.Admin;

/// <summary>
/// One account: disable or enable it (enabling also unlocks it), or issue a new one-time set-password link, which
/// replaces any unused one and also serves to reset a forgotten password.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public class DetailsModel(UponDbContext db, UserManager<UponUser> users, AccountService accounts, TimeProvider time) : PageModel
{
    public AccountSummary Account { get; private set; } = null!;

    /// <summary>A set-password link just created, shown once.</summary>
    public string? SetPasswordLink { get; private set; }

    /// <summary>Whether this is the signed-in administrator's own account (which they cannot disable).</summary>
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        SetPasswordLink = TempData[AccountPages.LinkKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (IsSelf)
        {
            ModelState.AddModelError("disable", "You cannot disable your own account. Ask another administrator");
            return Page();
        }
        if (!user.IsDisabled)
        {
            await accounts.DisableAsync(user);
        }
        TempData["Success"] = "Account disabled: they cannot sign in, and any session they have open ends within a minute";
        return Redirect(AccountPages.Url(id));
    }

    public async Task<IActionResult> OnPostEnableAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var wasDisabled = user.IsDisabled;
        await accounts.EnableAsync(user);
        TempData["Success"] = wasDisabled ? "Account enabled: they can sign in again" : "Account unlocked: they can sign in again";
        return Redirect(AccountPages.Url(id));
    }

    public async Task<IActionResult> OnPostLinkAsync(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (user.IsDisabled)
        {
            ModelState.AddModelError("link", "Enable the account before creating a link to set its password");
            return Page();
        }
        var path = await accounts.CreateInvitationAsync(user, cancellationToken: cancellationToken);
        TempData["Success"] = "New set-password link created. Any earlier link for this account no longer works";
        TempData[AccountPages.LinkKey] = AccountPages.AbsoluteLink(Request, path);
        return Redirect(AccountPages.Url(id));
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var account = await db.AccountAsync(id, time.GetUtcNow(), cancellationToken);
        if (account is null)
        {
            return false;
        }
        Account = account;
        IsSelf = users.GetUserId(User) == id;
        return true;
    }
}
