using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>The chart of mean ratings per financial year, as SVG: the whole programme, or one strand with <c>?strand=3</c>.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ChartModel(FeedbackFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public async Task<IActionResult> OnGetAsync(int? strand, CancellationToken cancellationToken)
    {
        if (strand is < 1)
        {
            return BadRequest("Give strand as a strand's number.");
        }
        var years = await figures.YearsAsync(Rule, strand, cancellationToken);
        return figureReader.PageNotModified(HttpContext)
            ? StatusCode(StatusCodes.Status304NotModified)
            : Content(FeedbackCharts.MeansSvg([.. years.Select(y => (y.Year, y.Means.Reaction, y.Means.Learning))]), "image/svg+xml; charset=utf-8");
    }
}
