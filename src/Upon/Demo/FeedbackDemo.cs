using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Core;
using Upon.Core.SessionFeedback;
using Upon.Data;
using Upon.SessionFeedback;
using Upon.Sessions;

namespace Upon.Demo;

/// <summary>
/// Demo feedback (fixed seed): everyone marked present at a session of the last year was asked; about two in three
/// answered with made-up ratings and a few stock comments, stored anonymously as the live code stores them. Feedback on
/// the sessions of the last fortnight is still open, so the demo participant may have some to give.
/// </summary>
public sealed class FeedbackDemo(UponDbContext db, IClock clock, IOptions<FeedbackOptions> options)
{
    private static readonly string[] Differently =
    [
        "Hold a monthly practice week with my senior team", "Ask the lead member to shadow a front-door visit", "Review how we hear from children in care",
        "Rethink our self-evaluation before the next inspection", "Meet the police and health leads together, not one by one",
    ];

    private static readonly string[] Comments = ["Very well facilitated", "More time in small groups, please", "The case study was excellent", "Too much in one afternoon"];

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        if (await db.FeedbackRequests.AnyAsync(cancellationToken))
        {
            return;
        }
        await FeedbackForms.EnsureStandardFormAsync(db, cancellationToken);
        var form = await db.FeedbackForms.AsNoTracking().Include(f => f.Questions).SingleAsync(f => f.StrandId == null && f.SessionType == null, cancellationToken);
        var questions = form.Questions.OrderBy(q => q.Position).ToList();
        var random = new Random(23);
        var schedule = options.Value.Schedule;
        var today = clock.TodayInLondon();
        var now = clock.GetCurrentInstant();
        var since = now - Duration.FromDays(365);
        var present = await db.AttendanceRecords.AsNoTracking().MarkedPresent()
            .Where(r => r.Session!.EndUtc <= now && r.Session.EndUtc >= since)
            .OrderBy(r => r.SessionId).ThenBy(r => r.ParticipantId)
            .Select(r => new { r.SessionId, r.ParticipantId, r.Session!.End, Email = r.Participant!.Email })
            .ToListAsync(cancellationToken);
        foreach (var mark in present)
        {
            var closesOn = schedule.ClosesOn(mark.End.Date);
            var open = FeedbackSchedule.IsOpen(closesOn, today);
            // The demo participant leaves open feedback to give, so that the form can be tried.
            var answers = !(open && mark.Email == DemoProgramme.DemoParticipantEmail) && random.NextDouble() < 0.68;
            db.FeedbackRequests.Add(new FeedbackRequest
            {
                SessionId = mark.SessionId,
                ParticipantId = mark.ParticipantId,
                RequestedOn = mark.End.Date.PlusDays(1),
                ClosesOn = closesOn,
                RemindersSent = answers ? 0 : open ? 1 : 2,
                Answered = answers,
            });
            if (!answers)
            {
                continue;
            }
            var useful = Math.Clamp(3 + random.Next(-1, 3), FeedbackScale.Min, FeedbackScale.Max);
            var response = new FeedbackResponse { Id = Guid.NewGuid(), SessionId = mark.SessionId, FormId = form.Id };
            foreach (var question in questions)
            {
                if (question.Kind == FeedbackQuestionKind.Scale)
                {
                    response.Answers.Add(new FeedbackAnswer { Id = Guid.NewGuid(), QuestionId = question.Id, Rating = Math.Clamp(useful + random.Next(-1, 2), FeedbackScale.Min, FeedbackScale.Max) });
                }
                else if (random.NextDouble() < 0.4)
                {
                    var pool = question.Level == KirkpatrickLevel.Learning ? Differently : Comments;
                    response.Answers.Add(new FeedbackAnswer { Id = Guid.NewGuid(), QuestionId = question.Id, Text = pool[random.Next(pool.Length)] });
                }
            }
            db.FeedbackResponses.Add(response);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
