using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;

namespace Upon.NewDirectors;

/// <param name="StageChanges">Enrolments that entered the core programme or the coaching year.</param>
/// <param name="Completed">Enrolments completed at the end of month 24, the criteria met.</param>
/// <param name="NotCompleted">Enrolments whose month 24 ended without the criteria met (noted once, left in the coaching year).</param>
/// <param name="LeftPost">Enrolments newly flagged because the register says the director left their post.</param>
public sealed record JourneyRunResult(int StageChanges, int Completed, int NotCompleted, int LeftPost)
{
    public int Total => StageChanges + Completed + NotCompleted + LeftPost;
}

/// <summary>What staff can record on a journey.</summary>
public enum JourneyAction
{
    Defer,
    Withdraw,

    /// <summary>Back on the journey after a deferral or withdrawal, at the stage its dates give.</summary>
    Resume,

    /// <summary>Completed by staff's decision (for example, criteria not met but the programme is satisfied).</summary>
    Complete,
}

/// <summary>A staff change to a journey: the action, the day it takes effect, and why.</summary>
public sealed record JourneyChange(JourneyAction Action, LocalDate On, string Reason);

/// <summary>What became of a staff change.</summary>
public enum JourneyChangeResult
{
    Done,
    NotFound,

    /// <summary>Not possible from the enrolment's status now (someone else changed it first, say).</summary>
    NotAllowed,
}

/// <summary>
/// Records each New Director's journey as it goes: the stages its dates reach (the daily run), what staff decide
/// (defer, withdraw, resume, complete) and leaving a DCS post. Every change is one transaction with the enrolment
/// locked, and each adds a line to the enrolment's history with its date and reason.
/// </summary>
public sealed class JourneyService(UponDbContext db, IClock clock, CompletionCriteria criteria, Coaching.CoachingSummaries coaching, ILogger<JourneyService> logger)
{
    /// <summary>The start of the history line that records a decision to continue after leaving post; the run does not flag that leaving again.</summary>
    public const string ContinuedAfterLeavingPost = "Continues after leaving their DCS post";

