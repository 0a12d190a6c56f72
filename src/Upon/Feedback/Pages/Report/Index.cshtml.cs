using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upon.Accounts;
using Upon.Shared.Text;

namespace Upon.Feedback.Pages.Report;

/// <summary>
/// Anyone, signed in or not, can report a problem. The page it was about is prefilled from <c>?page=</c> (the footer
/// link passes the current path) or the Referer. Submissions are rate limited per client.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForms)]
// The form's fields come to a few kilobytes; anyone may post it, so nothing larger is read.
[RequestSizeLimit(64 * 1024)]
public class IndexModel(ProblemReports reports, ILogger<IndexModel> logger) : PageModel
{
    public const string ReferenceKey = "ProblemReference";

    /// <summary>The fields in page order, for the error summary.</summary>
    public static readonly string[] FieldOrder = [nameof(Name), nameof(Email), nameof(PageAbout), nameof(Message)];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? PageAbout { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    public void OnGet([FromQuery(Name = "page")] string? page)
    {
        PageAbout = ProblemReports.LocalPath(page) ?? FromReferer();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        var email = Email?.Trim() ?? "";
        var pageAbout = PageAbout?.Trim() ?? "";
        var message = Upon.Shared.Text.LineBreaks.Normalise(Message).Trim();

        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Enter your name");
        }
        else if (name.Length > ProblemReport.MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), $"Name must be {ProblemReport.MaxNameLength} characters or fewer");
        }
        if (email.Length == 0)
        {
            ModelState.AddModelError(nameof(Email), "Enter your email address");
        }
        else if (email.Length > ProblemReport.MaxEmailLength || !EmailAddresses.IsValid(email))
        {
            ModelState.AddModelError(nameof(Email), "Enter an email address in the correct format, like name@example.com");
        }
        if (pageAbout.Length > ProblemReport.MaxPageLength)
        {
            ModelState.AddModelError(nameof(PageAbout), $"The page must be {ProblemReport.MaxPageLength} characters or fewer");
        }
        if (message.Length == 0)
        {
            ModelState.AddModelError(nameof(Message), "Enter details of the problem");
        }
        else if (message.Length > ProblemReport.MaxMessageLength)
        {
            ModelState.AddModelError(nameof(Message), $"Details of the problem must be {ProblemReport.MaxMessageLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var report = await reports.SubmitAsync(new ProblemReportInput(name, email, pageAbout, message), cancellationToken);
        logger.LogInformation("Problem report {Reference} received", report.Reference);
        TempData[ReferenceKey] = report.Reference;
        return Redirect("/report-a-problem/confirmation");
    }

    // Only a page on this site: the Referrer-Policy sends the full address to this origin only.
    private string? FromReferer()
    {
        if (!Uri.TryCreate(Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var path = ProblemReports.LocalPath(referer.AbsolutePath);
        return path is null || path.StartsWith("/report-a-problem", StringComparison.OrdinalIgnoreCase) ? null : path;
    }
}
