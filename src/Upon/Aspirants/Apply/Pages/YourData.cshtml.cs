using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.DataProtection;
using Upon.Shared.Privacy;

namespace Upon.Aspirants.Apply.Pages;

/// <summary>
/// An applicant has no account, so they see and download what Upon holds about them here, signed in to their
/// application. Only a browser that signed in by the application's emailed link is shown anything: starting an
/// application proves nothing about the email address typed in, and the data is everything held under that address.
/// </summary>
[AllowAnonymous]
public sealed class YourDataModel(UponDbContext db, ApplicantSignIn signIn, PersonalData personalData, SubjectAccessExport export) : PageModel
{
    public const string Path = "/aspirants/apply/your-data";

    /// <summary>The cohort of the application this browser is signed in to without its emailed link, to ask for one.</summary>
    public string? UnconfirmedCohort { get; private set; }

    public string? Email { get; private set; }

    public IReadOnlyList<HeldData> Held { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ConfirmedSubjectAsync(cancellationToken) is not { } subject)
        {
            if (signIn.SignedIn(HttpContext) is { } key)
            {
                UnconfirmedCohort = await db.AspirantApplications.Where(a => a.Id == key).Select(a => a.Cohort!.Name).FirstOrDefaultAsync(cancellationToken);
            }
            return Page();
        }
        Email = subject.Email;
        Held = await personalData.HeldAsync(subject, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (await ConfirmedSubjectAsync(cancellationToken) is not { } subject)
        {
            return RedirectToPage();
        }
        return await export.ZipAsync(subject, "Subject access (downloaded by the applicant)", cancellationToken) is { } zip
            ? File(zip, SubjectAccessExport.ContentType, SubjectAccessExport.DownloadName)
            : RedirectToPage();
    }

    private async Task<DataSubject?> ConfirmedSubjectAsync(CancellationToken cancellationToken)
    {
        if (signIn.SignedInByEmailedLink(HttpContext) is not { } key)
        {
            return null;
        }
        var email = await db.AspirantApplications.Where(a => a.Id == key).Select(a => a.Email).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(email) ? null : new DataSubject(email);
    }
}
