using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Core.Disclosure;
using Upon.Core.SessionFeedback;
using Upon.Data;
using Upon.Sessions;

namespace Upon.SessionFeedback;

/// <summary>A comment staff may remove: its text, the question it answers and the session, never who gave it.</summary>
public sealed record RemovableComment(Guid AnswerId, Session Session, FeedbackQuestion Question, string Text);

/// <summary>
/// Removes one comment from anonymous feedback on request (a comment that names someone, as the data map promises): the
/// answer's text is set to null and everything else stays, so the response, its ratings and every figure are unchanged.
/// The audit log gets one line naming the session, the question and the reason, never the comment's text (an audit
/// line naming the comment would keep what was removed) and never the answer or its response (the answers are
/// anonymous and not audited: <see cref="FeedbackResponse"/>).
/// </summary>
public sealed class FeedbackCommentRemoval(UponDbContext db, AuditLog audit)
{
    public const string RemovedAction = "feedback-comment-removed";

    public const int MaxReasonLength = 500;

    /// <summary>
    /// The comment as staff read it on the session's page: null when there is no such answer, it holds no comment (or
    /// it was removed already), or the session's results are withheld, where staff do not see its comments either.
    /// </summary>
    public async Task<RemovableComment?> FindAsync(Guid answerId, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        var found = await (from a in db.FeedbackAnswers.AsNoTracking()
                           join r in db.FeedbackResponses on a.ResponseId equals r.Id
                           join q in db.FeedbackQuestions on a.QuestionId equals q.Id
                           where a.Id == answerId && a.Text != null && q.Kind == FeedbackQuestionKind.Text
                           select new { a.Text, r.SessionId, Question = q })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || string.IsNullOrWhiteSpace(found.Text))
        {
            return null;
        }
        var answers = await db.FeedbackResponses.CountAsync(r => r.SessionId == found.SessionId, cancellationToken);
        if (!FeedbackDisclosure.ResultsShown(rule, answers))
        {
            return null;
        }
        var session = await db.Sessions.AsNoTracking().Include(s => s.Strand).SingleAsync(s => s.Id == found.SessionId, cancellationToken);
        return new RemovableComment(answerId, session, found.Question, found.Text);
    }

    /// <summary>
    /// Removes the comment and writes the audit line, in one transaction; null (and nothing written) when it is not
    /// there to remove (<see cref="FindAsync"/>), such as when someone else removed it first; otherwise the comment removed.
    /// </summary>
    public async Task<RemovableComment?> RemoveAsync(Guid answerId, string reason, DisclosureRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await FindAsync(answerId, rule, cancellationToken) is not { } comment)
        {
            return null;
        }
        // Only while the text is still there: of two staff removing it at once, one removes it and writes the line.
        var removed = await db.FeedbackAnswers.Where(a => a.Id == answerId && a.Text != null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, (string?)null), cancellationToken);
        if (removed == 0)
        {
            return null;
        }
        await audit.RecordAsync(RemovedAction, nameof(Session), comment.Session.Id.ToString(CultureInfo.InvariantCulture),
            $"A comment on question {comment.Question.Id.ToString(CultureInfo.InvariantCulture)} ({comment.Question.Text}) removed. Reason: {reason}",
            cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return comment;
    }
}
