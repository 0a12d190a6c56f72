using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upon.Core.SessionFeedback;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.SessionFeedback.Pages.Staff;

/// <summary>One question as the form posts it.</summary>
public sealed class QuestionInput
{
    public int Id { get; set; }
    public string? Text { get; set; }
    public string? Kind { get; set; }
    public string? Level { get; set; }
    public bool Retired { get; set; }
}

/// <summary>
/// Staff change a form's questions: their wording, how they are answered, their Kirkpatrick level, and whether they are
/// still asked; and add one at a time. A question with answers keeps its kind and is retired rather than removed.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class FormModel(UponDbContext db, FeedbackForms forms) : PageModel
{
    public FeedbackForm Form { get; private set; } = null!;
    public string? StrandName { get; private set; }
    public HashSet<int> Answered { get; private set; } = [];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<QuestionInput> Questions { get; set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.FeedbackForms.AsNoTracking().Include(f => f.Questions).SingleOrDefaultAsync(f => f.Id == id, cancellationToken) is not { } form)
        {
            return false;
        }
        Form = form;
        StrandName = form.StrandId is { } strandId ? await db.Strands.Where(s => s.Id == strandId).Select(s => s.Name).SingleAsync(cancellationToken) : null;
        Answered = await forms.AnsweredQuestionsAsync(id, cancellationToken);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        Name = Form.Name;
        Questions = [.. Form.Questions.OrderBy(q => q.Position).Select(q => new QuestionInput { Id = q.Id, Text = q.Text, Kind = q.Kind.ToString(), Level = q.Level.ToString(), Retired = q.Retired })];
        Questions.Add(new QuestionInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Questions.Count > Form.Questions.Count + 1)
        {
            return BadRequest("Add one question at a time.");
        }
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the form");
        }
        else if (name.Length > FeedbackForm.MaxNameLength)
        {
            ModelState.AddModelError(nameof(Name), $"The name must be {FeedbackForm.MaxNameLength} characters or fewer");
        }
        var edits = new List<QuestionEdit>();
        for (var i = 0; i < Questions.Count; i++)
        {
            var input = Questions[i];
            var text = input.Text?.Trim() ?? "";
            var existing = input.Id == 0 ? null : Form.Questions.FirstOrDefault(q => q.Id == input.Id);
            if (input.Id != 0 && existing is null)
            {
                return BadRequest("A question is not on this form.");
            }
            if (existing is null && text.Length == 0)
            {
                continue;
            }
            var key = $"Questions[{i}].Text";
            if (text.Length == 0)
            {
                ModelState.AddModelError(key, $"Enter question {i + 1}, or tick 'No longer ask it'");
                continue;
            }
            if (text.Length > FeedbackQuestion.MaxTextLength)
            {
                ModelState.AddModelError(key, $"Question {i + 1} must be {FeedbackQuestion.MaxTextLength} characters or fewer");
                continue;
            }
            if (!Enum.TryParse<FeedbackQuestionKind>(input.Kind, out var kind) || !Enum.IsDefined(kind))
            {
                ModelState.AddModelError($"Questions[{i}].Kind", $"Select how question {i + 1} is answered");
                continue;
            }
            if (!Enum.TryParse<KirkpatrickLevel>(input.Level, out var level) || !Enum.IsDefined(level))
            {
                ModelState.AddModelError($"Questions[{i}].Level", $"Select what question {i + 1} asks about");
                continue;
            }
            if (existing is not null && existing.Kind != kind && Answered.Contains(existing.Id))
            {
                ModelState.AddModelError($"Questions[{i}].Kind", $"Question {i + 1} has answers, so how it is answered cannot change: stop asking it and add a new question");
                continue;
            }
            if (existing is not null && existing.Level != level && Answered.Contains(existing.Id))
            {
                ModelState.AddModelError($"Questions[{i}].Level", $"Question {i + 1} has answers, so what it asks about cannot change: stop asking it and add a new question");
                continue;
            }
            edits.Add(new QuestionEdit(input.Id, text, kind, level, input.Retired));
        }
        if (ModelState.IsValid)
        {
            var asked = edits.Count(e => !e.Retired);
            if (asked == 0)
            {
                ModelState.AddModelError("Questions[0].Text", "Ask at least one question");
            }
            else if (asked > FeedbackQuestion.MaxQuestions)
            {
                ModelState.AddModelError("Questions[0].Text", $"Ask {FeedbackQuestion.MaxQuestions} questions or fewer: feedback should take a couple of minutes");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await forms.SaveAsync(id, name, edits, cancellationToken);
        TempData["Success"] = $"The questions of '{name}' are saved.";
        return Redirect(FeedbackPages.Forms);
    }
}
