using NodaTime;
using Upon.Core.SessionFeedback;
using Upon.Core.Sessions;

namespace Upon.SessionFeedback;

/// <summary>
/// A set of feedback questions staff choose for a strand, a type of session, both, or (neither) every session. A
/// session gets the most specific form: its strand and type, then its strand, then its type, then the standard form.
/// </summary>
public class FeedbackForm
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The strand the form is for; null for every strand.</summary>
    public int? StrandId { get; set; }

    /// <summary>The type of session the form is for; null for every type.</summary>
    public SessionType? SessionType { get; set; }
    public List<FeedbackQuestion> Questions { get; set; } = [];
    public Instant UpdatedAt { get; set; }

    public bool IsStandard => StrandId is null && SessionType is null;

    public const int MaxNameLength = 120;
}

/// <summary>
/// One question of a form. A question with answers is never deleted: it is retired, so that the answers keep their
/// question and the results over time stay whole.
/// </summary>
public class FeedbackQuestion
{
    public int Id { get; set; }
    public int FormId { get; set; }
    public int Position { get; set; }
    public required string Text { get; set; }
    public FeedbackQuestionKind Kind { get; set; }
    public KirkpatrickLevel Level { get; set; }
    public bool Retired { get; set; }

    public const int MaxTextLength = 300;
    public const int MaxQuestions = 10;
}
