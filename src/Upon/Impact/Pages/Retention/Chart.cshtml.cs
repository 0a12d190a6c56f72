using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Impact;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.Retention;

/// <summary>
/// The retention chart as SVG (<c>?asOf=YYYY-MM-DD</c>), cut for the funder where too few are at risk or where the table
/// under it suppresses a reading (<see cref="RetentionCurveShown.Disclose"/>); 400 for a bad date.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class ChartModel(RetentionEvaluation evaluation, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? asOf, CancellationToken cancellationToken)
    {
        var (day, error) = evaluation.ParseAsOf(asOf);
        if (error is not null)
        {
            return BadRequest();
        }
        var rule = disclosure.RuleFor(User);
        var exact = FigureDisclosure.SeesExactFigures(User);
        if (!exact)
        {
            day = RetentionEvaluation.FunderAsOf(day);
        }
        // Drawn once per change of the data and per view (exact, or the funder's rule): the figure's tag names both.
        return await figureReader.GetSvgAsync(FigureReader.Key("retention", "chart", rule, exact ? "exact" : "disclosed", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), async (services, token) =>
        {
            var cached = services.GetRequiredService<ImpactFigureCache>();
            var result = await cached.RetentionAsync(day, token);
            var shown = await cached.DisclosedRetentionAsync(day, rule, token);
            var curves = new[] { RetentionGroup.Participants, RetentionGroup.Comparison }
                .Select(g => RetentionCurveShown.Disclose(g, result.All.Of(g), rule, shown.Table)).ToList();
            var atRisk = RetentionChart.AtRiskMonths.Select(m => IndexModel.Row(shown.Table.Single(r => r.Months == m)).AtRisk).ToList();
            return RetentionChart.Svg(curves, atRisk);
        }, cancellationToken);
    }
}
