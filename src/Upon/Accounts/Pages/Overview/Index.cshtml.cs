using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Accounts.Pages.Overview;

/// <summary>A signed-in person's own account: who they are, and where to manage how they sign in.</summary>
[Authorize]
public class IndexModel : PageModel
{
    public string? Email => User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name;

    public string Role => Roles.All.Where(User.IsInRole).Select(Roles.Label).FirstOrDefault() ?? "None";

    public void OnGet()
    {
    }
}
