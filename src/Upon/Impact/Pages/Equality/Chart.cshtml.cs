using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.Equality;

/// <summary>The pipeline chart of one characteristic (an ethnic group, female, disabled, BALI graduates) in one year, as SVG: <c>?year=2025-26&amp;group=black-african-caribbean-black-british</c>.</summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class ChartModel(FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? year, string? group, CancellationToken cancellationToken)
    {
        var chosen = EqualityByYear.Characteristics.FirstOrDefault(g => EqualityCharts.Slug(g) == group);
        if (!FinancialYear.TryParse(year, out var parsed) || parsed.StartYear < 2000 || chosen is null)
        {
            return BadRequest();
        }
        var rule = disclosure.RuleFor(User);
        // Drawn once per change of the data, day, view (the rule), year and characteristic: the figure's tag names them all.
        return await figureReader.GetSvgAsync(FigureReader.Key("equality", "chart", rule, parsed.Label, EqualityCharts.Slug(chosen)), async (services, token) =>
        {
            var stages = await services.GetRequiredService<ImpactFigureCache>().EqualityAsync(parsed, rule, token);
            return EqualityCharts.PipelineSvg(stages, chosen);
        }, cancellationToken);
    }
}
