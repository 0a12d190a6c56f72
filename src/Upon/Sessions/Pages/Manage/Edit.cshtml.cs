using NodaTime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Sessions;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// Changes a session's details. Its status changes only through moving it online, postponing or cancelling. The number of
/// places cannot go below the number booked. A new time, place, link or title is emailed to everyone booked or waiting.
/// A cancelled session cannot be edited: the page says so instead of showing the form.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class EditModel(SessionService sessions, SessionQueries queries, SessionWarnings warnings, IClock clock) : SessionFormPageModel(queries, warnings, clock)
{
    public Session Session { get; private set; } = null!;

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
        if (Session.Status == SessionStatus.Cancelled)
        {
            ModelState.AddModelError("", SessionService.CancelledCannotChange);
            return Page();
        }
        // Warn about the date only when it, or who the session is for, changes: it was confirmed when it was set.
        if (await ReadConfirmedAsync(editing: id, Moves, cancellationToken) is not { } details)
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

    private bool Moves(SessionDetails details) =>
        details.Start != Session.Start || details.End != Session.End || details.StrandId != Session.StrandId || details.CohortId != Session.CohortId;

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await Queries.FindAsync(id, cancellationToken) is not { } session)
        {
            return false;
        }
        Session = session;
        await LoadGroupsAsync(cancellationToken);
        (Booked, Waiting) = await Queries.CountsAsync(id, cancellationToken);
        return true;
    }
}
