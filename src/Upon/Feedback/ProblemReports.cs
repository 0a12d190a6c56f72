using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Data;
using Upon.Email;

namespace Upon.Feedback;

/// <summary>What someone typed into the report-a-problem form, tidied.</summary>
public sealed record ProblemReportInput(string Name, string Email, string? Page, string Message);

/// <summary>Storing problem reports, triaging them and replying by email.</summary>
public sealed class ProblemReports(UponDbContext db)
{
    private static readonly ZonedDateTimePattern Display = ZonedDateTimePattern.CreateWithInvariantCulture("d MMMM uuuu 'at' HH:mm", null);

    /// <summary>"25 November 2026 at 12:00", in London.</summary>
    public static string Format(Instant at) => Display.Format(at.InZone(Core.Time.London));

    /// <summary>A page worth prefilling: a path on this site (not <c>//host</c>), without its query.</summary>
    public static string? LocalPath(string? candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return null;
        }
        var text = candidate.Trim();
        if (!text.StartsWith('/') || text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/\\", StringComparison.Ordinal))
        {
            return null;
        }
        var end = text.IndexOfAny(['?', '#']);
        var path = end >= 0 ? text[..end] : text;
        return path.Length > ProblemReport.MaxPageLength || path.Any(char.IsControl) ? null : path;
    }

    /// <summary>Stores a report and gives it its reference, in one transaction.</summary>
    public async Task<ProblemReport> SubmitAsync(ProblemReportInput input, CancellationToken cancellationToken = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var report = new ProblemReport
        {
            Name = input.Name,
            Email = input.Email,
            Page = string.IsNullOrWhiteSpace(input.Page) ? null : input.Page,
            Message = input.Message,
            Status = ProblemStatus.New,
            ReceivedAt = now,
            UpdatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ProblemReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        report.Reference = ProblemReport.ReferenceFor(report.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    public async Task<IReadOnlyDictionary<ProblemStatus, int>> CountsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await db.ProblemReports.AsNoTracking().GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return ProblemStatuses.All.ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    /// <summary>The newest reports first, of one status or all.</summary>
    public async Task<IReadOnlyList<ProblemReport>> ListAsync(ProblemStatus? status, int take, CancellationToken cancellationToken = default)
    {
        var query = db.ProblemReports.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        return await query.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>A report with its replies and their emails, tracked for changes.</summary>
    public Task<ProblemReport?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.ProblemReports.Include(r => r.Replies.OrderBy(x => x.SentAt).ThenBy(x => x.Id)).ThenInclude(x => x.OutboxMessage)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Changes the status; false if it already had it.</summary>
    public async Task<bool> ChangeStatusAsync(ProblemReport report, ProblemStatus status, CancellationToken cancellationToken = default)
    {
        if (report.Status == status)
        {
            return false;
        }
        report.Status = status;
        report.UpdatedAt = db.Clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores a reply and puts its email in the outbox, in one transaction. A reply to a new report moves it to in progress.
    /// </summary>
    public async Task<ProblemReply> ReplyAsync(ProblemReport report, string body, CancellationToken cancellationToken = default)
    {
        var now = db.Clock.GetCurrentInstant();
        var reference = report.Reference ?? ProblemReport.ReferenceFor(report.Id);
        var reply = new ProblemReply
        {
            ProblemReportId = report.Id,
            Body = body,
            SentBy = db.Actor.Name,
            SentByUserId = db.Actor.UserId,
            SentAt = now,
            OutboxMessage = EmailOutbox.Enqueue(db, report.Email, ReplySubject(reference), ReplyText(report, reference, body), invitesReply: true),
        };
        report.Replies.Add(reply);
        if (report.Status == ProblemStatus.New)
        {
            report.Status = ProblemStatus.InProgress;
        }
        report.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    public static string ReplySubject(string reference) => $"Re: your report {reference}";

    public static string ReplyText(ProblemReport report, string reference, string body)
    {
        var text = new StringBuilder();
        text.Append(Upon.Shared.Text.LineBreaks.Normalise(body).TrimEnd()).Append("\n\n");
        text.Append("-- \n");
        text.Append(CultureInfo.InvariantCulture, $"This is a reply to the problem you reported to Upon on {Format(report.ReceivedAt)} (reference {reference}). You wrote:\n\n");
        foreach (var line in Upon.Shared.Text.LineBreaks.Normalise(report.Message).Split('\n'))
        {
            text.Append("> ").Append(line).Append('\n');
        }
        return text.ToString();
    }
}
