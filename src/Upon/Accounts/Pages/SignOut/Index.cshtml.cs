using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Accounts.Pages.SignOut;

/// <summary>Signing out changes state, so it happens only on POST.</summary>
[AllowAnonymous]
public class IndexModel(SignInManager<UponUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        TempData["Success"] = "You have signed out";
        return Redirect("/");
    }
}
