using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Upon.Core;
using Upon.Data;
using Upon.Email;

namespace Upon.Aspirants.Apply;

/// <summary>The applicant's and the endorsing director's emails, put in the outbox on the caller's context (sent only if the change is saved).</summary>
public static class ApplyEmails
{
    private static readonly ZonedDateTimePattern When = ZonedDateTimePattern.CreateWithInvariantCulture("d MMMM yyyy 'at' HH:mm", null);
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("d MMMM yyyy");

    public static string Format(Instant instant) => When.Format(instant.InZone(Time.London));

    public static string Format(LocalDate date) => Day.Format(date);

    public static void ReturnLink(UponDbContext db, AspirantApplication application, AspirantCohort cohort, string link) =>
        EmailOutbox.Enqueue(db, application.Email, $"Your application to the Aspirant Directors programme {cohort.Name}",
            $"Dear {application.GivenName},\n\nUse this link to carry on with your application to the Aspirant Directors programme {cohort.Name}. " +
            $"It signs you in to your application without a password. It works once, for {ApplicantSignIn.LinkValidDays} days:\n{link}\n\n" +
            "Everything you enter is saved as you go. If the link has been used or has expired, ask for a new one on the application's first page.\n" +
            (cohort.ClosesAt is { } closes ? $"\nApplications close on {Format(closes)} (UK time).\n" : "") +
            "\nIf you did not start an application, you can ignore this email.\n");

    public static void Submitted(UponDbContext db, AspirantApplication application, AspirantCohort cohort, LocalDate endorsementDue, string equalityLink) =>
        EmailOutbox.Enqueue(db, application.Email, $"Application received: Aspirant Directors programme {cohort.Name}",
            $"Dear {application.GivenName},\n\nThank you for applying to the Aspirant Directors programme {cohort.Name}. Your application reference is {application.ApplicationId}.\n\n" +
            $"We have asked {application.EndorserName} to endorse your application by {Format(endorsementDue)}. " +
            "Your application can only go forward with their endorsement.\n\n" +
            "You can also answer some equality monitoring questions. They are voluntary, kept apart from your application, never seen by the people " +
            $"who review it or decide on it, and used only in totals. Answer them here:\n{equalityLink}\n\n" +
            "We will email you when decisions are made.\n");

    public static void EndorsementRequest(UponDbContext db, AspirantApplication application, AspirantCohort cohort, string employer, LocalDate due, string link) =>
        EmailOutbox.Enqueue(db, application.EndorserEmail!, $"Please endorse {application.FullName}'s application to the Aspirant Directors programme",
            $"Dear {application.EndorserName},\n\n{application.FullName} ({application.RoleTitle}, {employer}) has applied to the Aspirant Directors programme {cohort.Name} " +
            "and named you as the director of children's services who endorses the application.\n\n" +
            $"Please say whether you endorse it, with a short statement, by {Format(due)}:\n{link}\n\n" +
            "The link is personal to you. If you were not expecting this, reply to this email.\n");

    public static void EndorsementReminder(UponDbContext db, AspirantApplication application, AspirantCohort cohort, LocalDate due, string link) =>
        EmailOutbox.Enqueue(db, application.EndorserEmail!, $"Reminder: please endorse {application.FullName}'s application",
            $"Dear {application.EndorserName},\n\nWe have not yet had your endorsement of {application.FullName}'s application to the Aspirant Directors programme {cohort.Name}. " +
            $"It is due by {Format(due)}. Please answer here:\n{link}\n");

    public static void Endorsed(UponDbContext db, AspirantApplication application, bool endorsed) =>
        EmailOutbox.Enqueue(db, application.Email, "Your application's endorsement",
            $"Dear {application.GivenName},\n\n{application.EndorserName} has {(endorsed ? "endorsed" : "not endorsed")} your application ({application.ApplicationId}).\n");

    public static string Years(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
