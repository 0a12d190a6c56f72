using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Upon.Disclosure;
using Upon.Sessions.Pages.Shared;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>
/// Removes one comment from a session's feedback, on request (a comment that names someone): the comment, a reason,
/// then back to the session's page with a banner. The page shows the comment, the question and the session, never
/// anything about who gave it.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RemoveCommentModel(FeedbackCommentRemoval removal, FigureDisclosure disclosure) : StaffFeedbackPage(disclosure)
{
    public static readonly IReadOnlyList<string> ErrorOrder = [nameof(Reason)];

    public RemovableComment Comment { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await removal.FindAsync(id, Rule, cancellationToken) is not { } comment)
        {
            return NotFound();
        }
        Comment = comment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await removal.FindAsync(id, Rule, cancellationToken) is not { } comment)
        {
            return NotFound();
        }
        Comment = comment;
        ModelState.Clear();
        var reason = FormInput.Required(ModelState, nameof(Reason), Reason, FeedbackCommentRemoval.MaxReasonLength, "Enter why the comment is removed", "Reason");
        if (ModelState.ErrorCount > 0)
        {
            return Page();
        }
        if (await removal.RemoveAsync(id, reason, Rule, cancellationToken) is null)
        {
            return NotFound();
        }
        TempData["Success"] = "The comment was removed";
        return Redirect(FeedbackPages.Session(comment.Session.Id));
    }
}
