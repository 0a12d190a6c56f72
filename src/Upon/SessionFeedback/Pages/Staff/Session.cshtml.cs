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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await figures.SessionAsync(id, Rule, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        Results = found;
        return figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }
}
