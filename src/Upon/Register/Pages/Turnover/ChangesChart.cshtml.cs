using Microsoft.AspNetCore.Authorization;
using Upon.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Register;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>The bar chart of changes per financial year, as SVG.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class ChangesChartModel(TurnoverReport report, RegisterQueries queries) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var years = await report.AllYearsAsync(cancellationToken);
        var current = FinancialYear.Containing(queries.Today).Label;
        return Content(TurnoverCharts.ChangesSvg(years, incompleteYear: current), TurnoverChartContent.SvgContentType);
    }
}
