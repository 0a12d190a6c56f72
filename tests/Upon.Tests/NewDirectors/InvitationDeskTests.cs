using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.NewDirectors;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.NewDirectors;

/// <summary>The staff invitations page: the to-do list, recording a missing email, inviting by hand, resending, declines and withdrawals.</summary>
public abstract partial class InvitationDeskTests(UponApp app)
{
    private const string Page = "/new-directors/invitations";

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [GeneratedRegex(@"https?://\S+/invitations/\S+")]
    private static partial Regex LinkPattern();

    private static string LinkIn(Upon.Email.OutboxMessage message) => LinkPattern().Match(message.TextBody).Value;

    private Task<DirectorInvitation> InvitationAsync(int id) =>
        JourneySeed.DbAsync(app, db => db.DirectorInvitations.AsNoTracking().Include(i => i.Person).SingleAsync(i => i.Id == id));

    [SkippableFact]
    public async Task ToDoList_ShowsInvitationsWithoutAnEmail_AndThoseNotSentWithin14Days()
    {
        app.RequireDatabase();
        // Started five days ago, no email: due, cannot be sent; not yet overdue.
        var (noEmail, noEmailPost) = await JourneySeed.DirectorAsync(app, D(2026, 11, 20), email: null);
        var cannotSend = await JourneySeed.InvitationAsync(app, noEmail, noEmailPost);
        // Started a month ago with an email, never sent (the run was off): overdue.
        var (unsent, unsentPost) = await JourneySeed.DirectorAsync(app, D(2026, 10, 26));
        var overdue = await JourneySeed.InvitationAsync(app, unsent, unsentPost);
        // No email and overdue: on both lists.
        var (both, bothPost) = await JourneySeed.DirectorAsync(app, D(2026, 10, 1), email: null);
        var onBoth = await JourneySeed.InvitationAsync(app, both, bothPost);
        // Sent in time, and one that starts next week: neither.
        var (fine, finePost) = await JourneySeed.DirectorAsync(app, D(2026, 11, 2));
        var sent = await JourneySeed.InvitationAsync(app, fine, finePost, InvitationStatus.Sent);
        var (future, futurePost) = await JourneySeed.DirectorAsync(app, D(2026, 12, 1), email: null);
        var notYet = await JourneySeed.InvitationAsync(app, future, futurePost);

        var page = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync(Page);

        int[] Ids(string table) => [.. page.QuerySelectorAll($"#{table} tbody tr").Select(r => int.Parse(r.GetAttribute("data-invitation-id")!, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Contains(cannotSend.Id, Ids("no-email"));
        Assert.Contains(onBoth.Id, Ids("no-email"));
        Assert.DoesNotContain(overdue.Id, Ids("no-email"));
        Assert.DoesNotContain(notYet.Id, Ids("no-email"));
        Assert.DoesNotContain(sent.Id, Ids("no-email"));
        Assert.Contains(overdue.Id, Ids("overdue"));
        Assert.Contains(onBoth.Id, Ids("overdue"));
        Assert.DoesNotContain(cannotSend.Id, Ids("overdue"));
        Assert.DoesNotContain(sent.Id, Ids("overdue"));
        Assert.Contains("Not sent yet", page.QuerySelector($"#overdue tr[data-invitation-id='{overdue.Id}'] [data-missing]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No email address recorded", page.QuerySelector($"#overdue tr[data-invitation-id='{onBoth.Id}'] [data-missing]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invitations: ", (await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/new-directors")).QuerySelector("#invitations-link")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var filtered = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"{Page}?status=sent");
        Assert.NotNull(filtered.QuerySelector($"#all tr[data-invitation-id='{sent.Id}']"));
        Assert.Null(filtered.QuerySelector($"#all tr[data-invitation-id='{overdue.Id}']"));
    }

    [SkippableFact]
    public async Task RecordingTheMissingEmail_SavesItOnThePersonAndSendsOneEmail()
    {
        app.RequireDatabase();
        var (person, post) = await JourneySeed.DirectorAsync(app, D(2026, 11, 18), email: null);
        var invitation = await JourneySeed.InvitationAsync(app, person, post);
        var client = app.CreateClient(Roles.PartnerStaff);

        var invalid = await Html.ParseAsync(await client.PostFormAsync(Page, new Dictionary<string, string> { ["InvitationId"] = $"{invitation.Id}", ["Email"] = "not an email" }, $"{Page}?handler=RecordEmail"));
        Assert.Equal(["Enter an email address in the correct format, like name@example.org"], invalid.ErrorSummary());
        Assert.Equal($"#Email-{invitation.Id}", invalid.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));

        var email = $"new.director.{Guid.NewGuid():N}@example.org";
        var response = await client.PostFormAsync(Page, new Dictionary<string, string> { ["InvitationId"] = $"{invitation.Id}", ["Email"] = $" {email} " }, $"{Page}?handler=RecordEmail");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await InvitationAsync(invitation.Id);
        Assert.Equal(email, saved.Person!.Email);
        Assert.Equal(InvitationStatus.Sent, saved.Status);
        Assert.Equal(email, saved.Email);
        Assert.Equal(1, saved.Sends);
        Assert.Equal(D(2026, 11, 25), saved.SentOn);
        var message = Assert.Single(await SessionSeed.EmailsToAsync(app, email));
        Assert.Equal("Your place on the New Directors programme", message.Subject);
        Assert.NotEmpty(LinkIn(message));
        Assert.Null((await client.GetDocumentAsync(Page)).QuerySelector($"#no-email tr[data-invitation-id='{invitation.Id}']"));
    }

    [SkippableFact]
    public async Task InviteByHand_ThenResend_EachEnqueueExactlyOneEmail()
    {
        app.RequireDatabase();
        // In post for eight months, recorded too late to be invited automatically.
        var (person, _) = await JourneySeed.DirectorAsync(app, D(2026, 3, 2));
        var client = app.CreateClient(Roles.Administrator);
        var form = await client.GetDocumentAsync(Page);
        Assert.NotNull(form.QuerySelector($"#PersonKey option[value='{person.Id}']"));

        var none = await Html.ParseAsync(await client.PostFormAsync(Page, new Dictionary<string, string>(), $"{Page}?handler=Invite"));
        Assert.Equal(["Select who to invite"], none.ErrorSummary());

        var invited = await client.PostFormAsync(Page, new Dictionary<string, string> { ["PersonKey"] = $"{person.Id}" }, $"{Page}?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var invitation = await JourneySeed.DbAsync(app, db => db.DirectorInvitations.AsNoTracking().SingleAsync(i => i.PersonKey == person.Id));
        Assert.True(invitation.ByHand);
        Assert.Equal(InvitationStatus.Sent, invitation.Status);
        Assert.Equal(D(2026, 3, 2), invitation.StartDate);
        Assert.Equal(1, invitation.Sends);
        Assert.Equal($"/new-directors/invitations/{invitation.Id}", invited.Headers.Location!.OriginalString);
        var first = Assert.Single(await SessionSeed.EmailsToAsync(app, person.Email!));
        Assert.Null((await client.GetDocumentAsync(Page)).QuerySelector($"#PersonKey option[value='{person.Id}']"));

        // Resend: the same link, one more email.
        var page = $"/new-directors/invitations/{invitation.Id}";
        Assert.Equal("Resend", (await client.GetDocumentAsync(page)).QuerySelector("#send")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Send")).StatusCode);
        var emails = await SessionSeed.EmailsToAsync(app, person.Email!);
        Assert.Equal(2, emails.Count);
        Assert.Equal(LinkIn(first), LinkIn(emails[1]));
        var resent = await InvitationAsync(invitation.Id);
        Assert.Equal(2, resent.Sends);
        Assert.Equal(invitation.TokenHash, resent.TokenHash);
        Assert.Equal(invitation.SentOn, resent.SentOn);

        // Once expired, a resend carries a new link, and the old one stops working.
        await app.WithDbAsync(async db =>
        {
            var stored = await db.DirectorInvitations.SingleAsync(i => i.Id == invitation.Id);
            stored.Status = InvitationStatus.Expired;
            stored.ExpiresAt = app.Clock.GetCurrentInstant() - Duration.FromDays(1);
            await db.SaveChangesAsync();
        });
        Assert.Equal("Send a new link", (await client.GetDocumentAsync(page)).QuerySelector("#send")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Send")).StatusCode);
        emails = await SessionSeed.EmailsToAsync(app, person.Email!);
        Assert.Equal(3, emails.Count);
        Assert.NotEqual(LinkIn(first), LinkIn(emails[2]));
        var renewed = await InvitationAsync(invitation.Id);
        Assert.Equal(InvitationStatus.Sent, renewed.Status);
        Assert.Equal(3, renewed.Sends);
        Assert.NotEqual(invitation.TokenHash, renewed.TokenHash);
        var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(new Uri(LinkIn(first)).AbsolutePath, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(new Uri(LinkIn(emails[2])).AbsolutePath, UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task InviteByHand_APersonWithoutAnEmail_NeedsOne()
    {
        app.RequireDatabase();
        var (person, _) = await JourneySeed.DirectorAsync(app, D(2026, 2, 2), email: null);
        var client = app.CreateClient(Roles.PartnerStaff);
        var missing = await Html.ParseAsync(await client.PostFormAsync(Page, new Dictionary<string, string> { ["PersonKey"] = $"{person.Id}" }, $"{Page}?handler=Invite"));
        Assert.Equal(["Enter an email address"], missing.ErrorSummary());
        Assert.False(await JourneySeed.DbAsync(app, db => db.DirectorInvitations.AnyAsync(i => i.PersonKey == person.Id)));

        var email = $"by.hand.{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Page, new Dictionary<string, string> { ["PersonKey"] = $"{person.Id}", ["InviteEmail"] = email }, $"{Page}?handler=Invite")).StatusCode);
        Assert.Single(await SessionSeed.EmailsToAsync(app, email));
        Assert.Equal(email, await JourneySeed.DbAsync(app, db => db.People.Where(p => p.Id == person.Id).Select(p => p.Email).SingleAsync()));
    }

    [SkippableFact]
    public async Task DeclinedInConversation_AndWithdraw_CloseTheInvitationWithoutEmail()
    {
        app.RequireDatabase();
        var (talker, talkerPost) = await JourneySeed.DirectorAsync(app, D(2026, 11, 16));
        var talked = await JourneySeed.InvitationAsync(app, talker, talkerPost, InvitationStatus.Sent);
        var (mistake, mistakePost) = await JourneySeed.DirectorAsync(app, D(2026, 11, 16));
        var wrong = await JourneySeed.InvitationAsync(app, mistake, mistakePost);
        var client = app.CreateClient(Roles.PartnerStaff);

        var page = $"/new-directors/invitations/{talked.Id}";
        var empty = await Html.ParseAsync(await client.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = " " }, $"{page}?handler=Declined"));
        Assert.Equal(["Enter what they said"], empty.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = "Not now: ask again in the spring" }, $"{page}?handler=Declined")).StatusCode);
        var declined = await InvitationAsync(talked.Id);
        Assert.Equal(InvitationStatus.Declined, declined.Status);
        Assert.True(declined.DeclinedInConversation);
        Assert.Equal("Not now: ask again in the spring", declined.DeclineReason);
        Assert.Equal(D(2026, 11, 25), declined.AnsweredOn);

        var wrongPage = $"/new-directors/invitations/{wrong.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(wrongPage, new Dictionary<string, string>(), $"{wrongPage}?handler=Withdraw")).StatusCode);
        Assert.Equal(InvitationStatus.Withdrawn, (await InvitationAsync(wrong.Id)).Status);
        var again = await client.GetDocumentAsync(wrongPage);
        Assert.Null(again.QuerySelector("#withdraw"));
        Assert.Null(again.QuerySelector("#send"));

        Assert.Empty(await SessionSeed.EmailsToAsync(app, talker.Email!));
        Assert.Empty(await SessionSeed.EmailsToAsync(app, mistake.Email!));
    }
}

public sealed class InvitationDeskTests_Sqlite(SqliteApp app) : InvitationDeskTests(app), IClassFixture<SqliteApp>;

public sealed class InvitationDeskTests_Postgres(PostgresApp app) : InvitationDeskTests(app), IClassFixture<PostgresApp>;
