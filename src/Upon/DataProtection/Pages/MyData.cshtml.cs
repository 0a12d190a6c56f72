using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.DataProtection.Pages;

/// <summary>
/// Anyone signed in (participant, coach, applicant, staff) sees what Upon holds about them, feature by feature, and
/// downloads all of it as one ZIP (a subject access response). Making the download is audited.
/// </summary>
[Authorize]
public sealed class MyDataModel(UponDbContext db, PersonalData personalData, SubjectAccessExport export) : PageModel
{
    public IReadOnlyList<HeldData> Held { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await SubjectAsync(cancellationToken) is not { } subject)
        {
            return Forbid();
        }
        Held = await personalData.HeldAsync(subject, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (await SubjectAsync(cancellationToken) is not { } subject)
        {
            return Forbid();
        }
        return await export.ZipAsync(subject, "Subject access (downloaded by the person)", cancellationToken) is { } zip
            ? File(zip, SubjectAccessExport.ContentType, SubjectAccessExport.DownloadName)
            : RedirectToPage();
    }

    private async Task<DataSubject?> SubjectAsync(CancellationToken cancellationToken)
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return email is null ? null : new DataSubject(email);
    }
}
