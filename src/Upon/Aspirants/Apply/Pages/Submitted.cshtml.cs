using Microsoft.AspNetCore.Mvc;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>The confirmation page, and the applicant's way back to their submitted application: equality questions, their offer.</summary>
public sealed class SubmittedModel(ApplicationForm form) : ApplyPageModel(form)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (Application is not { Status: ApplicationStatus.Submitted })
        {
            return Redirect(Application is null ? ReturnLinkUrl + "?expired=1" : StartUrl);
        }
        return Page();
    }
}
