using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core.Register;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.Equality;

/// <summary>
/// Equality by year: the programme's participants beside the workforce, the population and DCSs, with a pipeline chart
/// per ethnic group and the table beside it. The funder sees the programme's shares with small numbers suppressed.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(ImpactFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure, ReturnReport report) : PageModel
{
    /// <summary>The key the page's figures are rendered under, once per change of them and per view (<see cref="Upon.Shared.Figures.FigureReader.FragmentKey"/>).</summary>
    public string FragmentKey => figureReader.FragmentKey(HttpContext, SeesExactFigures ? "exact" : "disclosed");

    public FinancialYear Year { get; private set; }

    public IReadOnlyList<EqualityStage> Stages { get; private set; } = [];

    public bool SeesExactFigures { get; private set; }

    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken cancellationToken)
    {
        var current = FinancialYear.Containing(report.Today);
        Years = [.. Enumerable.Range(2019, current.StartYear - 2019 + 1).Reverse().Select(y => new FinancialYear(y))];
        if (string.IsNullOrEmpty(year))
        {
            Year = current;
        }
        else if (!FinancialYear.TryParse(year, out var parsed) || parsed.StartYear < 2000 || parsed > current)
        {
            ModelState.AddModelError("year", "Select a financial year from the list, like 2025-26");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Year = current;
            return Page();
        }
        else
        {
            Year = parsed;
        }
        SeesExactFigures = FigureDisclosure.SeesExactFigures(User);
        Stages = await figures.EqualityAsync(Year, disclosure.RuleFor(User), cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