    /// <summary>The history line noted once when month 24 ends without the completion criteria met.</summary>
    public const string DidNotMeetCriteria = "Month 24 ended: did not meet the completion criteria";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// The daily run (also run by <c>upon invitations run</c> and the app's background job): records the stages each New
    /// Directors enrolment has reached by <paramref name="today"/>, each from the day it began; completes those whose month
    /// 24 has ended with the criteria met; and flags those who left their DCS post. Idempotent: a second run records nothing.
    /// </summary>
    public async Task<JourneyRunResult> AdvanceStagesAsync(LocalDate today, CancellationToken cancellationToken = default)
    {
        var ids = await db.Enrolments.AsNoTracking()
            .Where(e => e.Strand!.Slug == StrandSetup.NewDirectorsSlug && e.Status != EnrolmentStatus.Withdrawn && e.Status != EnrolmentStatus.Completed)
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        int stages = 0, completed = 0, notCompleted = 0, leftPost = 0;
        // Everyone's confirmed coaching sessions in one query, read only when some journey reaches its end in this run.
        ILookup<int, LocalDate>? coachingDates = null;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var enrolment = await LockAsync(id, cancellationToken);
            if (enrolment is null || enrolment.Status is EnrolmentStatus.Withdrawn or EnrolmentStatus.Completed)
            {
                continue;
            }
            var journey = new Journey(enrolment.StartsOn);
            var changed = false;
            if (await LeftPostAsync(enrolment, journey, cancellationToken) is var left && left != enrolment.LeftPostOn)
            {
                leftPost += left is null ? 0 : 1;
                enrolment.LeftPostOn = left;
                changed = true;
            }
            foreach (var (stage, from) in journey.StagesBegunBy(today))
            {
                switch (stage)
                {
                    case JourneyStage.CoreProgramme when enrolment.Status == EnrolmentStatus.Enrolled:
                        Record(enrolment, EnrolmentStatus.CoreProgramme, from, "Month 1: the core programme began", now, setStatus: true);
                        stages++;
                        changed = true;
                        break;
                    case JourneyStage.CoachingYear when enrolment.Status is EnrolmentStatus.Enrolled or EnrolmentStatus.CoreProgramme:
                        Record(enrolment, EnrolmentStatus.CoachingYear, from, "Month 13: the coaching year began", now, setStatus: true);
                        stages++;
                        changed = true;
                        break;
                    case JourneyStage.Finished when enrolment.Status == EnrolmentStatus.CoachingYear:
                        var sessions = await JourneyQueries.SessionsAsync(db, enrolment.StrandId, enrolment.ParticipantId, now, cancellationToken);
                        coachingDates ??= await coaching.ConfirmedSessionDatesAsync(null, cancellationToken);
                        var progress = criteria.Assess(journey, sessions.Select(s => s.ToCore()), today, coachingDates[enrolment.ParticipantId]);
                        if (progress.Met)
                        {
                            Record(enrolment, EnrolmentStatus.Completed, from, $"Month 24 ended: met the completion criteria ({Describe(progress)})", now, setStatus: true);
                            completed++;
                            changed = true;
                        }
                        else if (!enrolment.History.Any(h => h.Status == EnrolmentStatus.CoachingYear && h.From == from))
                        {
                            // Left in the coaching year for staff to decide: noted once, so a second run records nothing.
                            Record(enrolment, EnrolmentStatus.CoachingYear, from, $"{DidNotMeetCriteria} ({Describe(progress)})", now, setStatus: false);
                            notCompleted++;
                            changed = true;
                        }
                        break;
                }
            }
            if (changed)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        db.ChangeTracker.Clear();
        var result = new JourneyRunResult(stages, completed, notCompleted, leftPost);
        if (result.Total > 0)
        {
            logger.LogInformation("Journeys: {Stages} stage changes, {Completed} completed, {NotCompleted} ended without meeting the criteria, {LeftPost} left their post",
                stages, completed, notCompleted, leftPost);
        }
        return result;
    }

    /// <summary>Which staff actions the enrolment's status allows.</summary>
    public static IReadOnlyList<JourneyAction> ActionsFor(EnrolmentStatus status) => status switch
    {
        EnrolmentStatus.Enrolled or EnrolmentStatus.CoreProgramme or EnrolmentStatus.CoachingYear => [JourneyAction.Defer, JourneyAction.Withdraw, JourneyAction.Complete],
        EnrolmentStatus.Deferred => [JourneyAction.Resume, JourneyAction.Withdraw, JourneyAction.Complete],
        EnrolmentStatus.Withdrawn => [JourneyAction.Resume],
        _ => [],
    };

    /// <summary>
    /// Records a staff decision. Resuming puts the enrolment back at the stage its dates give on the day (the coaching
    /// year when month 24 has ended, so the daily run then checks the criteria). The journey's dates do not move.
    /// </summary>
    public async Task<JourneyChangeResult> RecordAsync(int enrolmentId, JourneyChange change, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrolment = await LockAsync(enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return JourneyChangeResult.NotFound;
        }
        if (!ActionsFor(enrolment.Status).Contains(change.Action) || change.On < enrolment.StartsOn)
        {
            return JourneyChangeResult.NotAllowed;
        }
        var status = change.Action switch
        {
            JourneyAction.Defer => EnrolmentStatus.Deferred,
            JourneyAction.Withdraw => EnrolmentStatus.Withdrawn,
            JourneyAction.Complete => EnrolmentStatus.Completed,
            _ => new Journey(enrolment.StartsOn).StageOn(change.On) == JourneyStage.CoreProgramme ? EnrolmentStatus.CoreProgramme : EnrolmentStatus.CoachingYear,
        };
        Record(enrolment, status, change.On, change.Reason.Trim(), clock.GetCurrentInstant(), setStatus: true);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return JourneyChangeResult.Done;
    }

