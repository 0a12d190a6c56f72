using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary><c>upon tokens create</c> prints a token once and stores only its hash.</summary>
public abstract class TokensCreateCommandTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task TokensCreate_ForAnAccount_PrintsATokenStoredAsAHash()
    {
        fixture.RequireDatabase();
        var add = await UponCli.RunAsync(fixture.Database, "users", "add", "--email", "automation@example.org", "--role", "PartnerStaff");
        Assert.True(add.ExitCode == 0, add.ToString());
        var result = await UponCli.RunAsync(fixture.Database, "tokens", "create", "--email", "automation@example.org", "--name", "Nightly export");
        Assert.True(result.ExitCode == 0, result.ToString());
        var secret = result.Output.Trim();
        Assert.StartsWith("upon_", secret, StringComparison.Ordinal);

        await using var db = fixture.Database.CreateDbContext();
        var token = await db.ApiTokens.SingleAsync(t => t.Name == "Nightly export");
        Assert.Equal(secret[..12], token.Prefix);
        Assert.DoesNotContain(secret, token.TokenHash, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TokensCreate_UnknownEmail_SaysSo()
    {
        fixture.RequireDatabase();
        var result = await UponCli.RunAsync(fixture.Database, "tokens", "create", "--email", "nobody@example.org", "--name", "x");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no account has the email nobody@example.org", result.Error, StringComparison.Ordinal);
    }
}

public sealed class TokensCreateCommandTests_Sqlite(SqliteDatabase fixture) : TokensCreateCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class TokensCreateCommandTests_Postgres(PostgresDatabase fixture) : TokensCreateCommandTests(fixture), IClassFixture<PostgresDatabase>;
