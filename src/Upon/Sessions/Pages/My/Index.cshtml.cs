using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upon.Shared.Security;

namespace Upon.Sessions.Pages.My;

/// <summary>A participant's sessions: what they have booked or are waiting for, and what else they can book.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class IndexModel(CurrentParticipant current, ParticipantSessions sessions, IEnumerable<Upon.Shared.IParticipantTaskSource> taskSources) : PageModel
{
    public Participant? Participant { get; private set; }
    public IReadOnlyList<ParticipantSession> Held { get; private set; } = [];
    public IReadOnlyList<ParticipantSession> Open { get; private set; } = [];

    /// <summary>What other features ask of the participant (feedback to give ...).</summary>
    public IReadOnlyList<Upon.Shared.ParticipantTask> Tasks { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is null)
        {
            return Page();
        }
        var tasks = new List<Upon.Shared.ParticipantTask>();
        foreach (var source in taskSources)
        {
            tasks.AddRange(await source.TasksForAsync(Participant.Id, cancellationToken));
        }
        Tasks = tasks;
        var upcoming = await sessions.UpcomingAsync(Participant, cancellationToken);
        Held = [.. upcoming.Where(s => s.HasPlace || s.IsWaiting)];
        Open = [.. upcoming.Where(s => !s.HasPlace && !s.IsWaiting)];
        return Page();
    }
}
