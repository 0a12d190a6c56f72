using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.My;

/// <summary>The confirmation after sending feedback.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class SentModel(CurrentParticipant current, FeedbackSubmission submission, UponDbContext db) : PageModel
{
    public string SessionTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null || await submission.RequestAsync(participant.Id, sessionId, cancellationToken) is not { Answered: true })
        {
            return NotFound();
        }
        SessionTitle = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).SingleAsync(cancellationToken);
        return Page();
    }
}
