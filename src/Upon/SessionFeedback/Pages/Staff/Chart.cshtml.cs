using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>The chart of mean ratings per financial year, as SVG: the whole programme, or one strand with <c>?strand=3</c>.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ChartModel(FigureReader figureReader, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public async Task<IActionResult> OnGetAsync(int? strand, CancellationToken cancellationToken)
    {
        if (strand is < 1)
        {
            return BadRequest("Give strand as a strand's number.");
        }
        var rule = Rule;
        // Drawn once per change of the feedback data, day and strand: the figure's tag names them (every member of staff sees the same chart).
        return await figureReader.GetSvgAsync(FigureReader.Key("feedback", "chart", rule, strand?.ToString(CultureInfo.InvariantCulture) ?? "all"), async (services, token) =>
        {
            var years = await services.GetRequiredService<FeedbackFigureCache>().YearsAsync(rule, strand, token);
            return FeedbackCharts.MeansSvg([.. years.Select(y => (y.Year, y.Means.Reaction, y.Means.Learning))]);
        }, cancellationToken);
    }
}
