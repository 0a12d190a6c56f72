using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Feedback.Pages.Admin;

/// <summary>
/// One reported problem: its details, a form to change its status, and a form to reply to the reporter by email. The
/// reply is stored and put in the email outbox in one transaction; the outbox sender delivers it shortly after.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public class DetailsModel(ProblemReports reports) : PageModel
{
    public ProblemReport Report { get; private set; } = null!;

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Status = Report.Status.Slug();
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ProblemStatuses.TryParseSlug(Status, out var status))
        {
            ModelState.AddModelError(nameof(Status), "Select a status");
            return Page();
        }
        var changed = await reports.ChangeStatusAsync(Report, status, cancellationToken);
        TempData["Success"] = changed ? $"Status changed to {status.Label().ToLowerInvariant()}" : $"Status is still {status.Label().ToLowerInvariant()}";
        return Redirect(ProblemPages.Url(id));
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Status = Report.Status.Slug();
        var body = Upon.Shared.Text.LineBreaks.Normalise(Reply).Trim();
        if (body.Length == 0)
        {
            ModelState.AddModelError(nameof(Reply), "Enter your reply");
        }
        else if (body.Length > ProblemReply.MaxBodyLength)
        {
            ModelState.AddModelError(nameof(Reply), $"Your reply must be {ProblemReply.MaxBodyLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await reports.ReplyAsync(Report, body, cancellationToken);
        TempData["Success"] = $"Reply sent to {Report.Email}";
        return Redirect(ProblemPages.Url(id));
    }

    /// <summary>What became of a reply's email.</summary>
    public static (string Text, string TagClass) Delivery(ProblemReply reply) => reply.OutboxMessage switch
    {
        null => ("Not emailed", "govuk-tag govuk-tag--grey"),
        { SentAt: not null } => ("Emailed", "govuk-tag govuk-tag--green"),
        { LastError: not null } => ("Not delivered yet: trying again", "govuk-tag govuk-tag--red"),
        _ => ("Waiting to be emailed", "govuk-tag govuk-tag--yellow"),
    };

    /// <summary>Text as paragraphs and line breaks, encoded.</summary>
    public static IEnumerable<string[]> Paragraphs(string text) =>
        Upon.Shared.Text.LineBreaks.Normalise(text).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('\n'));

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var report = await reports.FindAsync(id, cancellationToken);
        if (report is null)
        {
            return false;
        }
        Report = report;
        return true;
    }
}
