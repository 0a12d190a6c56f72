using Upon.Data;
using Upon.Email;
using Upon.Register;

namespace Upon.NewDirectors;

/// <summary>The invitation and its reminders, put in the outbox on the caller's context (sent only if the change is saved).</summary>
public static class InvitationEmails
{
    public static void Invitation(UponDbContext db, DirectorInvitation invitation, Person person, string authorityName, string link) =>
        EmailOutbox.Enqueue(db, invitation.Email!, "Your place on the New Directors programme",
            $"Dear {person.GivenName},\n\nCongratulations on your appointment as Director of Children's Services at {authorityName}.\n\n" +
            "As a new director you are invited to the New Directors programme, funded by the Department for Education: a 12-month core " +
            "programme of virtual workshops and residentials with other new directors, then a second year of coaching, including one-to-one " +
            "coaching by a current or former DCS.\n\n" +
            $"Accept or decline your place here (the link is personal to you and works for 28 days):\n{link}\n\n" +
            "If you would like to talk it through first, reply to this email: your reply goes to the programme team, who will call you.\n",
            invitesReply: true);

    public static void Reminder(UponDbContext db, DirectorInvitation invitation, Person person, string link, int number) =>
        EmailOutbox.Enqueue(db, invitation.Email!, number == 1 ? "Reminder: your place on the New Directors programme" : "Last reminder: your place on the New Directors programme",
            $"Dear {person.GivenName},\n\nWe have not heard whether you would like to join the New Directors programme. " +
            $"Your place is still open: accept or decline it here{(invitation.ExpiresAt is null ? "" : " before the link expires")}:\n{link}\n\n" +
            "If now is not the right time, you can decline and ask us to invite you again later. Questions? Reply to this email: your reply goes to the programme team.\n",
            invitesReply: true);
}
