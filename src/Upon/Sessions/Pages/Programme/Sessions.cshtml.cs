using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upon.Sessions.Pages.Programme;

/// <summary>The public list of upcoming sessions by strand: no participants, no video links.</summary>
[AllowAnonymous]
public class SessionsModel(SessionQueries queries) : PageModel
{
    public IReadOnlyList<StrandSessions> Strands { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Strands = await queries.UpcomingByStrandAsync(cancellationToken);
}
