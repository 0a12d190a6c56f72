using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// Changes a session's details. Its status changes only through moving it online, postponing or cancelling. The number of
/// places cannot go below the number booked. A new time, place, link or title is emailed to everyone booked or waiting.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class EditModel(SessionService sessions, SessionQueries queries, SessionWarnings warnings) : PageModel
{
    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public Session Session { get; private set; } = null!;

    public IReadOnlyList<SessionGroup> Groups { get; private set; } = [];

    public IReadOnlyList<SessionWarning> Warnings { get; private set; } = [];

    public int Booked { get; private set; }

    public int Waiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Form = SessionForm.From(Session);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Form.Validate(ModelState, Groups) is not { } details)
        {
            return Page();
        }
        // Warn about the date only when it, or who the session is for, changes: it was confirmed when it was set.
        var moved = details.Start != Session.Start || details.End != Session.End || details.StrandId != Session.StrandId || details.CohortId != Session.CohortId;
        Warnings = moved ? await warnings.ForAsync(details.StrandId, details.CohortId, details.Start, details.End, id, cancellationToken) : [];
        if (!SessionWarnings.AreConfirmed(Warnings, Form.Confirmed))
        {
            return Page();
        }
        var result = await sessions.EditAsync(id, details, cancellationToken);
        if (!result.Succeeded)
        {
            SessionFormBase.AddErrors(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = result.Emailed > 0
            ? $"Session updated. {SessionFormat.People(result.Emailed)} will be emailed about the change"
            : "Session updated";
        return Redirect(SessionPages.Url(id));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } session)
        {
            return false;
        }
        Session = session;
        Groups = await queries.GroupsAsync(cancellationToken);
        (Booked, Waiting) = await queries.CountsAsync(id, cancellationToken);
        return true;
    }
}
