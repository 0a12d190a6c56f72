using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared;

namespace Upon.Aspirants.CohortYear;

/// <summary>A learning set's meetings are for its members only: the sessions feature hides and closes them to everyone else.</summary>
public sealed class LearningSetMeetingAudience(UponDbContext db) : IClosedSessionSource
{
    public async Task<IReadOnlySet<int>> ClosedAmongAsync(IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionIds);
        var closed = new HashSet<int>();
        // In chunks, so that no query expands an unbounded list into parameters.
        foreach (var chunk in sessionIds.Distinct().Chunk(500))
        {
            closed.UnionWith(await db.AspirantLearningSetMeetings.AsNoTracking().Where(m => chunk.Contains(m.SessionId)).Select(m => m.SessionId).ToListAsync(cancellationToken));
        }
        return closed;
    }
}
