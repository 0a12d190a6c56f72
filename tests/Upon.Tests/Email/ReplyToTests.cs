using MimeKit;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Email;

/// <summary>
/// An app whose programme team is <c>Email:ReplyTo</c>: every message it sends, such as a New Directors invitation that
/// asks the director to reply, carries that Reply-To, so the reply reaches people rather than the no-reply sender.
/// </summary>
public abstract class ReplyToApp(DatabaseProvider provider) : PickupApp(provider)
{
    public const string Team = "New Directors team <new.directors@programme.example.org>";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [.. base.Settings, new("Email:ReplyTo", Team)];
}

public sealed class ReplyToSqliteApp() : ReplyToApp(DatabaseProvider.Sqlite);

public sealed class ReplyToPostgresApp() : ReplyToApp(DatabaseProvider.Postgres);

public abstract class ReplyToTests(ReplyToApp app)
{
    [SkippableFact]
    public async Task AnEmailAskingForAReply_IsSentWithTheProgrammeTeamAsReplyTo()
    {
        app.RequireDatabase();
        var to = OutboxTesting.Address("reply");
        var id = await app.EnqueueAsync(to, "Your place on the New Directors programme", "If you would like to talk it through first, reply to this email.");

        await app.Sender().SendDueAsync();
        var path = Path.Combine(app.PickupDirectory, $"{id}.eml");
        for (var waited = 0; !File.Exists(path) && waited < 10_000; waited += 50)
        {
            await Task.Delay(50);
        }

        using var message = await MimeMessage.LoadAsync(path);
        Assert.Equal("new.directors@programme.example.org", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("no-reply@upon.test", Assert.Single(message.From.Mailboxes).Address);
    }
}

public sealed class ReplyToTests_Sqlite(ReplyToSqliteApp app) : ReplyToTests(app), IClassFixture<ReplyToSqliteApp>;

public sealed class ReplyToTests_Postgres(ReplyToPostgresApp app) : ReplyToTests(app), IClassFixture<ReplyToPostgresApp>;
