using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Sessions.Pages.Programme;

/// <summary>A session's public page: what, when, where and its status. Never the video link or who is booked.</summary>
[AllowAnonymous]
public class SessionModel(SessionQueries queries) : PageModel
{
    public Session Session { get; private set; } = null!;

    /// <summary>Whether the session has ended, so shows as held rather than scheduled.</summary>
    public bool HasEnded { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } session)
        {
            return NotFound();
        }
        Session = session;
        HasEnded = session.EndUtc <= queries.Now;
        return Page();
    }
}
