using Upon.Data;

namespace Upon.SessionFeedback;

/// <summary>
/// Requests whose person is still marked present at the session. The register stays open after a session, so staff may
/// correct a mark from present to absent after the person was asked: from then they are not reminded and cannot answer,
/// as if they had never been asked (the request itself is kept, so that "asked" and the retention record do not change).
/// </summary>
public static class PresentRequests
{
    public static IQueryable<FeedbackRequest> StillPresent(this IQueryable<FeedbackRequest> requests, UponDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return requests.Where(q => db.AttendanceRecords.Any(a => a.SessionId == q.SessionId && a.ParticipantId == q.ParticipantId && FeedbackRunner.PresentMarks.Contains(a.Mark)));
    }
}
