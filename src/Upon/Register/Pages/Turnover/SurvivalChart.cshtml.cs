using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
public sealed class SurvivalChartModel(RegisterQueries queries, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        var calculator = await queries.TurnoverAsync(cancellationToken);
        var years = calculator.Years(queries.Today).Select(f => f.FinancialYear).ToList();
        var choice = TurnoverYears.Choose(year, years, queries.Today);
        return choice.Outcome switch
        {
            YearChoiceOutcome.Invalid => BadRequest(),
            YearChoiceOutcome.Found => Content(
                TurnoverCharts.SurvivalSvg(DisclosedSurvivalCurve.Disclose(calculator.TenureSurvival(choice.Year), disclosure.RuleFor(User))),
                TurnoverChartContent.SvgContentType),
            _ => NotFound(),
        };
    }
}
