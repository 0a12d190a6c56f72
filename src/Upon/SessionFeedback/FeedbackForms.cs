using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core.SessionFeedback;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.SessionFeedback;

/// <summary>A question as staff edit it: <see cref="Id"/> 0 for a new one.</summary>
public sealed record QuestionEdit(int Id, string Text, FeedbackQuestionKind Kind, KirkpatrickLevel Level, bool Retired);

/// <summary>The feedback forms: the standard one, which form a session gets, and staff's changes (audited as any change).</summary>
public sealed class FeedbackForms(UponDbContext db, IClock clock)
{
    public const string StandardName = "Standard feedback";

    /// <summary>The questions the programme asks after every session unless staff set others: Kirkpatrick levels 1 and 2.</summary>
    public static IReadOnlyList<QuestionEdit> StandardQuestions { get; } =
    [
        new(0, "How useful was this session for your work as a director?", FeedbackQuestionKind.Scale, KirkpatrickLevel.Reaction, false),
        new(0, "How much did you learn that you can put into practice?", FeedbackQuestionKind.Scale, KirkpatrickLevel.Learning, false),
        new(0, "What will you do differently as a result of this session?", FeedbackQuestionKind.Text, KirkpatrickLevel.Learning, false),
        new(0, "Any other comments on the session?", FeedbackQuestionKind.Text, KirkpatrickLevel.Reaction, false),
    ];

    /// <summary>Creates the standard form, for every strand and type, when there is none (at start, as the strands are).</summary>
    public static async Task EnsureStandardFormAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.FeedbackForms.AnyAsync(f => f.StrandId == null && f.SessionType == null, cancellationToken))
        {
            return;
        }
        db.FeedbackForms.Add(NewStandardForm(db.Clock.GetCurrentInstant()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The standard form, for every strand and type, with the standard questions, as first created.</summary>
    public static FeedbackForm NewStandardForm(Instant at) => new()
    {
        Name = StandardName,
        UpdatedAt = at,
        Questions = [.. StandardQuestions.Select((q, i) => new FeedbackQuestion { Position = i + 1, Text = q.Text, Kind = q.Kind, Level = q.Level })],
    };

    /// <summary>The form a session gets: for its strand and type, else its strand, else its type, else the standard one.</summary>
    public async Task<FeedbackForm?> FormForAsync(Session session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var candidates = await db.FeedbackForms.AsNoTracking().Include(f => f.Questions)
            .Where(f => (f.StrandId == null || f.StrandId == session.StrandId) && (f.SessionType == null || f.SessionType == session.Type))
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(f => (f.StrandId is null ? 0 : 2) + (f.SessionType is null ? 0 : 1)).FirstOrDefault();
    }

    /// <summary>Whether a form for exactly this strand and type exists already (other than <paramref name="exceptId"/>).</summary>
    public Task<bool> ExistsAsync(int? strandId, SessionType? type, int exceptId = 0, CancellationToken cancellationToken = default) =>
        db.FeedbackForms.AnyAsync(f => f.Id != exceptId && f.StrandId == strandId && f.SessionType == type, cancellationToken);

    /// <summary>A new form for a strand, a type or both, starting from the standard questions.</summary>
    public async Task<FeedbackForm> CreateAsync(string name, int? strandId, SessionType? type, CancellationToken cancellationToken = default)
    {
        var form = new FeedbackForm
        {
            Name = name.Trim(),
            StrandId = strandId,
            SessionType = type,
            UpdatedAt = clock.GetCurrentInstant(),
            Questions = [.. StandardQuestions.Select((q, i) => new FeedbackQuestion { Position = i + 1, Text = q.Text, Kind = q.Kind, Level = q.Level })],
        };
        db.FeedbackForms.Add(form);
        await db.SaveChangesAsync(cancellationToken);
        return form;
    }

    /// <summary>The ids of the form's questions that have answers: their kind and level cannot change (old results would move) and they cannot be deleted, only retired.</summary>
    public async Task<HashSet<int>> AnsweredQuestionsAsync(int formId, CancellationToken cancellationToken = default) =>
        [.. await db.FeedbackAnswers.Where(a => db.FeedbackQuestions.Any(q => q.Id == a.QuestionId && q.FormId == formId)).Select(a => a.QuestionId).Distinct().ToListAsync(cancellationToken)];

    /// <summary>Saves the form's name and questions, in the order given (checked by the page first); new questions go at the end.</summary>
    public async Task SaveAsync(int formId, string name, IReadOnlyList<QuestionEdit> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var form = await db.FeedbackForms.Include(f => f.Questions).SingleAsync(f => f.Id == formId, cancellationToken);
        form.Name = name.Trim();
        var position = 0;
        foreach (var edit in questions)
        {
            position++;
            var question = edit.Id == 0 ? null : form.Questions.Single(q => q.Id == edit.Id);
            if (question is null)
            {
                question = new FeedbackQuestion { Text = edit.Text.Trim() };
                form.Questions.Add(question);
            }
            question.Position = position;
            question.Text = edit.Text.Trim();
            question.Kind = edit.Kind;
            question.Level = edit.Level;
            question.Retired = edit.Retired;
        }
        form.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
    }
}
