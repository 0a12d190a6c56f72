using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Upon.Accounts;
using Upon.Shared.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using Upon.Data;

namespace Upon.Tests.Infrastructure;

/// <summary>
/// The real web host on a real, fresh database of one provider, with a fake clock set to 25 November 2026 at noon in
/// London. One per test class (a class fixture); use <see cref="SqliteApp"/> or <see cref="PostgresApp"/>.
/// </summary>
public abstract class UponApp(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly Instant DefaultNow = Instant.FromUtc(2026, 11, 25, 12, 0);

    private WebApplicationFactory<Program>? _factory;
    private TestDatabase? _database;

    public DatabaseProvider Provider { get; } = provider;
    public FakeClock Clock { get; } = new(DefaultNow);
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app has not started.");
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The app has not started.");
    public IServiceProvider Services => Factory.Services;

    /// <summary>Set when PostgreSQL is missing outside CI: tests call <see cref="RequireDatabase"/>, which skips them visibly.</summary>
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            _database = await TestDatabase.CreateMigratedAsync(Provider);
        }
        catch (PostgresUnavailableException e) when (!TestEnvironment.IsCi)
        {
            Unavailable = e.Message;
            return;
        }
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(EnvironmentName);
            builder.UseSetting("Database:Provider", Provider.ToString());
            builder.UseSetting("ConnectionStrings:Upon", _database.ConnectionString);
            builder.UseSetting("Demo:CreateOnEmptyDatabase", "false");
            // Tests run the invitations themselves, at the times they choose.
            builder.UseSetting("NewDirectors:InvitationRunMinutes", "0");
            // And the retention run, on the fake clock.
            builder.UseSetting("DataProtection:RetentionRunHours", "0");
            builder.UseSetting("Feedback:RunMinutes", "0");
            builder.UseSetting("Aspirants:EndorsementRunMinutes", "0");
            // The test hosts share one process: a quiet host's full collection would pause every other class's tests, and one
            // host's trims of the C heap would be the whole process's.
            builder.UseSetting(Upon.Shared.Hosting.MemoryTrimPolicy.QuietSetting, "0");
            builder.UseSetting(Upon.Shared.Hosting.MemoryTrimPolicy.NativeWhileServingSetting, "0");
            builder.UseSetting(Upon.Shared.Hosting.StartupCodeRelease.DelaySetting, "0");
            builder.UseSetting("RateLimits:SignInPerMinute", SignInPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:PublicFormsPerMinute", PublicFormPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in Settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IClock>();
                services.AddSingleton<IClock>(Clock);
                ConfigureServices(services);
            });
        });
        await Services.InitialiseAsync(createDemoDataWhenEmpty: false);
        foreach (var role in Roles.All)
        {
            var user = await WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync(EmailFor(role), role, Password, $"Test {role}"));
            if (SignsInEveryRole)
            {
                _cookies[role] = await SignInAsync(EmailFor(role), Password);
            }
            _tokens[role] = (await WithScopeAsync(s => s.GetRequiredService<ApiTokenService>().CreateByOperatorAsync(user.Id, "Tests"))).Secret;
        }
    }

    /// <summary>The password of every test account.</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>How many sign-in attempts a client may make a minute; a rate-limit test lowers it.</summary>
    protected virtual int SignInPermitsPerMinute => 100_000;

    /// <summary>How many public form submissions (report a problem ...) a client may make a minute; a rate-limit test lowers it.</summary>
    protected virtual int PublicFormPermitsPerMinute => 100_000;

    /// <summary>Whether the fixture signs each test account in at start, for <see cref="CreateClient"/>.</summary>
    protected virtual bool SignsInEveryRole => true;

    /// <summary>The host's environment: Development, as the demo accounts run.</summary>
    protected virtual string EnvironmentName => "Development";

    /// <summary>Services a fixture puts around or beside the real ones (a counting decorator, a startup filter), after the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>More configuration for the host (a fixture's mail server, say), read when the host is built.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    private readonly Dictionary<string, CookieCollection> _cookies = [];
    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>The API token of the test account of <paramref name="role"/>.</summary>
    public string ApiTokenFor(string role) => _tokens[role];

    public static string EmailFor(string role) => $"{role.ToLowerInvariant()}@tests.upon.test";

    /// <summary>Signs in through the real sign-in page and returns the cookies it set.</summary>
    public async Task<CookieCollection> SignInAsync(string email, string password)
    {
        var container = new CookieContainer();
        using var client = Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container));
        var response = await client.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}.");
        }
        return container.GetCookies(new Uri("http://localhost"));
    }

    /// <summary>
    /// Call first in every test (they are <c>[SkippableFact]</c>s): outside CI a missing PostgreSQL skips the test and says
    /// why; under CI the fixture has already failed.
    /// </summary>
    public void RequireDatabase() => Skip.If(Unavailable is not null, Unavailable);

    /// <summary>A client signed in as a test account of <paramref name="role"/> (an administrator by default); it keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateClient(string role = Roles.Administrator)
    {
        var container = new CookieContainer();
        container.Add(_cookies[role]);
        return Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container));
    }

    /// <summary>
    /// A client of the JSON API with the API token of a test account of <paramref name="role"/> (an administrator by
    /// default), as a program would call it: no cookies, so no antiforgery token is needed.
    /// </summary>
    public HttpClient CreateApiClient(string role = Roles.Administrator) => Factory.CreateApiClient(_tokens[role]);

    /// <summary>A client that has not signed in.</summary>
    public HttpClient CreateAnonymousClient() => Factory.CreateCookieClient();

    /// <summary>Runs <paramref name="work"/> with a scoped service provider (a DbContext, a service ...).</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<UponDbContext, Task> work) =>
        WithScopeAsync(async s => { await work(s.GetRequiredService<UponDbContext>()); return true; });

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteApp() : UponApp(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : UponApp(DatabaseProvider.Postgres);
