using NodaTime;
using Upon.Shared;

namespace Upon.SessionFeedback;

/// <summary>
/// That one person present at a session was asked for feedback, the reminders they were sent, and whether they have
/// answered: the "has answered" half of anonymous feedback. It never points to the answer, and the answer never points
/// back (see <see cref="FeedbackResponse"/>). <see cref="Answered"/> is a flag with no time, so that the moment of
/// answering cannot be matched to an answer.
/// </summary>
[NotAudited("Its Answered flag changes when the person answers: an audit line would date the answer and name who gave it.")]
public class FeedbackRequest
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int ParticipantId { get; set; }
    public LocalDate RequestedOn { get; set; }
    public LocalDate ClosesOn { get; set; }
    public int RemindersSent { get; set; }
    public LocalDate? LastRemindedOn { get; set; }
    public bool Answered { get; set; }

    /// <summary>The person asked for no more reminders about this session (by the link in an email or on the form); says nothing about an answer.</summary>
    public bool RemindersStopped { get; set; }
}
