using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Shared;

namespace Upon.SessionFeedback;

/// <summary>Feedback a participant has been asked for and can still give, for their sessions page.</summary>
public sealed class FeedbackTasks(UponDbContext db, IClock clock) : IParticipantTaskSource
{
    public async Task<IReadOnlyList<ParticipantTask>> TasksForAsync(int participantId, CancellationToken cancellationToken)
    {
        var today = clock.TodayInLondon();
        var open = await (from q in db.FeedbackRequests.AsNoTracking()
                          join s in db.Sessions on q.SessionId equals s.Id
                          where q.ParticipantId == participantId && !q.Answered && q.ClosesOn > today
                          orderby s.StartUtc
                          select new { s.Id, s.Title }).ToListAsync(cancellationToken);
        return [.. open.Select(s => new ParticipantTask($"Give feedback on {s.Title}", FeedbackPages.Give(s.Id)))];
    }
}
