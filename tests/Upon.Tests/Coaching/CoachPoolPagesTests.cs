using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Coaching;
using Upon.Coaching.Pages.Staff;
using Upon.Data;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>Administrators invite a coach (account, profile and emailed set-password link) and extend the characteristics list.</summary>
public abstract class CoachPoolPagesTests(UponApp app)
{
    private const string Invite = "/coaching/coaches/invite";
    private const string List = "/coaching/characteristics";

    [SkippableFact]
    public async Task InviteCoach_CreatesTheCoachAccountAndProfile_AndEmailsTheLink_OnlyOnce()
    {
        app.RequireDatabase();
        var email = $"invited-{Guid.NewGuid():N}@coach.test";
        var admin = app.CreateClient(Roles.Administrator);
        Assert.NotNull((await admin.GetDocumentAsync("/coaching")).QuerySelector($"a[href='{Invite}']"));

        var response = await admin.PostFieldsAsync(Invite,
            [("Email", email), ("GivenName", "Ines"), ("FamilyName", "Vited"), ("Capacity", "3"), ("Modes", "online"), ("Modes", "in-person"), ("Regions", "E12000007"), ("Regions", "E12000008")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/coaching", response.Headers.Location?.OriginalString);
        var pool = await admin.GetDocumentAsync("/coaching");
        Assert.Contains("Ines Vited is invited", pool.QuerySelector("#notice")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(pool.QuerySelector($"#pool tr[data-coach='{email}']"));
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var profile = await db.CoachProfiles.SingleAsync(c => c.Email == email);
            Assert.Equal((3, true, true, "E12000007;E12000008", CoachStatus.Active), (profile.Capacity, profile.OffersOnline, profile.OffersInPerson, profile.Regions, profile.Status));
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.Equal([Roles.Coach], await users.GetRolesAsync(user));
            Assert.False(await users.HasPasswordAsync(user));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == CoachInvitations.AuditAction && e.EntityId == profile.Id.ToString()));
            return true;
        });
        var mail = Assert.Single(await SessionSeed.EmailsToAsync(app, email));
        Assert.Equal("You have been invited to Upon", mail.Subject);
        Assert.Contains("/account/set-password?token=", mail.TextBody, StringComparison.Ordinal);

        var again = await Html.ParseAsync(await admin.PostFieldsAsync(Invite,
            [("Email", email), ("GivenName", "Ines"), ("FamilyName", "Vited"), ("Capacity", "3"), ("Modes", "online")]));
        Assert.NotEmpty(again.ErrorSummary());
        Assert.NotNull(again.QuerySelector(".govuk-error-summary a[href='#Email']"));
        Assert.Single(await SessionSeed.EmailsToAsync(app, email));
        await app.WithDbAsync(async db => Assert.Equal(1, await db.CoachProfiles.CountAsync(c => c.Email == email)));
    }

    [SkippableFact]
    public async Task InviteCoach_BadAnswers_ListsEveryError_AndWritesNothing()
    {
        app.RequireDatabase();
        var admin = app.CreateClient(Roles.Administrator);

        var page = await Html.ParseAsync(await admin.PostFieldsAsync(Invite,
            [("Email", "not-an-email"), ("GivenName", ""), ("FamilyName", "Noone"), ("Capacity", "51"), ("Modes", "in-person"), ("Regions", "E12000010")]));

        Assert.Equal(
            ["Enter an email address in the correct format, like name@example.org", "Enter their given name", "Capacity must be a whole number from 0 to 50", "Select regions from the list"],
            page.ErrorSummary());
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        await app.WithDbAsync(async db => Assert.False(await db.CoachProfiles.AnyAsync(c => c.FamilyName == "Noone")));
        var denied = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri(Invite, UriKind.Relative));
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden
            || (denied.StatusCode == HttpStatusCode.Redirect && denied.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
            $"Partner staff got {denied.StatusCode} {denied.Headers.Location}");
    }

    [SkippableFact]
    public async Task Characteristics_StaffAddOne_ThenImportsAndRequestsAcceptIt()
    {
        app.RequireDatabase();
        var admin = app.CreateClient(Roles.Administrator);
        var slug = $"first-gen-{Guid.NewGuid():N}"[..20];

        var bad = await Html.ParseAsync(await admin.PostFieldsAsync(List, [("Slug", "Not A Slug"), ("Label", "")]));
        Assert.Equal(2, bad.ErrorSummary().Count);
        var duplicate = await Html.ParseAsync(await admin.PostFieldsAsync(List, [("Slug", "woman"), ("Label", "A woman")]));
        Assert.Equal(["This characteristic is already on the list"], duplicate.ErrorSummary());

        var added = await admin.PostFieldsAsync(List, [("Slug", slug), ("Label", "The first in their family to go to university")]);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await admin.GetDocumentAsync(List);
        Assert.Contains("The first in their family", list.QuerySelector($"#characteristics tr[data-characteristic='{slug}']")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("#notice"));

        var import = await app.WithScopeAsync(s => s.GetRequiredService<CoachImporter>().ImportAsync(new StringReader(
            CoachingCommandsTests.CoachHeader + $"\nfirst-gen-{slug}@coach.test,Fi,Gen,2,online,,{slug},,,\n")));
        Assert.True(import.Succeeded, string.Join("; ", import.Errors));
        await app.WithDbAsync(async db => Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == CharacteristicsModel.AuditAction && e.EntityId == slug)));
    }
}

public sealed class CoachPoolPagesTests_Sqlite(SqliteApp app) : CoachPoolPagesTests(app), IClassFixture<SqliteApp>;

public sealed class CoachPoolPagesTests_Postgres(PostgresApp app) : CoachPoolPagesTests(app), IClassFixture<PostgresApp>;
