using NodaTime;

namespace Upon.Core.SessionFeedback;

/// <summary>
/// When feedback on a session is asked for, reminded about and closed. Everyone marked present is asked once the session
/// has ended and its attendance is marked; feedback closes a set number of days after the session's last day; a person
/// who has not answered gets at most <see cref="MaxReminders"/> reminders, never on or after the day it closes.
/// </summary>
/// <param name="OpenDays">Days after the session's last day on which feedback closes (1 to 90).</param>
/// <param name="FirstReminderAfterDays">Days after the request on which the first reminder is due.</param>
/// <param name="SecondReminderAfterDays">Days after the request on which the second reminder is due (after the first).</param>
public sealed record FeedbackSchedule(int OpenDays, int FirstReminderAfterDays, int SecondReminderAfterDays)
{
    /// <summary>The most reminders anyone gets about one session.</summary>
    public const int MaxReminders = 2;

    /// <summary>The programme's usual schedule: open for 14 days, reminders 3 and 7 days after asking.</summary>
    public static FeedbackSchedule Default { get; } = new(14, 3, 7);

    /// <summary>Why the schedule cannot be used, or null when it can.</summary>
    public string? Problem =>
        OpenDays is < 1 or > 90 ? "Feedback:OpenDays must be from 1 to 90."
        : FirstReminderAfterDays < 1 ? "Feedback:FirstReminderAfterDays must be 1 or more."
        : SecondReminderAfterDays <= FirstReminderAfterDays ? "Feedback:SecondReminderAfterDays must be more than Feedback:FirstReminderAfterDays."
        : null;

    /// <summary>The day feedback closes: <see cref="OpenDays"/> after the session's last day. From that day nothing is asked, reminded or accepted.</summary>
    public LocalDate ClosesOn(LocalDate sessionLastDay) => sessionLastDay.PlusDays(OpenDays);

    /// <summary>Whether feedback is still open on <paramref name="today"/>.</summary>
    public static bool IsOpen(LocalDate closesOn, LocalDate today) => today < closesOn;

    /// <summary>
    /// The number of the reminder due on <paramref name="today"/> (1 or 2), or null when none is: the person has answered,
    /// both have gone, feedback has closed, or the next one's day has not come.
    /// </summary>
    /// <param name="requestedOn">The day the person was asked.</param>
    /// <param name="today">Today in London.</param>
    /// <param name="remindersSent">Reminders already sent (0 to 2).</param>
    /// <param name="closesOn">The day feedback closes.</param>
    /// <param name="answered">Whether the person has answered.</param>
    /// <param name="lastRemindedOn">The day the first reminder went, when it has: the second never follows it sooner than the
    /// schedule's gap between them, even when the runs fell behind and the first went late.</param>
    public int? ReminderDue(LocalDate requestedOn, LocalDate today, int remindersSent, LocalDate closesOn, bool answered, LocalDate? lastRemindedOn = null)
    {
        if (answered || remindersSent >= MaxReminders || !IsOpen(closesOn, today))
        {
            return null;
        }
        if (remindersSent == 0)
        {
            return today >= requestedOn.PlusDays(FirstReminderAfterDays) ? 1 : null;
        }
        var due = requestedOn.PlusDays(SecondReminderAfterDays);
        if (lastRemindedOn is { } first && first.PlusDays(SecondReminderAfterDays - FirstReminderAfterDays) > due)
        {
            due = first.PlusDays(SecondReminderAfterDays - FirstReminderAfterDays);
        }
        return today >= due ? 2 : null;
    }
}
