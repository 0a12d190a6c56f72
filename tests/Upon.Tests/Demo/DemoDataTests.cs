using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Data;
using Upon.Demo;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Demo;

/// <summary>
/// The two questions the web app's start asks of the demo data, on both databases: is the register empty (only then is the
/// demo created), and is there a demo account (only then is the password hint printed, whatever the email's case).
/// </summary>
public abstract class DemoDataTests(UponApp app)
{
    [SkippableFact]
    public async Task PasswordHint_OnlyOnceADemoAccountExists()
    {
        app.RequireDatabase();

        Assert.Null(await app.WithScopeAsync(s => s.GetRequiredService<DemoData>().PasswordHintAsync()));

        // Emails are matched as Identity matches them: by their normalised form.
        await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync("Funder@Upon.Test", Roles.Funder, UponApp.Password));
        var hint = await app.WithScopeAsync(s => s.GetRequiredService<DemoData>().PasswordHintAsync());

        Assert.NotNull(hint);
        Assert.Contains("admin@upon.test", hint, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CreateIfEmpty_ARegisterWithAPerson_IsLeftAlone()
    {
        app.RequireDatabase();
        await app.WithDbAsync(async db =>
        {
            db.People.Add(new Person { PersonId = $"DD{Guid.NewGuid():N}"[..12], GivenName = "Alex", FamilyName = "Kept" });
            await db.SaveChangesAsync();
        });

        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<DemoData>().CreateIfEmptyAsync()));
        Assert.Equal(1, await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<UponDbContext>().People.Count())));
    }
}

public sealed class DemoDataTests_Sqlite(SqliteApp app) : DemoDataTests(app), IClassFixture<SqliteApp>;

public sealed class DemoDataTests_Postgres(PostgresApp app) : DemoDataTests(app), IClassFixture<PostgresApp>;
