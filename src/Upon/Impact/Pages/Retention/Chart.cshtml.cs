using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Impact;
using Upon.Disclosure;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.Retention;

/// <summary>
/// The retention chart as SVG (<c>?asOf=YYYY-MM-DD</c>), cut for the funder where too few are at risk or where the table
/// under it suppresses a reading (<see cref="RetentionCurveShown.Disclose"/>); 400 for a bad date.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class ChartModel(RetentionEvaluation evaluation, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? asOf, CancellationToken cancellationToken)
    {
        var (day, error) = evaluation.ParseAsOf(asOf);
        if (error is not null)
        {
            return BadRequest();
        }
        var rule = disclosure.RuleFor(User);
        if (!FigureDisclosure.SeesExactFigures(User))
        {
            day = RetentionEvaluation.FunderAsOf(day);
        }
        var result = await evaluation.EvaluateAsync(day, cancellationToken);
        var figures = FigureDisclosure.SeesExactFigures(User) ? RetentionDisclosure.Disclose(result, rule) : await evaluation.DisclosedAsync(day, rule, cancellationToken);
        var curves = new[] { RetentionGroup.Participants, RetentionGroup.Comparison }
            .Select(g => RetentionCurveShown.Disclose(g, result.All.Of(g), rule, figures.Table)).ToList();
        var atRisk = RetentionChart.AtRiskMonths.Select(m => IndexModel.Row(figures.Table.Single(r => r.Months == m)).AtRisk).ToList();
        return Content(RetentionChart.Svg(curves, atRisk), "image/svg+xml");
    }
}
