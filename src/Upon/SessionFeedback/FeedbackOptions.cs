using Upon.Core.SessionFeedback;

namespace Upon.SessionFeedback;

/// <summary>The <c>Feedback:</c> settings: how long feedback stays open, when reminders go, and how often the web app runs them.</summary>
public sealed class FeedbackOptions
{
    public const string Section = "Feedback";

    /// <summary>Days after a session's last day on which its feedback closes.</summary>
    public int OpenDays { get; set; } = FeedbackSchedule.Default.OpenDays;

    /// <summary>Days after asking on which the first reminder goes to those who have not answered.</summary>
    public int FirstReminderAfterDays { get; set; } = FeedbackSchedule.Default.FirstReminderAfterDays;

    /// <summary>Days after asking on which the second and last reminder goes.</summary>
    public int SecondReminderAfterDays { get; set; } = FeedbackSchedule.Default.SecondReminderAfterDays;

    /// <summary>How often the web app asks and reminds, in minutes; 0 turns it off (run <c>upon feedback run</c> instead).</summary>
    public int RunMinutes { get; set; } = 60;

    public FeedbackSchedule Schedule => new(OpenDays, FirstReminderAfterDays, SecondReminderAfterDays);
}
