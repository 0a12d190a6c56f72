using Upon.Shared;

namespace Upon.SessionFeedback;

/// <summary>
/// One person's anonymous answers about a session. It holds the session and the form, and nothing that leads to who gave
/// it: no person, account or email, no time, and a random key (<see cref="Guid.NewGuid"/>, not a sequential or
/// time-ordered one), so neither its key nor its order can be matched to the order people answered in. Results read it
/// only in groups of at least the small-number threshold.
/// </summary>
[NotAudited("Anonymous: an audit line names who saved it and when.")]
public class FeedbackResponse
{
    public Guid Id { get; set; }
    public int SessionId { get; set; }
    public int FormId { get; set; }
    public List<FeedbackAnswer> Answers { get; set; } = [];
}

/// <summary>The answer to one question in a <see cref="FeedbackResponse"/>: a rating or a text.</summary>
[NotAudited("Part of an anonymous response.")]
public class FeedbackAnswer
{
    public Guid Id { get; set; }
    public Guid ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? Rating { get; set; }
    public string? Text { get; set; }

    public const int MaxTextLength = 2000;
}
