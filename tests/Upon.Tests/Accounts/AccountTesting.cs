using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Accounts;

/// <summary>
/// An app whose <see cref="TimeProvider"/> (the clock of the authentication cookie and of Identity's security stamp
/// check) is a fake the test moves: <see cref="Timed"/> is the same host on the same database with the fake in place.
/// The fake starts at the real time, because Identity's lockout still reads the system clock.
/// </summary>
public abstract class TimedApp(DatabaseProvider provider) : UponApp(provider)
{
    private WebApplicationFactory<Program>? _timed;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> Timed => _timed ??= Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Time);
    }));

    /// <summary>A client of the timed host that has not signed in; it keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateTimedClient() =>
        Timed.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(new CookieContainer()));
}

public sealed class TimedSqliteApp() : TimedApp(DatabaseProvider.Sqlite);

public sealed class TimedPostgresApp() : TimedApp(DatabaseProvider.Postgres);

/// <summary>An app that allows few sign-in attempts a minute: enough for the test accounts' own sign-ins, then three more.</summary>
public abstract class RateLimitedApp(DatabaseProvider provider) : UponApp(provider)
{
    /// <summary>The attempts a test may make before it is refused.</summary>
    public const int AttemptsLeft = 3;

    public static int Limit => Roles.All.Count + AttemptsLeft;

    protected override int SignInPermitsPerMinute => Limit;
}

public sealed class RateLimitedSqliteApp() : RateLimitedApp(DatabaseProvider.Sqlite);

public sealed class RateLimitedPostgresApp() : RateLimitedApp(DatabaseProvider.Postgres);

/// <summary>Creating accounts and reading what the account pages and the audit log show.</summary>
internal static class AccountTesting
{
    /// <summary>A fresh account with <see cref="UponApp.Password"/>, under a unique email address.</summary>
    public static Task<UponUser> CreateAccountAsync(this UponApp app, string role, string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        return app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync(email, role, UponApp.Password, name));
    }

    /// <summary>The same host on the same database with staff two-factor sign-in required, as outside Development.</summary>
    public static WebApplicationFactory<Program> WithTwoFactorRequired(this UponApp app) =>
        app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<TwoFactorRule>();
            s.AddSingleton(new TwoFactorRule(true));
        }));

    /// <summary>A fresh invited account (no password) and its one-time set-password path.</summary>
    public static async Task<(UponUser User, string Path)> InviteAsync(this UponApp app, string role, string name)
    {
        var email = $"{name}.{Guid.NewGuid():N}@example.org".ToLowerInvariant();
        var created = await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().InviteAsync(email, role, name));
        Assert.True(created.Errors.Count == 0, string.Join("; ", created.Errors));
        return (created.User!, created.SetPasswordPath!);
    }

    public static Task<UponUser?> FindUserAsync(this UponApp app, string email) =>
        app.WithScopeAsync(s => s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(email));

    public static async Task<string> UserIdAsync(this UponApp app, string email) =>
        (await app.FindUserAsync(email))?.Id ?? throw new InvalidOperationException($"No account for {email}.");

    public static Task<List<AuditEvent>> AuditEventsAsync(this UponApp app, string action) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    /// <summary>Posts the sign-in form from a client that has not signed in.</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>Posts the set-password form of an invitation.</summary>
    public static Task<HttpResponseMessage> PostSetPasswordAsync(this HttpClient client, string path, string password, string? confirm = null) =>
        client.PostFormAsync(path, new Dictionary<string, string>
        {
            ["Token"] = path[(path.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..],
            ["Password"] = password,
            ["ConfirmPassword"] = confirm ?? password,
        });

    /// <summary>Where a redirect goes, as a path and query (the cookie handler's redirects are absolute).</summary>
    public static string LocationPath(this HttpResponseMessage response) => response.Headers.Location switch
    {
        null => "",
        { IsAbsoluteUri: true } uri => uri.PathAndQuery,
        var uri => uri.OriginalString,
    };

    /// <summary>The error messages shown beside the fields (not the summary).</summary>
    public static IReadOnlyList<string> FieldErrors(this IDocument document) =>
        [.. document.QuerySelectorAll(".govuk-error-message").Select(e => e.Text().Replace("Error:", "", StringComparison.Ordinal).Trim())];

    public static string Text(this IElement? element) =>
        System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();
}
