using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>
/// The feedback figures the funder sees: per strand and financial year, the responses and mean ratings, small numbers
/// suppressed. Staff see the same page with exact counts; means over small groups are withheld for everyone.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class FiguresModel(FeedbackFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public IReadOnlyList<FunderFeedbackFigures> Figures { get; private set; } = [];
    public bool Exact { get; private set; }
    public int Threshold => disclosure.Suppression.Threshold;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Exact = FigureDisclosure.SeesExactFigures(User);
        Figures = await figures.FiguresAsync(disclosure.Suppression, Exact, cancellationToken);
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
