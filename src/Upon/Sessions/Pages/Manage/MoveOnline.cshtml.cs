using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Shared.Security;
using Upon.Sessions.Pages.Shared;

namespace Upon.Sessions.Pages.Manage;

/// <summary>Moves a session online with its video link, and emails everyone booked or waiting.</summary>
[Authorize(Policy = Policies.Staff)]
public class MoveOnlineModel(SessionChanges changes, SessionQueries queries) : SessionChangePage(queries)
{
    public static readonly IReadOnlyList<string> ErrorOrder = ["", nameof(VideoLink), nameof(Reason)];

    [BindProperty]
    public string? VideoLink { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        VideoLink = Session.VideoLink;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        var link = FormInput.Link(ModelState, nameof(VideoLink), VideoLink, Session.MaxVideoLinkLength, required: true);
        var reason = FormInput.Optional(ModelState, nameof(Reason), Reason, MaxReasonLength, "Reason");
        if (link is null || ModelState.ErrorCount > 0)
        {
            return Page();
        }
        var result = await changes.MoveOnlineAsync(id, link, reason, cancellationToken);
        if (!result.Succeeded)
        {
            SessionFormBase.AddErrors(ModelState, result.Errors);
            return Page();
        }
        TempData["Success"] = Done("Session moved online", result.Emailed);
        return Redirect(SessionPages.Url(id));
    }
}
