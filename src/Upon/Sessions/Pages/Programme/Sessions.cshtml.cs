using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Upon.Sessions.Pages.Programme;

/// <summary>The public list of upcoming sessions by strand: no participants, no video links.</summary>
[AllowAnonymous]
public class SessionsModel(SessionQueries queries) : PageModel
{
    public IReadOnlyList<StrandSessions> Strands { get; private set; } = [];

    /// <summary>The time the list was made, which decides whether a session shows as held.</summary>
    public Instant Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = queries.Now;
        Strands = await queries.UpcomingByStrandAsync(cancellationToken);
    }
}
