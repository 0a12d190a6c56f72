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
        var buffer = new MemoryStream();
        if (!await export.WriteAsync(subject, buffer, "Subject access (downloaded by the person)", cancellationToken))
        {
            return RedirectToPage();
        }
        buffer.Position = 0;
        return File(buffer, "application/zip", "upon-your-data.zip");
    }

    private async Task<DataSubject?> SubjectAsync(CancellationToken cancellationToken)
    {
        var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var email = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        return email is null ? null : new DataSubject(email);
    }
}
