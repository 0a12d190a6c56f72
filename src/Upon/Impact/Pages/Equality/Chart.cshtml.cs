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
public sealed class ChartModel(ImpactFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? year, string? group, CancellationToken cancellationToken)
    {
        var chosen = EqualityByYear.Characteristics.FirstOrDefault(g => EqualityCharts.Slug(g) == group);
        if (!FinancialYear.TryParse(year, out var parsed) || parsed.StartYear < 2000 || chosen is null)
        {
            return BadRequest();
        }
        var stages = await figures.EqualityAsync(parsed, disclosure.RuleFor(User), cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Content(EqualityCharts.PipelineSvg(stages, chosen), "image/svg+xml");
    }
}
