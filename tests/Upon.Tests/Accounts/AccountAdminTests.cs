using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>The administrators' account pages: the list, inviting someone, disabling and enabling, new links.</summary>
public abstract class AccountAdminTests(UponApp app)
{
    private const string NewPassword = "amber kettle orchard seventeen";

    private static Dictionary<string, string> InviteFields(string email, string role, string name = "") => new()
    {
        ["Email"] = email,
        ["DisplayName"] = name,
        ["Role"] = role,
    };

    private static async Task<AngleSharp.Dom.IDocument> PageAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.Equal(status, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static Task<HttpResponseMessage> PostActionAsync(HttpClient client, string id, string handler) =>
        client.PostFormAsync($"/admin/accounts/{id}", new Dictionary<string, string>(), postUrl: $"/admin/accounts/{id}?handler={handler}");

    private static string? StatusOf(AngleSharp.Dom.IDocument list, string id) =>
        list.QuerySelector($"tr[data-account='{id}'] td:nth-of-type(3)")?.Text();

    [SkippableFact]
    public async Task Get_List_ShowsEveryAccountWithRoleAndStatus()
    {
        app.RequireDatabase();
        var active = await app.CreateAccountAsync(Roles.Funder, "list-active");
        var (invited, _) = await app.InviteAsync(Roles.Coach, "list-invited");
        var disabled = await app.CreateAccountAsync(Roles.PartnerStaff, "list-disabled");
        var locked = await app.CreateAccountAsync(Roles.Participant, "list-locked");
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            await s.GetRequiredService<AccountService>().DisableAsync((await users.FindByIdAsync(disabled.Id))!);
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, new DateTimeOffset(2099, 11, 25, 12, 15, 0, TimeSpan.Zero));
        });

        var list = await app.CreateClient().GetDocumentAsync("/admin/accounts");

        Assert.Equal("Accounts", list.QuerySelector("h1").Text());
        Assert.Matches(@"^\d+ accounts$", list.QuerySelector("table caption").Text());
        Assert.Equal("/admin/accounts/invite", list.QuerySelector("a.govuk-button")?.GetAttribute("href"));
        Assert.Equal("Invite someone", list.QuerySelector("a.govuk-button").Text());
        var row = list.QuerySelector($"tr[data-account='{active.Id}']");
        Assert.Equal(active.Email, row?.QuerySelector("th a").Text());
        Assert.Equal($"/admin/accounts/{active.Id}", row?.QuerySelector("th a")?.GetAttribute("href"));
        Assert.Equal(["list-active", "Funder", "Active", "25 November 2026"], row!.QuerySelectorAll("td").Select(td => td.Text()));
        Assert.Equal("Invited – no password yet", StatusOf(list, invited.Id));
        Assert.Equal("Disabled", StatusOf(list, disabled.Id));
        Assert.Equal("Locked until 12:15pm on 25 November 2099", StatusOf(list, locked.Id));
        var admin = await app.UserIdAsync(UponApp.EmailFor(Roles.Administrator));
        Assert.Equal("Administrator", list.QuerySelector($"tr[data-account='{admin}'] td:nth-of-type(2)").Text());
        Assert.Equal("Partner staff", list.QuerySelector($"tr[data-account='{disabled.Id}'] td:nth-of-type(2)").Text());
        Assert.Equal("Accounts", list.QuerySelector(".upon-nav__link[aria-current=page]").Text());
    }

    [SkippableFact]
    public async Task Post_Invite_ShowsALinkThatWorksEndToEnd()
    {
        app.RequireDatabase();
        var admin = app.CreateClient();
        var email = $"invited.{Guid.NewGuid():N}@example.org";

        var form = await admin.GetDocumentAsync("/admin/accounts/invite");
        Assert.Equal(Roles.All, form.QuerySelectorAll("input[name=Role]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Partner staff", form.QuerySelector("label[for=Role-2]").Text());
        var response = await admin.PostFormAsync("/admin/accounts/invite", InviteFields($"  {email} ", Roles.PartnerStaff, "Invited Person"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await app.FindUserAsync(email);
        Assert.NotNull(user);
        Assert.Equal($"/admin/accounts/{user.Id}", response.LocationPath());
        Assert.Equal("Invited Person", user.DisplayName);
        Assert.Null(user.PasswordHash);
        var details = await admin.GetDocumentAsync(response.LocationPath());
        Assert.Equal($"Account created for {email}", details.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Contains("Send this link to them", details.QuerySelector("#set-password-link").Text(), StringComparison.Ordinal);
        Assert.Contains("works once, for 7 days", details.QuerySelector("#set-password-link").Text(), StringComparison.Ordinal);
        var link = details.QuerySelector("#set-password-url").Text();
        Assert.StartsWith("http://localhost/account/set-password?token=", link, StringComparison.Ordinal);
        Assert.Equal("Invited – no password yet", details.QuerySelector("#status").Text());
        // The link is shown once: it is not kept anywhere it could be read again.
        Assert.Null((await admin.GetDocumentAsync(response.LocationPath())).QuerySelector("#set-password-link"));

        var path = new Uri(link).PathAndQuery;
        var set = await app.CreateAnonymousClient().PostSetPasswordAsync(path, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var cookies = await app.SignInAsync(email, NewPassword);
        Assert.Contains(cookies, c => c.Name == "upon.auth");
        var roles = await app.WithScopeAsync(s => s.GetRequiredService<UserManager<UponUser>>().GetRolesAsync(user));
        Assert.Equal([Roles.PartnerStaff], roles);
        Assert.Equal("Active", (await admin.GetDocumentAsync(response.LocationPath())).QuerySelector("#status").Text());
    }

    [SkippableFact]
    public async Task Post_Invite_DuplicateEmail_ShowsError()
    {
        app.RequireDatabase();
        var existing = await app.CreateAccountAsync(Roles.Coach, "invite-duplicate");

        var page = await PageAsync(await app.CreateClient().PostFormAsync("/admin/accounts/invite", InviteFields(existing.Email!.ToUpperInvariant(), Roles.Coach)));

        Assert.Equal(["An account with this email address already exists"], page.ErrorSummary());
        Assert.Equal("#Email", page.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("Error: An account with this email address already exists", page.QuerySelector("#Email-error").Text());
        Assert.StartsWith("Error: ", page.QuerySelector("title").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_Invite_MissingOrBadFields_ShowErrors()
    {
        app.RequireDatabase();
        var admin = app.CreateClient();

        var empty = await PageAsync(await admin.PostFormAsync("/admin/accounts/invite", InviteFields("", "")));
        var bad = await PageAsync(await admin.PostFormAsync("/admin/accounts/invite", InviteFields("not-an-email", Roles.Coach, "Kept Name")));
        var unknownRole = await PageAsync(await admin.PostFormAsync("/admin/accounts/invite", InviteFields("someone.new@example.org", "Superuser")));

        Assert.Equal(["Enter an email address", "Select a role"], empty.ErrorSummary());
        Assert.Equal(["Enter an email address in the correct format, like name@example.org"], bad.ErrorSummary());
        Assert.Equal("not-an-email", bad.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Equal("Kept Name", bad.QuerySelector("#DisplayName")?.GetAttribute("value"));
        Assert.Equal(Roles.Coach, bad.QuerySelector("input[name=Role][checked]")?.GetAttribute("value"));
        Assert.Equal(["Select a role"], unknownRole.ErrorSummary());
        Assert.Null(await app.FindUserAsync("someone.new@example.org"));
    }

    [SkippableFact]
    public async Task Post_DisableThenEnable_StopsAndRestoresSignIn()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "disable-enable");
        var admin = app.CreateClient();

        var disabled = await PostActionAsync(admin, user.Id, "Disable");

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal($"/admin/accounts/{user.Id}", disabled.LocationPath());
        var page = await admin.GetDocumentAsync($"/admin/accounts/{user.Id}");
        Assert.StartsWith("Account disabled", page.QuerySelector(".govuk-notification-banner__heading").Text(), StringComparison.Ordinal);
        Assert.Equal("Disabled", page.QuerySelector("#status").Text());
        Assert.Equal("Enable account", page.QuerySelector("main form button").Text());
        Assert.True((await app.FindUserAsync(user.Email!))!.IsDisabled);
        var refused = await app.CreateAnonymousClient().PostSignInAsync(user.Email!, UponApp.Password);
        Assert.Equal([Upon.Accounts.Pages.SignIn.IndexModel.Failure], (await PageAsync(refused)).ErrorSummary());

        var enabled = await PostActionAsync(admin, user.Id, "Enable");

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        page = await admin.GetDocumentAsync($"/admin/accounts/{user.Id}");
        Assert.Equal("Account enabled: they can sign in again", page.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Equal("Active", page.QuerySelector("#status").Text());
        await app.SignInAsync(user.Email!, UponApp.Password);
    }

    [SkippableFact]
    public async Task Post_Unlock_LetsALockedAccountSignIn()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Coach, "unlock");
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddMinutes(15));
        });
        var admin = app.CreateClient();
        Assert.StartsWith("Locked until ", (await admin.GetDocumentAsync($"/admin/accounts/{user.Id}")).QuerySelector("#status").Text(), StringComparison.Ordinal);

        var unlocked = await PostActionAsync(admin, user.Id, "Enable");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        var page = await admin.GetDocumentAsync($"/admin/accounts/{user.Id}");
        Assert.Equal("Account unlocked: they can sign in again", page.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Equal("Active", page.QuerySelector("#status").Text());
        await app.SignInAsync(user.Email!, UponApp.Password);
    }

    [SkippableFact]
    public async Task Post_DisableOwnAccount_IsRefused()
    {
        app.RequireDatabase();
        var adminId = await app.UserIdAsync(UponApp.EmailFor(Roles.Administrator));
        var admin = app.CreateClient();
        var own = await admin.GetDocumentAsync($"/admin/accounts/{adminId}");
        Assert.Empty(own.QuerySelectorAll("form[action*='handler=Disable']"));

        var page = await PageAsync(await PostActionAsync(admin, adminId, "Disable"));

        Assert.Equal(["You cannot disable your own account. Ask another administrator"], page.ErrorSummary());
        Assert.False((await app.FindUserAsync(UponApp.EmailFor(Roles.Administrator)))!.IsDisabled);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/admin/accounts", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task Post_NewLink_ReplacesTheEarlierLink()
    {
        app.RequireDatabase();
        var (user, first) = await app.InviteAsync(Roles.Funder, "new-link");
        var admin = app.CreateClient();

        var response = await PostActionAsync(admin, user.Id, "Link");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await admin.GetDocumentAsync($"/admin/accounts/{user.Id}");
        var link = page.QuerySelector("#set-password-url").Text();
        Assert.StartsWith("http://localhost/account/set-password?token=", link, StringComparison.Ordinal);
        var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first, UriKind.Relative))).StatusCode);
        var second = new Uri(link).PathAndQuery;
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.PostSetPasswordAsync(second, NewPassword)).StatusCode);
        await app.SignInAsync(user.Email!, NewPassword);
    }

    [SkippableFact]
    public async Task Get_UnknownAccount_IsNotFound()
    {
        app.RequireDatabase();

        var response = await app.CreateClient().GetAsync(new Uri("/admin/accounts/no-such-account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData(Roles.PartnerStaff)]
    [InlineData(Roles.Funder)]
    public async Task Get_OtherRole_IsForbidden(string role)
    {
        app.RequireDatabase();
        var client = app.CreateClient(role);

        foreach (var url in new[] { "/admin/accounts", "/admin/accounts/invite", $"/admin/accounts/{await app.UserIdAsync(UponApp.EmailFor(role))}" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.LocationPath(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/error/403", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task Post_InviteAsPartnerStaff_IsRefusedAndCreatesNothing()
    {
        app.RequireDatabase();
        var client = app.CreateClient(Roles.PartnerStaff);
        var email = $"sneaky.{Guid.NewGuid():N}@example.org";

        // The token comes from a page partner staff may see; the policy refuses the post all the same.
        var response = await client.PostFormAsync("/register", InviteFields(email, Roles.Administrator), postUrl: "/admin/accounts/invite");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.LocationPath(), StringComparison.Ordinal);
        Assert.Null(await app.FindUserAsync(email));
    }
}

public sealed class AccountAdminTests_Sqlite(SqliteApp app) : AccountAdminTests(app), IClassFixture<SqliteApp>;

public sealed class AccountAdminTests_Postgres(PostgresApp app) : AccountAdminTests(app), IClassFixture<PostgresApp>;
