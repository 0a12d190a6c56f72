using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Disclosure;
using Upon.Sessions;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>One strand's feedback over time: a chart and table per financial year, and its sessions.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class StrandModel(UponDbContext db, FeedbackFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public Strand Strand { get; private set; } = null!;
    public IReadOnlyList<(string Year, GroupMeans Means)> Years { get; private set; } = [];
    public IReadOnlyList<SessionLine> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.Strands.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } strand)
        {
            return NotFound();
        }
        Strand = strand;
        Years = await figures.YearsAsync(Rule, id, cancellationToken);
        Sessions = await figures.SessionsAsync(Rule, id, cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
