using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Coaching.Pages.My;

/// <summary>A participant's coach, their sessions (to confirm or query), hours used, and their own requests.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class CoachModel(UponDbContext db, CurrentParticipant current, CoachingService coaching, CoachingRequests requests, CoachingVocabulary vocabulary) : PageModel
{
    public Participant? Participant { get; private set; }
    public IReadOnlyList<CoachingRelationship> Relationships { get; private set; } = [];
    public IReadOnlyList<CoachingRequest> Requests { get; private set; } = [];
    public CharacteristicLabels Labels { get; private set; } = CharacteristicLabels.Standard;

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is null) return;
        Relationships = await db.CoachingRelationships.AsNoTracking().Include(r => r.Coach).Include(r => r.Sessions)
            .Where(r => r.ParticipantId == Participant.Id).OrderByDescending(r => r.StartsOn).ToListAsync(cancellationToken);
        Requests = await requests.ReadOwnAsync(Participant.Id, cancellationToken);
        Labels = await vocabulary.LabelsAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmAsync(int sessionId, CancellationToken cancellationToken) =>
        Act(p => coaching.AnswerSessionAsync(p, sessionId, true, null, cancellationToken), "Session confirmed.");

    public Task<IActionResult> OnPostQueryAsync(int sessionId, string? reason, CancellationToken cancellationToken) =>
        Act(p => coaching.AnswerSessionAsync(p, sessionId, false, reason, cancellationToken), "Session queried: the programme team will look into it.");

    private async Task<IActionResult> Act(Func<int, Task> action, string notice)
    {
        var participant = await current.FindAsync(User);
        if (participant is null) return NotFound();
        try
        {
            await action(participant.Id);
            Notice = notice;
        }
        catch (CoachingRuleException)
        {
            return NotFound();
        }

        return Redirect("/my/coach");
    }
}
