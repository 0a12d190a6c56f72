using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Privacy;
using Upon.Shared.Security;

namespace Upon.DataProtection.Pages;

/// <summary>One logged request: produce the person's data as a ZIP to send them, or go on to erase them; then mark it answered.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class RequestModel(SubjectRequests requests, SubjectAccessExport export) : PageModel
{
    public SubjectRequest? Logged { get; private set; }
    public SubjectRequests Service => requests;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Logged = await requests.FindAsync(id, cancellationToken);
        return Logged is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(int id, CancellationToken cancellationToken)
    {
        Logged = await requests.FindAsync(id, cancellationToken);
        if (Logged is null)
        {
            return NotFound();
        }
        if (await export.ZipAsync(new DataSubject(Logged.Email), $"Subject access request #{Logged.Id}", cancellationToken) is not { } zip)
        {
            TempData["Nothing"] = "Upon holds nothing about this address.";
            return Redirect($"/privacy/requests/{id}");
        }
        return File(zip, SubjectAccessExport.ContentType, $"subject-access-{Logged.Id}.zip");
    }

    public async Task<IActionResult> OnPostAnsweredAsync(int id, CancellationToken cancellationToken)
    {
        Logged = await requests.FindAsync(id, cancellationToken);
        if (Logged is null)
        {
            return NotFound();
        }
        if (Logged.CompletedAt is null)
        {
            await requests.CompleteAsync(Logged, cancellationToken);
        }
        return Redirect("/privacy/requests");
    }
}
