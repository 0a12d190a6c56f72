using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Figures;
using Upon.Shared.Security;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Register.Charts;

namespace Upon.Register.Pages.Turnover;

/// <summary>The bar chart of changes per financial year, as SVG, without the bars of suppressed figures.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class ChangesChartModel(FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var rule = disclosure.RuleFor(User);
        // Drawn (and encoded) once per change of the register, day and view (the rule): the figure's tag names all three.
        return await figureReader.GetSvgAsync(FigureReader.Key("turnover", "changes-chart", rule), async (services, token) =>
        {
            var years = await services.GetRequiredService<TurnoverFigureCache>().DisclosedYearsAsync(rule, token);
            var current = FinancialYear.Containing(services.GetRequiredService<RegisterQueries>().Today).Label;
            return TurnoverCharts.ChangesSvg(years, incompleteYear: current);
        }, cancellationToken);
    }
}
