using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>The bar chart of changes per financial year, as SVG, without the bars of suppressed figures.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class ChangesChartModel(TurnoverReport report, RegisterQueries queries, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var years = await report.DisclosedYearsAsync(disclosure.RuleFor(User), cancellationToken);
        var current = FinancialYear.Containing(queries.Today).Label;
        return Content(TurnoverCharts.ChangesSvg(years, incompleteYear: current), TurnoverChartContent.SvgContentType);
    }
}
