using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.Manage;

/// <summary>
/// A session as staff see it: every detail, its status and last change, who is booked, the waiting list in order and the
/// apologies sent, with the actions that change it and tell people.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class DetailsModel(SessionQueries queries) : PageModel
{
    public Session Session { get; private set; } = null!;

    public SessionPeople People { get; private set; } = new([], [], []);

    public Instant Now { get; private set; }

    public bool CanChange => SessionChanges.CanChange(Session, Now);

    public bool CanMoveOnline => SessionChanges.CanMoveOnline(Session, Now);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } session)
        {
            return NotFound();
        }
        Session = session;
        Now = queries.Now;
        People = await queries.PeopleAsync(id, cancellationToken);
        return Page();
    }
}
