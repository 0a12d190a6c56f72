using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upon.Shared.Security;
using Upon.Accounts;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary><c>upon users reset-password EMAIL</c> prints a one-time link that sets a new password; nothing for an unknown account.</summary>
public abstract partial class UsersResetPasswordCommandTests(DatabaseFixture fixture)
{
    [GeneratedRegex(@"(\S+/account/set-password\?token=([A-Za-z0-9_-]+))")]
    private static partial Regex LinkPattern();

    [SkippableFact]
    public async Task ResetPassword_PrintsALinkValidForADay_AndEarlierLinksStopWorking()
    {
        fixture.RequireDatabase();
        var email = $"reset.{Guid.NewGuid():N}@example.org";
        var added = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", email, "--role", Roles.PartnerStaff);
        Assert.True(added.ExitCode == 0, added.ToString());

        var result = await UponCli.RunAsync(fixture.Database, "users", "reset-password", email);

        Assert.True(result.ExitCode == 0, result.ToString());
        var link = LinkPattern().Match(result.Output);
        Assert.True(link.Success, result.ToString());
        Assert.StartsWith("http://localhost:5080/account/set-password?token=", link.Groups[1].Value, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        var normalised = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalised);
        var invitations = await db.AccountInvitations.AsNoTracking().Where(i => i.UserId == user.Id).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(2, invitations.Count);
        Assert.NotNull(invitations[0].UsedAt);
        Assert.Null(invitations[1].UsedAt);
        Assert.Equal(SecretTokens.Hash(link.Groups[2].Value), invitations[1].TokenHash);
        Assert.Equal(Duration.FromDays(1), invitations[1].ExpiresAt - invitations[1].CreatedAt);
    }

    [SkippableFact]
    public async Task ResetPassword_UnknownAccount_ExitsWith2AndOneLine()
    {
        fixture.RequireDatabase();

        var result = await UponCli.RunAsync(fixture.Database, "users", "reset-password", "nobody@example.org");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal("upon: there is no account with the email nobody@example.org", result.Error.Trim());
    }
}

public sealed class UsersResetPasswordCommandTests_Sqlite(SqliteDatabase fixture) : UsersResetPasswordCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class UsersResetPasswordCommandTests_Postgres(PostgresDatabase fixture) : UsersResetPasswordCommandTests(fixture), IClassFixture<PostgresDatabase>;
