using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>Creates one session. A bank holiday, a time in the past or a clash is a warning to confirm, not an error.</summary>
[Authorize(Policy = Policies.Staff)]
public class NewModel(SessionService sessions, SessionQueries queries, SessionWarnings warnings) : PageModel
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public IReadOnlyList<SessionGroup> Groups { get; private set; } = [];

    public IReadOnlyList<SessionWarning> Warnings { get; private set; } = [];

    /// <summary>The empty form, for a strand when coming from its list (<c>?strand=ID</c>).</summary>
    public async Task OnGetAsync(int? strand, CancellationToken cancellationToken)
    {
        Groups = await queries.GroupsAsync(cancellationToken);
        if (strand is { } id)
        {
            Form.Group = Groups.FirstOrDefault(g => g.StrandId == id && g.CohortId is null)?.Value;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Groups = await queries.GroupsAsync(cancellationToken);
        if (Form.Validate(ModelState, Groups) is not { } details)
        {
            return Page();
        }
        Warnings = await warnings.ForAsync(details.StrandId, details.CohortId, details.Start, details.End, cancellationToken: cancellationToken);
        if (!SessionWarnings.AreConfirmed(Warnings, Form.Confirmed))
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
