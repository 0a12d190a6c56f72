using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.My;

/// <summary>
/// "Stop reminding me" for one session's feedback, linked from every feedback email and from the form. It only sets the
/// request's <see cref="FeedbackRequest.RemindersStopped"/>: the page reads and shows the same whether or not the person
/// has answered, and the answers are not touched.
/// </summary>
[Authorize(Policy = Policies.Participants)]
public sealed class StopRemindersModel(CurrentParticipant current, FeedbackSubmission submission, UponDbContext db) : PageModel
{
    public string SessionTitle { get; private set; } = "";
    public int SessionId { get; private set; }
    public bool Stopped { get; private set; }

    private async Task<FeedbackRequest?> LoadAsync(int sessionId, CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null || await submission.RequestAsync(participant.Id, sessionId, cancellationToken) is not { } request)
        {
            return null;
        }
        SessionId = sessionId;
        SessionTitle = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Title).SingleAsync(cancellationToken);
        Stopped = request.RemindersStopped;
        return request;
    }

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(sessionId, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(sessionId, cancellationToken) is not { } request)
        {
            return NotFound();
        }
        await submission.StopRemindersAsync(request.ParticipantId, sessionId, cancellationToken);
        return Redirect(FeedbackPages.StopReminders(sessionId));
    }
}
