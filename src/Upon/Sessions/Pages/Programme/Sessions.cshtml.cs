using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Upon.Sessions.Pages.Programme;

/// <summary>The public list of upcoming sessions by strand: no participants, no video links.</summary>
[AllowAnonymous]
public class SessionsModel(SessionQueries queries, AttendanceFigureCache cached, Upon.Shared.Figures.FigureReader figureReader) : PageModel
{
    public IReadOnlyList<StrandSessions> Strands { get; private set; } = [];

    /// <summary>The time the list was made, which decides whether a session shows as held.</summary>
    public Instant Now { get; private set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Now = queries.Now;
        // Kept until the data changes or a session starts or ends (the figure cache).
        Strands = await cached.UpcomingByStrandAsync(cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