    /// <summary>
    /// Staff's decision on a director who left their post: continue (the flag clears; a line in the history, dated the day
    /// they left, records why, and the run does not flag that leaving again) or withdraw (from today; the leaving date stays).
    /// </summary>
    public async Task<JourneyChangeResult> DecideLeftPostAsync(int enrolmentId, bool continues, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var enrolment = await LockAsync(enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return JourneyChangeResult.NotFound;
        }
        if (enrolment.LeftPostOn is not { } left || enrolment.Status is EnrolmentStatus.Withdrawn or EnrolmentStatus.Completed)
        {
            return JourneyChangeResult.NotAllowed;
        }
        var now = clock.GetCurrentInstant();
        if (continues)
        {
            Record(enrolment, enrolment.Status, left, $"{ContinuedAfterLeavingPost} on {Format(left)}: {reason.Trim()}", now, setStatus: false);
            enrolment.LeftPostOn = null;
        }
        else
        {
            var today = clock.TodayInLondon();
            Record(enrolment, EnrolmentStatus.Withdrawn, LocalDate.Max(today, enrolment.StartsOn), $"Left their DCS post on {Format(left)}: {reason.Trim()}", now, setStatus: true);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return JourneyChangeResult.Done;
    }

    private void Record(Enrolment enrolment, EnrolmentStatus status, LocalDate from, string reason, Instant now, bool setStatus)
    {
        enrolment.History.Add(new EnrolmentStatusChange
        {
            Status = status,
            From = from,
            Reason = reason.Length > EnrolmentStatusChange.MaxReasonLength ? reason[..EnrolmentStatusChange.MaxReasonLength] : reason,
            RecordedAt = now,
            RecordedBy = db.Actor.Name,
        });
        if (setStatus)
        {
            enrolment.Status = status;
        }
    }

    private static string Format(LocalDate date) => date.ToString("d MMMM yyyy", Invariant);

    private static string Describe(CompletionProgress progress) =>
        string.Create(Invariant, $"{progress.CoreWorkshopsAttended} of {progress.CoreWorkshopsHeld} core workshops; ") +
        (progress.CoreResidentialsAttended > 0 ? "a residential attended" : "no residential attended") +
        (progress.Criteria.MinCoachingSessions > 0 ? string.Create(Invariant, $"; {progress.CoachingSessionsConfirmed} coaching sessions confirmed") : "");

    /// <summary>The enrolment, locked for this transaction (a row lock on PostgreSQL; SQLite's transactions hold the write lock).</summary>
    private async Task<Enrolment?> LockAsync(int enrolmentId, CancellationToken cancellationToken)
    {
        await db.LockRowAsync<Enrolment>(enrolmentId, cancellationToken);
        return await db.Enrolments.Include(e => e.History).Include(e => e.Participant).Include(e => e.Strand)
            .FirstOrDefaultAsync(e => e.Id == enrolmentId && e.Strand!.Slug == StrandSetup.NewDirectorsSlug, cancellationToken);
    }

    private async Task<LocalDate?> LeftPostAsync(Enrolment enrolment, Journey journey, CancellationToken cancellationToken)
    {
        if (enrolment.Participant?.PersonKey is not { } personKey)
        {
            return null;
        }
        var posts = await db.Appointments.AsNoTracking().Where(a => a.PersonKey == personKey)
            .Select(a => new PostSpan(a.StartDate, a.EndDate)).ToListAsync(cancellationToken);
        var decided = enrolment.History.Where(h => h.Reason != null && h.Reason.StartsWith(ContinuedAfterLeavingPost, StringComparison.Ordinal))
            .Select(h => (LocalDate?)h.From).Max();
        return LeftPostRule.LeftOn(journey, posts, decided);
    }
}
