using NodaTime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>Creates one session. A bank holiday, a time in the past or a clash is a warning to confirm, not an error.</summary>
[Authorize(Policy = Policies.Staff)]
public class NewModel(SessionService sessions, SessionQueries queries, SessionWarnings warnings, IClock clock) : SessionFormPageModel(queries, warnings, clock)
{
    /// <summary>The empty form, for a strand when coming from its list (<c>?strand=ID</c>).</summary>
    public async Task OnGetAsync(int? strand, CancellationToken cancellationToken)
    {
        await LoadGroupsAsync(cancellationToken);
        if (strand is { } id)
        {
            Form.Group = Groups.FirstOrDefault(g => g.StrandId == id && g.CohortId is null)?.Value;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadGroupsAsync(cancellationToken);
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
}
