using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.SessionFeedback;

/// <summary>
/// What session feedback holds about a person: that they were asked for feedback and whether they answered. What they
/// answered is anonymous (not linked to them), so it is neither found nor erased as theirs.
/// </summary>
public sealed class SessionFeedbackPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Feedback requests after sessions";

    public IReadOnlyList<string> Tables { get; } = ["feedback_requests"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
        var normalised = subject.Email.ToUpperInvariant();
        var userIds = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).ToListAsync(cancellationToken);
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var participantIds = await db.Participants
            .Where(p => p.Email.ToLower() == lower || (p.UserId != null && userIds.Contains(p.UserId)))
            .Select(p => p.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return [new("feedback_requests", await db.FeedbackRequests.Where(r => participantIds.Contains(r.ParticipantId)).ToListAsync(cancellationToken))];
    }

    /// <summary>Requests go with their participant, whom the programme's retention rule erases.</summary>
    public Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RetentionDue>>([]);
}
