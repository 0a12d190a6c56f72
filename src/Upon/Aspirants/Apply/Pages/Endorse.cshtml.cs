using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Accounts;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>The endorsing director's page, reached by the emailed link: public, the link's secret being the proof.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
public sealed class EndorseModel(Endorsements endorsements) : PageModel
{
    public EndorsementView View { get; private set; } = null!;
    [BindProperty] public string? Endorsed { get; set; }
    [BindProperty] public string? Statement { get; set; }
    public bool JustAnswered { get; private set; }

    public async Task<IActionResult> OnGetAsync(string secret, CancellationToken cancellationToken)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await endorsements.FindAsync(secret, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string secret, CancellationToken cancellationToken)
    {
        if (await endorsements.FindAsync(secret, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        if (view.Endorsement.Endorsed is not null)
        {
            return Page();
        }
        if (Endorsed is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(Endorsed), "Select yes if you endorse this application");
        }
        var statement = Statement?.Trim() ?? "";
        if (statement.Length == 0)
        {
            ModelState.AddModelError(nameof(Statement), "Enter a short statement");
        }
        else if (statement.Length > AspirantEndorsement.MaxStatementLength)
        {
            ModelState.AddModelError(nameof(Statement), $"Your statement must be {AspirantEndorsement.MaxStatementLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await endorsements.RespondAsync(secret, Endorsed == "yes", statement, cancellationToken);
        View = (await endorsements.FindAsync(secret, cancellationToken))!;
        JustAnswered = true;
        return Page();
    }
}
