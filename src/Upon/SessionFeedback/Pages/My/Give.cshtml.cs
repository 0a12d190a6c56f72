using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.SessionFeedback;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.My;

/// <summary>
/// The feedback form for one session the participant was present at. Every question is optional, but an empty form is
/// not sent. Once sent the answers cannot be seen or changed again, even by the person: they are stored without their name.
/// </summary>
[Authorize(Policy = Policies.Participants)]
public sealed class GiveModel(CurrentParticipant current, UponDbContext db, FeedbackForms forms, FeedbackSubmission submission, IClock clock) : PageModel
{
    public Session? Session { get; private set; }
    public FeedbackRequest? FeedbackRequest { get; private set; }
    public IReadOnlyList<FeedbackQuestion> Questions { get; private set; } = [];
    public int FormId { get; private set; }

    /// <summary>The answers as typed, by field name (<c>q12</c>), to show them again with the errors.</summary>
    public Dictionary<string, string> Given { get; } = [];

    public static string FieldName(FeedbackQuestion question) => $"q{question.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public bool IsOpen => FeedbackRequest is { Answered: false } request && FeedbackSchedule.IsOpen(request.ClosesOn, clock.TodayInLondon());

    private async Task<bool> LoadAsync(int sessionId, CancellationToken cancellationToken)
    {
        var participant = await current.FindAsync(User, cancellationToken);
        if (participant is null)
        {
            return false;
        }
        FeedbackRequest = await submission.RequestAsync(participant.Id, sessionId, cancellationToken);
        if (FeedbackRequest is null)
        {
            return false;
        }
        Session = await db.Sessions.AsNoTracking().Include(s => s.Strand).SingleAsync(s => s.Id == sessionId, cancellationToken);
        var form = await forms.FormForAsync(Session, cancellationToken);
        FormId = form?.Id ?? 0;
        Questions = form is null ? [] : [.. form.Questions.Where(q => !q.Retired).OrderBy(q => q.Position)];
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(sessionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }
        if (!IsOpen || Questions.Count == 0)
        {
            return Page();
        }
        var answers = new List<GivenAnswer>();
        foreach (var question in Questions)
        {
            var name = FieldName(question);
            var value = Request.Form[name].ToString().Trim();
            Given[name] = value;
            if (value.Length == 0)
            {
                continue;
            }
            if (question.Kind == FeedbackQuestionKind.Scale)
            {
                if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating) || !FeedbackScale.IsValid(rating))
                {
                    ModelState.AddModelError(name, $"Select a rating from {FeedbackScale.Min} to {FeedbackScale.Max} for \"{question.Text}\"");
                    continue;
                }
                answers.Add(new GivenAnswer(question.Id, rating, null));
            }
            else if (value.Length > FeedbackAnswer.MaxTextLength)
            {
                ModelState.AddModelError(name, $"Your answer to \"{question.Text}\" must be {FeedbackAnswer.MaxTextLength:N0} characters or fewer");
            }
            else
            {
                answers.Add(new GivenAnswer(question.Id, null, value));
            }
        }
        if (ModelState.IsValid && answers.Count == 0)
        {
            ModelState.AddModelError(FieldName(Questions[0]), "Answer at least one question, or leave this page if you would rather not give feedback");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await submission.SubmitAsync(FeedbackRequest!.ParticipantId, sessionId, FormId, answers, cancellationToken))
        {
            case SubmissionOutcome.Saved:
            case SubmissionOutcome.AlreadyAnswered:
                return Redirect(FeedbackPages.Sent(sessionId));
            case SubmissionOutcome.NotAsked:
                return NotFound();
            default:
                FeedbackRequest = await submission.RequestAsync(FeedbackRequest.ParticipantId, sessionId, cancellationToken);
                return Page();
        }
    }
}
