using NodaTime;

namespace Upon.Core.Aspirants;

/// <summary>
/// When the endorsing director is reminded: while unanswered and not past the due day, a week after the request and a
/// week after each reminder, at most <see cref="MaxReminders"/> times; and once more two days before the due day when
/// no reminder went in the last two days.
/// </summary>
public static class EndorsementReminders
{
    /// <summary>The most reminders one endorsement gets.</summary>
    public const int MaxReminders = 3;

    /// <summary>Whether a reminder is due on <paramref name="today"/>.</summary>
    /// <param name="requestedOn">The day the director was asked.</param>
    /// <param name="dueOn">The day the answer is due.</param>
    /// <param name="today">Today in London.</param>
    /// <param name="lastReminderOn">The day of the last reminder; null when none was sent.</param>
    /// <param name="sent">How many reminders were sent.</param>
    public static bool Due(LocalDate requestedOn, LocalDate dueOn, LocalDate today, LocalDate? lastReminderOn, int sent)
    {
        if (sent >= MaxReminders || today > dueOn)
        {
            return false;
        }
        var lastContact = lastReminderOn ?? requestedOn;
        return today >= lastContact.PlusDays(7) || (today >= dueOn.PlusDays(-2) && today >= lastContact.PlusDays(2));
    }
}
