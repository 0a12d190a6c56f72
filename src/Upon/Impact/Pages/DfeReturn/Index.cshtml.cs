using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Core;
using Upon.Core.Impact;
using Upon.Disclosure;
using Upon.Shared.Figures;
using Upon.Shared.Security;

namespace Upon.Impact.Pages.DfeReturn;

/// <summary>
/// The DfE contract return of a quarter or year, printable, with its downloads. The funder sees its suppressed version;
/// staff see the exact one or the funder's, mark the return submitted (freezing it), see what later data would change and
/// issue a revision with a note.
/// </summary>
[Authorize(Policy = Policies.Aggregates)]
public sealed class IndexModel(ReturnReport report, ReturnSubmissions submissions, ImpactFigureCache figures, FigureReader figureReader, FigureDisclosure disclosure) : PageModel
{
    public bool SeesExactFigures { get; private set; }

    public ReturnPeriod Period { get; private set; }

    public string View { get; private set; } = DfeReturnDocument.FunderView;

    public DfeReturnDocument? Document { get; private set; }

    public IReadOnlyList<ReturnVersion> Versions { get; private set; } = [];

    public IReadOnlyList<ReturnDifference> Differences { get; private set; } = [];

    /// <summary>Sections and figures added to the return after the version shown was submitted.</summary>
    public IReadOnlyList<ReturnAddition> NotSubmitted { get; private set; } = [];

    public IReadOnlyList<ReturnPeriod> Choices { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string? period, string? view, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(period, view, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // A page carrying a one-off notice (after submitting) is not one to keep and reuse.
        return Notice is null && figureReader.PageNotModified(HttpContext) ? StatusCode(StatusCodes.Status304NotModified) : Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(string? period, CancellationToken cancellationToken)
    {
        if (!FigureDisclosure.SeesExactFigures(User))
        {
            return Forbid();
        }
        if (report.Problem(period, out var parsed) is not null)
        {
            return BadRequest();
        }
        Notice = await submissions.SubmitAsync(parsed, User.Identity?.Name, cancellationToken)
            ? $"The return for {parsed.Label} is submitted: its figures are frozen as they are now."
            : $"The return for {parsed.Label} was already submitted.";
        return RedirectToPage(new { period = parsed.Label });
    }

    public async Task<IActionResult> OnPostReviseAsync(string? period, CancellationToken cancellationToken)
    {
        if (!FigureDisclosure.SeesExactFigures(User))
        {
            return Forbid();
        }
        if (report.Problem(period, out var parsed) is not null)
        {
            return BadRequest();
        }
        var note = Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            ModelState.AddModelError(nameof(Note), "Enter a note saying why the figures are revised");
        }
        else if (note.Length > ReturnSubmission.MaxNoteLength)
        {
            ModelState.AddModelError(nameof(Note), $"The note must be {ReturnSubmission.MaxNoteLength:N0} characters or fewer");
        }
        else if (ControlCharacters.Contains(note, multiline: true))
        {
            ModelState.AddModelError(nameof(Note), "The note must not contain control characters");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(parsed.Label, DfeReturnDocument.ExactView, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Notice = await submissions.ReviseAsync(parsed, User.Identity?.Name, note!, cancellationToken)
            ? $"A revision of the return for {parsed.Label} is issued."
            : $"The return for {parsed.Label} has not been submitted, so there is nothing to revise.";
        return RedirectToPage(new { period = parsed.Label });
    }

    private async Task<bool> LoadAsync(string? period, string? view, CancellationToken cancellationToken)
    {
        SeesExactFigures = FigureDisclosure.SeesExactFigures(User);
        Choices = ReturnFormat.Choices(new NodaTime.LocalDate(2020, 4, 1), report.Today);
        if (string.IsNullOrEmpty(period))
        {
            Period = ReturnFormat.DefaultPeriod(report.Today);
        }
        else if (report.Problem(period, out var parsed) is { } problem)
        {
            ModelState.AddModelError("period", problem);
            return false;
        }
        else
        {
            Period = parsed;
        }
        View = SeesExactFigures && view != DfeReturnDocument.FunderView ? DfeReturnDocument.ExactView : DfeReturnDocument.FunderView;
        var (exact, funder) = await figures.ReturnAsync(Period, disclosure.Suppression, cancellationToken);
        Document = View == DfeReturnDocument.ExactView ? exact : funder;
        NotSubmitted = submissions.NotSubmitted(Document);
        if (SeesExactFigures)
        {
            Versions = await figures.ReturnVersionsAsync(Period, cancellationToken);
            Differences = await figures.ReturnDifferencesAsync(Period, disclosure.Suppression, cancellationToken);
        }
        return true;
    }
}
