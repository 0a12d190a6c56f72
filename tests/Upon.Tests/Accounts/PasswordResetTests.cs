using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Email;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>Password reset and invitations by email, through a real SMTP server on loopback.</summary>
public abstract partial class PasswordResetTests(SmtpApp app)
{
    [GeneratedRegex(@"https?://\S+/account/set-password\?token=\S+")]
    private static partial Regex Link();

    private async Task<string> LinkMailedToAsync(string email)
    {
        await app.Services.GetRequiredService<OutboxSender>().SendDueAsync();
        var mail = Assert.Single(app.Smtp.To(email));
        return Link().Match(mail.Message.TextBody ?? "").Value;
    }

    [SkippableFact]
    public async Task ForgotPassword_EmailsAOneTimeLinkThatSetsANewPassword()
    {
        app.RequireDatabase();
        await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync("forgetful@tests.upon.test", Roles.Coach, UponApp.Password));
        var client = app.CreateAnonymousClient();
        var response = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "forgetful@tests.upon.test" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your email", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var link = new Uri(await LinkMailedToAsync("forgetful@tests.upon.test"));
        var set = await client.PostFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Password"] = "a brand new long passphrase",
            ["ConfirmPassword"] = "a brand new long passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await app.SignInAsync("forgetful@tests.upon.test", "a brand new long passphrase");

        var again = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [SkippableFact]
    public async Task ForgotPassword_UnknownEmail_SameAnswerAndNoEmail()
    {
        app.RequireDatabase();
        var response = await app.CreateAnonymousClient().PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "stranger@tests.upon.test" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your email", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AnyAsync(m => m.To == "stranger@tests.upon.test")));
    }

    [SkippableFact]
    public async Task Invite_EmailsTheSetPasswordLink()
    {
        app.RequireDatabase();
        var response = await app.CreateClient().PostFormAsync("/admin/accounts/invite", new Dictionary<string, string>
        {
            ["Email"] = "new.partner@tests.upon.test", ["DisplayName"] = "New Partner", ["Role"] = Roles.PartnerStaff,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var link = new Uri(await LinkMailedToAsync("new.partner@tests.upon.test"));
        var set = await app.CreateAnonymousClient().PostFormAsync(link.PathAndQuery, new Dictionary<string, string>
        {
            ["Password"] = "partner long passphrase here",
            ["ConfirmPassword"] = "partner long passphrase here",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
    }
}

public sealed class PasswordResetTests_Sqlite(SmtpSqliteApp app) : PasswordResetTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class PasswordResetTests_Postgres(SmtpPostgresApp app) : PasswordResetTests(app), IClassFixture<SmtpPostgresApp>;
