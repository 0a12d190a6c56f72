using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary><c>upon users add</c> creates an account with a role and no password, and prints its one-time set-password link.</summary>
public abstract partial class UsersAddCommandTests(DatabaseFixture fixture)
{
    [GeneratedRegex(@"(\S+/account/set-password\?token=([A-Za-z0-9_-]+))")]
    private static partial Regex LinkPattern();

    [SkippableFact]
    public async Task UsersAdd_FirstAdministrator_PrintsLinkAndCreatesAccountWithoutPassword()
    {
        fixture.RequireDatabase();

        var result = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "first.admin@example.org", "--role", "Administrator");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("/account/set-password?token=", result.Output, StringComparison.Ordinal);
        Assert.Contains("works once, for 7 days", result.Output, StringComparison.Ordinal);
        var link = LinkPattern().Match(result.Output);
        Assert.True(link.Success, result.ToString());
        Assert.StartsWith("http://localhost:5080/", link.Groups[1].Value, StringComparison.Ordinal);

        await using var db = fixture.Database.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == "FIRST.ADMIN@EXAMPLE.ORG");
        Assert.Null(user.PasswordHash);
        Assert.False(user.IsDisabled);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == user.Id
                           select role.Name).ToListAsync();
        Assert.Equal([Roles.Administrator], roles);
        // Only the hash of the printed token is stored, and it is valid for 7 days.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(link.Groups[2].Value)));
        var invitation = await db.AccountInvitations.AsNoTracking().SingleAsync(i => i.UserId == user.Id);
        Assert.Equal(hash, invitation.TokenHash);
        Assert.Null(invitation.UsedAt);
        Assert.Equal(Duration.FromDays(7), invitation.ExpiresAt - invitation.CreatedAt);
    }

    [SkippableFact]
    public async Task UsersAdd_BaseUrl_PrefixesTheLink()
    {
        fixture.RequireDatabase();

        var result = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "base.url@example.org", "--role", "PartnerStaff", "--name", "Base Url", "--base-url", "https://upon.example.org/");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("https://upon.example.org/account/set-password?token=", LinkPattern().Match(result.Output).Groups[1].Value, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal("Base Url", (await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == "BASE.URL@EXAMPLE.ORG")).DisplayName);
    }

    [SkippableFact]
    public async Task UsersAdd_UnknownRole_IsRefused()
    {
        fixture.RequireDatabase();

        var result = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "unknown.role@example.org", "--role", "Superuser");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Superuser", result.Error, StringComparison.Ordinal);
        Assert.Contains("Administrator", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("set-password", result.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == "UNKNOWN.ROLE@EXAMPLE.ORG"));
    }

    [SkippableFact]
    public async Task UsersAdd_DuplicateEmail_IsRefusedWithExit2()
    {
        fixture.RequireDatabase();
        var first = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "twice@example.org", "--role", "Coach");
        Assert.True(first.ExitCode == 0, first.ToString());

        var second = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "Twice@Example.org", "--role", "Funder");

        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("An account with this email address already exists", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("set-password", second.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == "TWICE@EXAMPLE.ORG"));
    }
}

public sealed class UsersAddCommandTests_Sqlite(SqliteDatabase fixture) : UsersAddCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class UsersAddCommandTests_Postgres(PostgresDatabase fixture) : UsersAddCommandTests(fixture), IClassFixture<PostgresDatabase>;
