using Upon.Data;
using Upon.Email;
using Upon.Sessions;

namespace Upon.SessionFeedback;

/// <summary>The request for feedback and its reminders, put in the outbox on the caller's context.</summary>
public static class FeedbackEmails
{
    public static void Request(UponDbContext db, Participant person, Session session, string link, string stopLink, string lastDay) =>
        EmailOutbox.Enqueue(db, person.Email, $"How was {session.Title}?",
            $"Dear {person.GivenName},\n\nThank you for coming to {session.Title} on {SessionFormat.When(session)}.\n\n" +
            "Please tell us how useful it was and what you will do differently because of it. It takes about two minutes, every question is " +
            "optional, and your answers are anonymous: they are stored without your name, and the programme team only sees them together " +
            "with everyone else's once enough people have answered.\n\n" +
            $"Give your feedback (sign in if asked):\n{link}\n\nYou can give feedback until {lastDay}.\n" + StopText(stopLink));

    public static void Reminder(UponDbContext db, Participant person, Session session, string link, string stopLink, string lastDay, int number) =>
        EmailOutbox.Enqueue(db, person.Email, number == 1 ? $"Reminder: how was {session.Title}?" : $"Last reminder: how was {session.Title}?",
            $"Dear {person.GivenName},\n\nWe would still like to hear how {session.Title} went for you. Your answers are anonymous and every " +
            $"question is optional.\n\nGive your feedback (sign in if asked):\n{link}\n\nYou can give feedback until {lastDay}." +
            (number == 1 ? "" : " This is the last reminder we will send.") + "\n" + (number == 1 ? StopText(stopLink) : ""));

    private static string StopText(string stopLink) =>
        $"\nTo have no reminders about this session, stop them here (sign in if asked):\n{stopLink}\n";
}
