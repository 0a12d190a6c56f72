using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;
using Upon.Sessions;

namespace Upon.Participants.Pages.My;

/// <summary>A participant's own attendance record: every session they were expected at, their marks and their rate. Only their own.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class AttendanceModel(CurrentParticipant current, AttendanceQueries attendance) : PageModel
{
    public Participant? Participant { get; private set; }

    public AttendanceHistory? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is not null)
        {
            History = await attendance.HistoryAsync(Participant.Id, cancellationToken);
        }
        return Page();
    }
}
