using System.Net;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// The one-time set-password link: it works once, for 7 days, and takes only passwords of 12 to 128 characters that
/// are not common. The tests move the class's clock forward only, and make each invitation at the current time.
/// </summary>
public abstract class SetPasswordTests(UponApp app)
{
    private const string NewPassword = "amber kettle orchard seventeen";

    private async Task<AngleSharp.Dom.IDocument> RejectedAsync(string path, string password, string? confirm = null)
    {
        var response = await app.CreateAnonymousClient().PostSetPasswordAsync(path, password, confirm);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private async Task AssertLinkIsDeadAsync(string path)
    {
        var response = await app.CreateAnonymousClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("This link has expired or has already been used", page.QuerySelector("h1").Text());
        Assert.Null(page.QuerySelector("input[name=Password]"));
    }

    [SkippableFact]
    public async Task Post_ValidPassword_LinkWorksOnceAndTheNewPasswordSignsIn()
    {
        app.RequireDatabase();
        var (user, path) = await app.InviteAsync(Roles.PartnerStaff, "set-once");
        var client = app.CreateAnonymousClient();

        var form = await client.GetDocumentAsync(path);
        Assert.Contains(user.Email!, form.QuerySelector("main").Text(), StringComparison.Ordinal);
        var response = await client.PostSetPasswordAsync(path, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", response.LocationPath());
        var signIn = await client.GetDocumentAsync("/account/sign-in");
        Assert.Equal("Your password is set. Sign in with it now", signIn.QuerySelector(".govuk-notification-banner__heading").Text());
        await AssertLinkIsDeadAsync(path);
        // A second submission (with a valid antiforgery token, from another page) finds the link used.
        var again = await app.CreateAnonymousClient().PostFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Password"] = "a different long passphrase",
            ["ConfirmPassword"] = "a different long passphrase",
        }, postUrl: path);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        var cookies = await app.SignInAsync(user.Email!, NewPassword);
        Assert.Contains(cookies, c => c.Name == "upon.auth");
        Assert.True((await app.FindUserAsync(user.Email!))!.EmailConfirmed);
    }

    [SkippableFact]
    public async Task Get_After7Days_LinkHasExpired()
    {
        app.RequireDatabase();
        var (_, path) = await app.InviteAsync(Roles.Coach, "set-expiry");

        app.Clock.Advance(Duration.FromDays(6) + Duration.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        app.Clock.Advance(Duration.FromHours(2));
        await AssertLinkIsDeadAsync(path);
    }

    [SkippableFact]
    public async Task Get_UnknownToken_IsNotFound()
    {
        app.RequireDatabase();

        await AssertLinkIsDeadAsync("/account/set-password?token=not-a-real-token");
        await AssertLinkIsDeadAsync("/account/set-password");
    }

    [SkippableFact]
    public async Task Post_TooShort_RejectedAndTheLinkStillWorks()
    {
        app.RequireDatabase();
        var (user, path) = await app.InviteAsync(Roles.Participant, "set-short");

        var page = await RejectedAsync(path, "elevenchars");

        Assert.Equal(["Your password must be at least 12 characters long"], page.ErrorSummary());
        Assert.Equal("Error: Your password must be at least 12 characters long", page.QuerySelector("#Password-error").Text());
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateAnonymousClient().PostSetPasswordAsync(path, NewPassword)).StatusCode);
        await app.SignInAsync(user.Email!, NewPassword);
    }

    [SkippableFact]
    public async Task Post_TooLong_Rejected()
    {
        app.RequireDatabase();
        var (_, path) = await app.InviteAsync(Roles.Participant, "set-long");

        var page = await RejectedAsync(path, new string('x', 60) + " " + new string('y', 68));

        Assert.Equal(["Your password must be 128 characters or fewer"], page.ErrorSummary());
        var longest = new string('x', 60) + " " + new string('y', 67);
        Assert.Equal(128, longest.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateAnonymousClient().PostSetPasswordAsync(path, longest)).StatusCode);
    }

    [SkippableTheory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("Football2024!")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("!!Qwertyuiop123")]
    public async Task Post_CommonPassword_Rejected(string password)
    {
        app.RequireDatabase();
        var (_, path) = await app.InviteAsync(Roles.Participant, "set-common");

        var page = await RejectedAsync(path, password);

        Assert.Equal(["Your password is too easy to guess: choose one that is not a common password"], page.ErrorSummary());
    }

    [SkippableFact]
    public async Task Post_ConfirmationDiffers_Rejected()
    {
        app.RequireDatabase();
        var (_, path) = await app.InviteAsync(Roles.Participant, "set-mismatch");

        var page = await RejectedAsync(path, NewPassword, NewPassword + " but different");

        Assert.Equal(["The passwords do not match"], page.ErrorSummary());
        Assert.Equal("Error: The passwords do not match", page.QuerySelector("#ConfirmPassword-error").Text());
    }

    [SkippableFact]
    public async Task Post_Empty_AsksForAPassword()
    {
        app.RequireDatabase();
        var (_, path) = await app.InviteAsync(Roles.Participant, "set-empty");

        var page = await RejectedAsync(path, "", "");

        Assert.Equal(["Enter a password"], page.ErrorSummary());
    }
}

public sealed class SetPasswordTests_Sqlite(SqliteApp app) : SetPasswordTests(app), IClassFixture<SqliteApp>;

public sealed class SetPasswordTests_Postgres(PostgresApp app) : SetPasswordTests(app), IClassFixture<PostgresApp>;
