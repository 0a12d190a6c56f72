using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Privacy;
using Upon.Shared.Security;
using Upon.Shared.Text;

namespace Upon.DataProtection.Pages;

/// <summary>
/// Administrators erase a person: enter the address, read what will go and what is kept and why, then confirm. The
/// confirmation names only the pseudonym the person became.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class EraseModel(PersonalData personalData) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    public IReadOnlyList<ErasurePreviewLine>? Preview { get; private set; }
    public int AuditEntries { get; private set; }
    public bool NothingHeld { get; private set; }
    public string? Erased { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Erased = TempData["Erased"] as string;
        if (!string.IsNullOrWhiteSpace(Email))
        {
            await PreviewAsync(cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PreviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (!Valid())
        {
            return Page();
        }
        var result = await personalData.EraseAsync(new DataSubject(Email!), "Erased on request (by an administrator)", cancellationToken);
        TempData["Erased"] = result is null ? "Nothing was left to erase." : $"Erased: {result.Rows} records in {result.Tables} tables and {result.AuditEntriesShredded} audit entries shredded. The person is now {result.Pseudonym}.";
        return Redirect("/privacy/erase");
    }

    private async Task PreviewAsync(CancellationToken cancellationToken)
    {
        if (!Valid())
        {
            return;
        }
        var (lines, audit) = await personalData.PreviewAsync(new DataSubject(Email!), cancellationToken);
        Preview = [.. lines.Where(l => l.Rows > 0)];
        AuditEntries = audit;
        NothingHeld = Preview.Count == 0 && audit == 0;
    }

    private bool Valid()
    {
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address of the person to erase");
        }
        else if (!EmailAddresses.IsValid(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }
        return ModelState.IsValid;
    }
}
