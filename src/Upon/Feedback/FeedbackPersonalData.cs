using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Feedback;

/// <summary>What "report a problem" holds about a person: the problems they reported and the replies to them.</summary>
public sealed class FeedbackPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Problems you reported";

    public IReadOnlyList<string> Tables { get; } = ["problem_reports", "problem_replies"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var reports = await db.ProblemReports.Where(r => r.Email.ToLower() == lower).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        var ids = reports.Select(r => r.Id).ToList();
        return [new("problem_reports", reports), new("problem_replies", await db.ProblemReplies.Where(r => ids.Contains(r.ProblemReportId)).ToListAsync(cancellationToken))];
    }

    /// <summary>Reports (and their replies) received before the data map's period are due.</summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("problem_reports") is not { } since)
        {
            return [];
        }
        var cutoff = since.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var reports = await db.ProblemReports.Include(r => r.Replies).Where(r => r.ReceivedAt < cutoff).ToListAsync(cancellationToken);
        return reports.Count == 0
            ? []
            : [new RetentionDue("Reported problems", $"{reports.Count} problem reports received before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}", Rows: new PersonalRows("problem_reports", reports))];
    }
}
