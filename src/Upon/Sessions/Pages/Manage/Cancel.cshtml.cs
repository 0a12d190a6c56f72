using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Shared.Security;
using Upon.Sessions.Pages.Shared;

namespace Upon.Sessions.Pages.Manage;

/// <summary>Cancels a session with a reason, and emails everyone booked or waiting.</summary>
[Authorize(Policy = Policies.Staff)]
public class CancelModel(SessionChanges changes, SessionQueries queries) : SessionChangePage(queries)
{
    public static readonly IReadOnlyList<string> ErrorOrder = ["", nameof(Reason)];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var reason = FormInput.Required(ModelState, nameof(Reason), Reason, MaxReasonLength, "Enter why the session is cancelled", "Reason");
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var result = await changes.CancelAsync(id, reason, cancellationToken);
        if (!result.Succeeded)
        {
            SessionFormBase.AddErrors(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = Done("Session cancelled", result.Emailed);
        return Redirect(SessionPages.Url(id));
    }
}
