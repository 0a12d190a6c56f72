using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Upon.Accounts;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Email;

/// <summary>
/// An app whose programme team is <c>Email:ReplyTo</c>, sending to the loopback SMTP server: an email that invites a reply,
/// such as a New Directors invitation, carries that Reply-To, so the reply reaches people rather than the no-reply sender;
/// every other email (an account invitation, a password reset, a booking) carries none.
/// </summary>
public abstract class ReplyToApp(DatabaseProvider provider) : SmtpApp(provider)
{
    public const string Team = "New Directors team <new.directors@programme.example.org>";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Email:ReplyTo", Team)];
}

public sealed class ReplyToSqliteApp() : ReplyToApp(DatabaseProvider.Sqlite);

public sealed class ReplyToPostgresApp() : ReplyToApp(DatabaseProvider.Postgres);

public abstract class ReplyToTests(ReplyToApp app)
{
    private async Task<MimeMessage> ReceivedAsync(string to)
    {
        await app.Sender().SendDueAsync();
        return Assert.Single(app.Smtp.To(to)).Message;
    }

    [SkippableFact]
    public async Task ANewDirectorsInvitation_IsSentWithTheProgrammeTeamAsReplyTo()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("invited");
        await app.WithDbAsync(async db =>
        {
            InvitationEmails.Invitation(db, new DirectorInvitation { AuthorityCode = "805", Email = to },
                new Person { PersonId = "reply-test", GivenName = "Ada", FamilyName = "Quill" }, "Hartlepool", "https://upon.test/invitations/x");
            InvitationEmails.Reminder(db, new DirectorInvitation { AuthorityCode = "805", Email = to },
                new Person { PersonId = "reply-test", GivenName = "Ada", FamilyName = "Quill" }, "https://upon.test/invitations/x", 1);
            await db.SaveChangesAsync();
        });

        await app.Sender().SendDueAsync();

        var received = app.Smtp.To(to);
        Assert.Equal(2, received.Count);
        foreach (var mail in received)
        {
            Assert.Contains("reply to this email", mail.Message.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("new.directors@programme.example.org", Assert.Single(mail.Message.ReplyTo.Mailboxes).Address);
            Assert.Equal("no-reply@upon.test", Assert.Single(mail.Message.From.Mailboxes).Address);
        }
    }

    [SkippableFact]
    public async Task AnAccountInvitation_AsksForNoReply_AndHasNoReplyTo()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("account");
        var created = await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().InviteAsync(to, Roles.Participant, baseUrl: "https://upon.test"));
        Assert.Empty(created.Errors);

        var message = await ReceivedAsync(to);

        Assert.Equal("You have been invited to Upon", message.Subject);
        Assert.Empty(message.ReplyTo);
        Assert.Null(message.Headers[HeaderId.ReplyTo]);
    }

    [SkippableFact]
    public async Task TheOutbox_KeepsEachMessagesChoice()
    {
        app.RequireDatabase();
        var plain = await app.EnqueueAsync(OutboxTesting.Address("plain"));
        long asking = 0;
        await app.WithDbAsync(async db =>
        {
            var message = Upon.Email.EmailOutbox.Enqueue(db, OutboxTesting.Address("asking"), "Questions?", "Reply to this email.", invitesReply: true);
            await db.SaveChangesAsync();
            asking = message.Id;
        });

        Assert.False((await app.OutboxMessageAsync(plain)).InvitesReply);
        Assert.True((await app.OutboxMessageAsync(asking)).InvitesReply);
    }
}

public sealed class ReplyToTests_Sqlite(ReplyToSqliteApp app) : ReplyToTests(app), IClassFixture<ReplyToSqliteApp>;

public sealed class ReplyToTests_Postgres(ReplyToPostgresApp app) : ReplyToTests(app), IClassFixture<ReplyToPostgresApp>;
