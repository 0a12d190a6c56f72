using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Figures;
using Upon.Shared.Security;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>
/// The Kaplan-Meier curve of tenure length for a financial year (<c>?year=2023-24</c>, by default the dashboard's), as
/// SVG, cut where too few tenures are at risk to publish: 400 for a year that is not one, 404 for a year without data.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class SurvivalChartModel(RegisterQueries queries, TurnoverFigureCache turnover, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        var years = (await turnover.AllYearsAsync(cancellationToken)).Select(f => f.FinancialYear).ToList();
        var choice = TurnoverYears.Choose(year, years, queries.Today);
        if (choice.Outcome != YearChoiceOutcome.Found)
        {
            return choice.Outcome == YearChoiceOutcome.Invalid ? BadRequest() : NotFound();
        }
        var rule = disclosure.RuleFor(User);
        return await figureReader.GetSvgAsync(FigureReader.Key("turnover", "survival-chart", rule, choice.Year.Label), async (services, token) =>
        {
            var curve = await services.GetRequiredService<TurnoverFigureCache>().TenureSurvivalAsync(choice.Year, token);
            return TurnoverCharts.SurvivalSvg(DisclosedSurvivalCurve.Disclose(curve, rule));
        }, cancellationToken);
    }
}
