using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Forms;
using Upon.Shared.Security;

namespace Upon.Accounts.Pages.Admin;

/// <summary>
/// Creates an account with a role and no password, then shows the administrator its one-time set-password link (valid
/// 7 days) on the account's page, to pass on.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public class InviteModel(AccountService accounts) : PageModel
{
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 256;

    public static readonly IReadOnlyList<string> ErrorOrder = [nameof(Email), nameof(DisplayName), nameof(Role)];

    public static readonly IReadOnlyList<Choice> RoleChoices = [.. Roles.All.Select(r => new Choice(r, Roles.Label(r)))];

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Email = Email?.Trim();
        DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address");
        }
        else if (Email.Length > EmailMaxLength)
        {
            ModelState.AddModelError(nameof(Email), $"Email address must be {EmailMaxLength} characters or fewer");
        }
        if (DisplayName is { Length: > DisplayNameMaxLength })
        {
            ModelState.AddModelError(nameof(DisplayName), $"Name must be {DisplayNameMaxLength} characters or fewer");
        }
        if (string.IsNullOrEmpty(Role) || !Roles.IsKnown(Role))
        {
            ModelState.AddModelError(nameof(Role), "Select a role");
        }
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }

        var created = await accounts.InviteAsync(Email!, Role!, DisplayName, $"{Request.Scheme}://{Request.Host}", cancellationToken);
        if (created.Errors.Count > 0)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Contains("role", StringComparison.OrdinalIgnoreCase) ? nameof(Role) : nameof(Email), error);
            }
            return Page();
        }
        TempData["Success"] = $"Account created for {created.User!.Email}";
        TempData[AccountPages.LinkKey] = AccountPages.AbsoluteLink(Request, created.SetPasswordPath!);
        return Redirect(AccountPages.Url(created.User.Id));
    }
}
