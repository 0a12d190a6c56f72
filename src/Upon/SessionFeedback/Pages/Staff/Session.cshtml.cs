using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>One session's feedback: each question's ratings and the comments, once enough people have answered.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SessionModel(FeedbackFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public SessionFeedbackResults Results { get; private set; } = null!;

    /// <summary>What was just done here (a comment removed), for the banner.</summary>
    public string? Success { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await figures.SessionAsync(id, Rule, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Results = found;
        // A banner is shown once: the page that carries it is not answered from the browser's copy.
        Success = TempData["Success"] as string;
        return Success is null && figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
