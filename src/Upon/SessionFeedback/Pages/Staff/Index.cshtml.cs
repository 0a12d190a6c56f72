using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>Feedback after sessions for staff: the programme over time, each strand's years, and each session.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(FeedbackFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public IReadOnlyList<(string Year, GroupMeans Means)> Years { get; private set; } = [];
    public IReadOnlyList<StrandYear> StrandYears { get; private set; } = [];
    public IReadOnlyList<SessionLine> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Years = await figures.YearsAsync(Rule, cancellationToken);
        StrandYears = await figures.StrandYearsAsync(Rule, cancellationToken);
        Sessions = await figures.SessionsAsync(Rule, cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
