using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Shared.Forms;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>A new feedback form for a strand, a type of session or both, starting from the standard questions.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class NewFormModel(UponDbContext db, FeedbackForms forms) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? StrandId { get; set; }

    [BindProperty]
    public string? SessionType { get; set; }

    public IReadOnlyList<Choice> Strands { get; private set; } = [];

    public static IReadOnlyList<Choice> Types { get; } = [.. Enum.GetValues<SessionType>().Select(t => new Choice(t.ToString(), t.DisplayName()))];

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Strands = [.. (await db.Strands.AsNoTracking().OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken))
            .Select(s => new Choice(s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name))];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the form");
        }
        else if (name.Length > FeedbackForm.MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), $"The name must be {FeedbackForm.MaxNameLength} characters or fewer");
        }
        int? strandId = null;
        if (!string.IsNullOrEmpty(StrandId))
        {
            if (Strands.FirstOrDefault(s => s.Value == StrandId) is null)
            {
                ModelState.AddModelError(nameof(StrandId), "Select a strand from the list, or any strand");
            }
            else
            {
                strandId = int.Parse(StrandId, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        SessionType? type = null;
        if (!string.IsNullOrEmpty(SessionType))
        {
            if (Enum.TryParse<SessionType>(SessionType, out var parsed) && Enum.IsDefined(parsed))
            {
                type = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(SessionType), "Select a type of session from the list, or any type");
            }
        }
        if (ModelState.IsValid && strandId is null && type is null)
        {
            ModelState.AddModelError(nameof(StrandId), "Select a strand, a type of session or both: the standard form is for every session");
        }
        if (ModelState.IsValid && await forms.ExistsAsync(strandId, type, cancellationToken: cancellationToken))
        {
            ModelState.AddModelError(nameof(StrandId), "There is already a form for that strand and type of session: change its questions instead");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var form = await forms.CreateAsync(name, strandId, type, cancellationToken);
        TempData["Success"] = $"Form '{form.Name}' added with the standard questions. Change them below.";
        return Redirect(FeedbackPages.Form(form.Id));
    }
}
