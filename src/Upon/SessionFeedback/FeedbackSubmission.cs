using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.SessionFeedback;
using Upon.Data;
using Upon.Sessions;

namespace Upon.SessionFeedback;

/// <summary>One answer as the participant gave it (checked by the page): a rating for a scale question, a text for a text one.</summary>
public sealed record GivenAnswer(int QuestionId, int? Rating, string? Text);

/// <summary>What became of a submission.</summary>
public enum SubmissionOutcome
{
    Saved,
    AlreadyAnswered,
    Closed,
    NotAsked,
}

/// <summary>
/// Saves a participant's feedback anonymously. In one transaction, with the person's request locked: the request is
/// marked answered (a flag, no time), and the answers are written as a <see cref="FeedbackResponse"/> that names the
/// session and form only, under a random key. Neither is audited (an audit line names who saved and when). Nothing
/// links the two rows: not a key, not a time, not an order (see the README, "Feedback after sessions").
/// </summary>
public sealed class FeedbackSubmission(UponDbContext db, IClock clock)
{
    /// <summary>The person's request for the session, or null when they were not asked.</summary>
    public Task<FeedbackRequest?> RequestAsync(int participantId, int sessionId, CancellationToken cancellationToken = default) =>
        db.FeedbackRequests.AsNoTracking().StillPresent(db).SingleOrDefaultAsync(q => q.ParticipantId == participantId && q.SessionId == sessionId, cancellationToken);

    /// <summary>
    /// Sends the person no more reminders about the session's feedback. Only their request's flag changes, in a statement
    /// of its own: nothing about whether or what they answered is read or written.
    /// </summary>
    public Task<int> StopRemindersAsync(int participantId, int sessionId, CancellationToken cancellationToken = default) =>
        db.FeedbackRequests.Where(q => q.ParticipantId == participantId && q.SessionId == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.RemindersStopped, true), cancellationToken);

    public async Task<SubmissionOutcome> SubmitAsync(int participantId, int sessionId, int formId, IReadOnlyList<GivenAnswer> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The session's row first: answering rewrites every request of the session (below), so two people answering at
        // once must take their locks in one order, or on PostgreSQL each would hold their own request and wait for the other's.
        await db.LockRowAsync<Session>(sessionId, cancellationToken);
        var id = await db.FeedbackRequests.StillPresent(db).Where(q => q.ParticipantId == participantId && q.SessionId == sessionId).Select(q => (int?)q.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return SubmissionOutcome.NotAsked;
        }
        await db.LockRowAsync<FeedbackRequest>(id.Value, cancellationToken);
        var request = await db.FeedbackRequests.SingleAsync(q => q.Id == id, cancellationToken);
        if (request.Answered)
        {
            return SubmissionOutcome.AlreadyAnswered;
        }
        if (!FeedbackSchedule.IsOpen(request.ClosesOn, clock.TodayInLondon()))
        {
            return SubmissionOutcome.Closed;
        }
        // Every request of the session is rewritten in the one statement that marks this one answered, so that no
        // trace of when a request was answered is left on it: on PostgreSQL each row carries the transaction that last
        // wrote it (xmin), which would otherwise be the same as the answer's.
        var requestId = request.Id;
        await db.FeedbackRequests.Where(q => q.SessionId == sessionId)
            .ExecuteUpdateAsync(set => set.SetProperty(q => q.Answered, q => q.Answered || q.Id == requestId), cancellationToken);
        db.FeedbackResponses.Add(new FeedbackResponse
        {
            // Guid.NewGuid is random (version 4): unlike a sequence or a version 7 Guid it carries no order or time.
            Id = Guid.NewGuid(),
            SessionId = sessionId,
            FormId = formId,
            Answers = [.. answers.Select(a => new FeedbackAnswer { Id = Guid.NewGuid(), QuestionId = a.QuestionId, Rating = a.Rating, Text = a.Text })],
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SubmissionOutcome.Saved;
    }
}
