using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.SessionFeedback;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.SessionFeedback;

/// <summary>A held session with people marked present and absent, the feedback run, and answers given through the real service.</summary>
public static class FeedbackSeed
{
    /// <summary>The session of the fixtures' week: Friday 20 November 2026, 14:00 to 16:00 (the fake clock says 25 November).</summary>
    public static readonly LocalDateTime HeldOn = new(2026, 11, 20, 14, 0);

    public sealed record Held(Strand Strand, Session Session, List<Participant> Present, List<Participant> Absent);

    public static async Task<Held> HeldSessionAsync(UponApp app, int present, int absent = 0, string title = "Leading through inspection", LocalDateTime? start = null, Strand? strand = null)
    {
        strand ??= await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 40, start ?? HeldOn, title: title);
        var people = await SessionSeed.ParticipantsAsync(app, strand, present + absent);
        foreach (var person in people.Take(present))
        {
            await SessionSeed.MarkAsync(app, session, person, AttendanceMark.Present);
        }
        foreach (var person in people.Skip(present))
        {
            await SessionSeed.MarkAsync(app, session, person, AttendanceMark.Absent);
        }
        return new Held(strand, session, [.. people.Take(present)], [.. people.Skip(present)]);
    }

    public static Task<FeedbackRunResult> RunAsync(UponApp app, LocalDate asOf) =>
        app.Services.GetRequiredService<FeedbackRunner>().RunAsync(asOf);

    public static Task<List<FeedbackRequest>> RequestsAsync(UponApp app, int sessionId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().FeedbackRequests.AsNoTracking().Where(q => q.SessionId == sessionId).OrderBy(q => q.ParticipantId).ToListAsync());

    /// <summary>Gives feedback as <paramref name="person"/> through <see cref="FeedbackSubmission"/>: a rating for each scale question, <paramref name="comment"/> for the first text one.</summary>
    public static Task<SubmissionOutcome> AnswerAsync(UponApp app, Session session, Participant person, int rating, string? comment = null) =>
        app.WithScopeAsync(async s =>
        {
            var form = (await s.GetRequiredService<FeedbackForms>().FormForAsync(session))!;
            var questions = form.Questions.Where(q => !q.Retired).OrderBy(q => q.Position).ToList();
            var answers = questions.Where(q => q.Kind == Upon.Core.SessionFeedback.FeedbackQuestionKind.Scale).Select(q => new GivenAnswer(q.Id, rating, null)).ToList();
            if (comment is not null)
            {
                answers.Add(new GivenAnswer(questions.First(q => q.Kind == Upon.Core.SessionFeedback.FeedbackQuestionKind.Text).Id, null, comment));
            }
            return await s.GetRequiredService<FeedbackSubmission>().SubmitAsync(person.Id, session.Id, form.Id, answers);
        });

    /// <summary>Gives feedback as <paramref name="person"/> with a comment alone: every question is optional.</summary>
    public static Task<SubmissionOutcome> CommentAsync(UponApp app, Session session, Participant person, string comment) =>
        app.WithScopeAsync(async s =>
        {
            var form = (await s.GetRequiredService<FeedbackForms>().FormForAsync(session))!;
            var text = form.Questions.Where(q => !q.Retired).OrderBy(q => q.Position).First(q => q.Kind == Upon.Core.SessionFeedback.FeedbackQuestionKind.Text);
            return await s.GetRequiredService<FeedbackSubmission>().SubmitAsync(person.Id, session.Id, form.Id, [new GivenAnswer(text.Id, null, comment)]);
        });
}
