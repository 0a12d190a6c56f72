using Upon.Data;
using Upon.Sessions;

namespace Upon.SessionFeedback;

/// <summary>
/// Requests whose person is still marked present at the session. The register stays open after a session, so staff may
/// correct a mark from present to absent after the person was asked: from then they are not reminded and cannot answer,
/// as if they had never been asked (the request itself is kept, so that "asked" and the retention record do not change).
/// </summary>
public static class PresentRequests
{
    /// <summary>Attendance marked present (<see cref="FeedbackRunner.PresentMarks"/>): the one test for who is asked, and who may still answer.</summary>
    public static IQueryable<AttendanceRecord> MarkedPresent(this IQueryable<AttendanceRecord> records) =>
        records.Where(a => FeedbackRunner.PresentMarks.Contains(a.Mark));

    public static IQueryable<FeedbackRequest> StillPresent(this IQueryable<FeedbackRequest> requests, UponDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Captured as a query, which EF Core inlines into the SQL as the subquery.
        var present = db.AttendanceRecords.MarkedPresent();
        return requests.Where(q => present.Any(a => a.SessionId == q.SessionId && a.ParticipantId == q.ParticipantId));
    }
}
