using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>Identity's real password hasher, counting what it is asked to do.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<UponUser>
{
    private readonly PasswordHasher<UponUser> _real = new(options);
    private int _hashes;
    private int _verifications;

    public int Hashes => Volatile.Read(ref _hashes);

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(UponUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _real.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(UponUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>An app whose password hasher is the real one inside a <see cref="CountingPasswordHasher"/>.</summary>
public abstract class CountingHasherApp(DatabaseProvider provider) : UponApp(provider)
{
    public CountingPasswordHasher Hasher => (CountingPasswordHasher)Services.GetRequiredService<IPasswordHasher<UponUser>>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IPasswordHasher<UponUser>>();
        services.AddSingleton<IPasswordHasher<UponUser>, CountingPasswordHasher>();
    }
}

public sealed class CountingHasherSqliteApp() : CountingHasherApp(DatabaseProvider.Sqlite);

public sealed class CountingHasherPostgresApp() : CountingHasherApp(DatabaseProvider.Postgres);

/// <summary>
/// Every failed sign-in does the same work, so its timing tells nothing: an unknown email, a disabled account, a locked
/// account and a wrong password each verify one password hash and hash none, and get the same answer.
/// </summary>
public abstract class FailedSignInWorkTests(CountingHasherApp app)
{
    public enum Failure { UnknownEmail, Disabled, Locked, WrongPassword }

    [SkippableTheory]
    [InlineData(Failure.UnknownEmail)]
    [InlineData(Failure.Disabled)]
    [InlineData(Failure.Locked)]
    [InlineData(Failure.WrongPassword)]
    public async Task FailedSignIn_VerifiesExactlyOnePasswordHash(Failure failure)
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.Participant, $"work-{failure}");
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            if (failure == Failure.Disabled)
            {
                await s.GetRequiredService<AccountService>().DisableAsync(stored);
            }
            if (failure == Failure.Locked)
            {
                await users.SetLockoutEndDateAsync(stored, DateTimeOffset.UtcNow.AddMinutes(15));
            }
            return true;
        });
        var email = failure == Failure.UnknownEmail ? $"nobody.{Guid.NewGuid():N}@example.org" : user.Email!;
        var password = failure == Failure.WrongPassword ? "not the password at all" : UponApp.Password;
        var client = app.CreateAnonymousClient();
        var page = await client.GetDocumentAsync("/account/sign-in");
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var (hashes, verifications) = (app.Hasher.Hashes, app.Hasher.Verifications);

        var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = antiforgery,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Upon.Accounts.Pages.SignIn.IndexModel.Failure], (await Html.ParseAsync(response)).ErrorSummary());
        Assert.Equal((0, 1), (app.Hasher.Hashes - hashes, app.Hasher.Verifications - verifications));
    }
}

public sealed class FailedSignInWorkTests_Sqlite(CountingHasherSqliteApp app) : FailedSignInWorkTests(app), IClassFixture<CountingHasherSqliteApp>;

public sealed class FailedSignInWorkTests_Postgres(CountingHasherPostgresApp app) : FailedSignInWorkTests(app), IClassFixture<CountingHasherPostgresApp>;
