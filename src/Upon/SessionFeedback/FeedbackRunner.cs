using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared;
using Upon.Shared.Privacy;

namespace Upon.SessionFeedback;

/// <param name="Asked">People asked for feedback for the first time.</param>
/// <param name="Reminded">Reminders sent to people who had not answered.</param>
public sealed record FeedbackRunResult(int Asked, int Reminded);

/// <summary>
/// Asks everyone marked present at a session that has ended for feedback, once, and reminds those who have not answered,
/// at most twice and never once feedback has closed. Each person is handled in their own transaction, their email
/// written to the outbox in it: two runs at once never ask or remind twice (the request is unique per person and
/// session, and a reminder locks its row), and a run stopped midway leaves nothing half-done.
/// </summary>
public sealed class FeedbackRunner(IServiceScopeFactory scopes, IClock clock, IOptions<FeedbackOptions> options, IConfiguration configuration, ILogger<FeedbackRunner> logger)
{
    /// <summary>The marks that count as present: attended, late or not.</summary>
    public static readonly IReadOnlyList<AttendanceMark> PresentMarks = [AttendanceMark.Present, AttendanceMark.Late, AttendanceMark.LeftEarly];

    /// <param name="asOf">The day to act as if it were (operators and tests); today in London when null.</param>
    public async Task<FeedbackRunResult> RunAsync(LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        var schedule = options.Value.Schedule;
        var today = asOf ?? clock.TodayInLondon();
        // A run for a past day (an operator re-running a missed one) still asks and reminds only while a form is open today.
        var openAfter = LocalDate.Max(today, clock.TodayInLondon());
        var now = asOf is null ? clock.GetCurrentInstant() : today.At(new LocalTime(9, 0)).InZoneLeniently(Time.London).ToInstant();
        // Sessions whose feedback may still be open: ended, and their last day no more than OpenDays ago.
        var earliestEnd = today.PlusDays(-schedule.OpenDays).AtStartOfDayInZone(Time.London).ToInstant();
        List<(int SessionId, int ParticipantId)> toAsk;
        List<int> toRemind;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
            var present = await db.AttendanceRecords.AsNoTracking().MarkedPresent()
                .Where(r => r.Session!.EndUtc <= now && r.Session.EndUtc >= earliestEnd && r.Session.Status != SessionStatus.Cancelled)
                .Where(r => !db.FeedbackRequests.Any(q => q.SessionId == r.SessionId && q.ParticipantId == r.ParticipantId))
                .OrderBy(r => r.SessionId).ThenBy(r => r.ParticipantId)
                .Select(r => new { r.SessionId, r.ParticipantId, r.Session!.End })
                .ToListAsync(cancellationToken);
            toAsk = [.. present.Where(r => schedule.ClosesOn(r.End.Date) > openAfter).Select(r => (r.SessionId, r.ParticipantId))];
            var open = await db.FeedbackRequests.AsNoTracking().StillPresent(db)
                .Where(q => !q.Answered && !q.RemindersStopped && q.RemindersSent < Core.SessionFeedback.FeedbackSchedule.MaxReminders && q.ClosesOn > openAfter)
                .OrderBy(q => q.Id)
                .ToListAsync(cancellationToken);
            toRemind = [.. open.Where(q => schedule.ReminderDue(q.RequestedOn, today, q.RemindersSent, q.ClosesOn, q.Answered, q.LastRemindedOn) is not null).Select(q => q.Id)];
        }
        var asked = 0;
        foreach (var (sessionId, participantId) in toAsk)
        {
            if (await AskAsync(sessionId, participantId, today, cancellationToken))
            {
                asked++;
            }
        }
        var reminded = 0;
        foreach (var id in toRemind)
        {
            if (await RemindAsync(id, today, cancellationToken))
            {
                reminded++;
            }
        }
        if (asked + reminded > 0)
        {
            logger.LogInformation("Feedback: {Asked} asked, {Reminded} reminded", asked, reminded);
        }
        return new FeedbackRunResult(asked, reminded);
    }

    private string LinkTo(int sessionId) => AppLinks.BaseUrl(configuration) + FeedbackPages.Give(sessionId);

    private string StopLinkTo(int sessionId) => AppLinks.BaseUrl(configuration) + FeedbackPages.StopReminders(sessionId);

    private async Task<bool> AskAsync(int sessionId, int participantId, LocalDate today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.FeedbackRequests.AnyAsync(q => q.SessionId == sessionId && q.ParticipantId == participantId, cancellationToken))
        {
            return false;
        }
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId, cancellationToken);
        var person = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == participantId, cancellationToken);
        // Read again in this transaction: the mark may have been corrected, or the session cancelled, since the list was made.
        var stillPresent = await db.AttendanceRecords.MarkedPresent().AnyAsync(a => a.SessionId == sessionId && a.ParticipantId == participantId, cancellationToken);
        if (!stillPresent || session.Status == SessionStatus.Cancelled || string.IsNullOrWhiteSpace(person.Email) || ErasedAddresses.IsErased(person.Email))
        {
            return false;
        }
        var closesOn = options.Value.Schedule.ClosesOn(session.End.Date);
        db.FeedbackRequests.Add(new FeedbackRequest { SessionId = sessionId, ParticipantId = participantId, RequestedOn = today, ClosesOn = closesOn });
        FeedbackEmails.Request(db, person, session, LinkTo(sessionId), StopLinkTo(sessionId), SessionFormat.Date(closesOn.PlusDays(-1)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run asked them at the same moment: its request and email stand, this one is rolled back.
            if (await AlreadyAskedAsync(sessionId, participantId, cancellationToken))
            {
                return false;
            }
            throw;
        }
    }

    private async Task<bool> AlreadyAskedAsync(int sessionId, int participantId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UponDbContext>().FeedbackRequests
            .AnyAsync(q => q.SessionId == sessionId && q.ParticipantId == participantId, cancellationToken);
    }

    private async Task<bool> RemindAsync(int requestId, LocalDate today, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<FeedbackRequest>(requestId, cancellationToken);
        // Read after taking the lock, so that a run that waited sees the reminder the other run sent, or the answer.
        var request = await db.FeedbackRequests.StillPresent(db).SingleOrDefaultAsync(q => q.Id == requestId, cancellationToken);
        if (request is null || request.RemindersStopped || options.Value.Schedule.ReminderDue(request.RequestedOn, today, request.RemindersSent, request.ClosesOn, request.Answered, request.LastRemindedOn) is not { } number)
        {
            return false;
        }
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == request.SessionId, cancellationToken);
        var person = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == request.ParticipantId, cancellationToken);
        if (ErasedAddresses.IsErased(person.Email))
        {
            return false;
        }
        request.RemindersSent = number;
        request.LastRemindedOn = today;
        FeedbackEmails.Reminder(db, person, session, LinkTo(session.Id), StopLinkTo(session.Id), SessionFormat.Date(request.ClosesOn.PlusDays(-1)), number);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
