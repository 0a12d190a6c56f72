using Microsoft.AspNetCore.Authorization;
using Upon.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>
/// The Kaplan-Meier curve of tenure length for a financial year (<c>?year=2023-24</c>, by default the dashboard's), as
/// SVG: 400 for a year that is not one, 404 for a year without data.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class SurvivalChartModel(RegisterQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        var calculator = await queries.TurnoverAsync(cancellationToken);
        var choice = TurnoverYears.Choose(year, calculator.Years(queries.Today), queries.Today);
        return choice.Outcome switch
        {
            YearChoiceOutcome.Invalid => BadRequest(),
            YearChoiceOutcome.Found => Content(
                TurnoverCharts.SurvivalSvg(calculator.TenureSurvival(choice.Year)), TurnoverChartContent.SvgContentType),
            _ => NotFound(),
        };
    }
}
