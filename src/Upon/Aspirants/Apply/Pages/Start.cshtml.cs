using Microsoft.AspNetCore.Mvc;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>A cohort's start page: the window, what applying takes, and the way in or back.</summary>
public sealed class StartModel(ApplicationForm form) : ApplyPageModel(form)
{
    public bool Open { get; private set; }
    public bool NotYetOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Cohort.OpensAt is null)
        {
            return NotFound();
        }
        Open = Form.IsOpen(Cohort);
        NotYetOpen = Form.HasNotOpened(Cohort);
        return Page();
    }
}
