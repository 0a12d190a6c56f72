using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.My;

/// <summary>One session a participant was asked about: open to answer, answered, or closed.</summary>
public sealed record MyFeedbackLine(int SessionId, string Title, LocalDateTime Start, LocalDateTime End, LocalDate ClosesOn, bool Answered, bool Open);

/// <summary>The feedback a participant has been asked for: what they can still give, and what they gave or missed.</summary>
[Authorize(Policy = Policies.Participants)]
public sealed class IndexModel(CurrentParticipant current, UponDbContext db, IClock clock, Upon.Disclosure.FigureDisclosure disclosure) : PageModel
{
    public int Threshold => disclosure.Suppression.Threshold;

    public Participant? Participant { get; private set; }
    public IReadOnlyList<MyFeedbackLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Participant = await current.FindAsync(User, cancellationToken);
        if (Participant is null)
        {
            return;
        }
        var today = clock.TodayInLondon();
        var id = Participant.Id;
        var rows = await (from q in db.FeedbackRequests.AsNoTracking().StillPresent(db)
                          join s in db.Sessions on q.SessionId equals s.Id
                          where q.ParticipantId == id
                          orderby s.StartUtc descending
                          select new { s.Id, s.Title, s.Start, s.End, q.ClosesOn, q.Answered }).Take(200).ToListAsync(cancellationToken);
        Lines = [.. rows.Select(r => new MyFeedbackLine(r.Id, r.Title, r.Start, r.End, r.ClosesOn, r.Answered, !r.Answered && r.ClosesOn > today))];
    }
}
