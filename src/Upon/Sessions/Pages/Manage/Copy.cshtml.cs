using NodaTime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>Creates a new session like an existing one: the form comes filled in with everything but the date.</summary>
[Authorize(Policy = Policies.Staff)]
public class CopyModel(SessionService sessions, SessionQueries queries, SessionWarnings warnings, IClock clock) : SessionFormPageModel(queries, warnings, clock)
{
    public Session Source { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = SessionForm.CopyOf(Source);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (await ReadConfirmedAsync(editing: null, _ => true, cancellationToken) is not { } details)
        {
            return Page();
        }
        var result = await sessions.CreateAsync(details, cancellationToken);
        if (!result.Succeeded)
        {
            SessionFormBase.AddErrors(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = "Session created";
        return Redirect(SessionPages.Url(result.Id!.Value));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await Queries.FindAsync(id, cancellationToken) is not { } source)
        {
            return false;
        }
        Source = source;
        await LoadGroupsAsync(cancellationToken);
        return true;
    }
}
