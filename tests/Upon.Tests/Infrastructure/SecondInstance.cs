using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Upon.Tests.Infrastructure;

/// <summary>
/// Another instance of the real web host on the same database as <paramref name="first"/> (and its clock), as a second
/// server behind a load balancer would be: nothing is shared with the first but the database. <paramref name="settings"/>
/// are more configuration (the first's mail server, background runs turned on ...), and <paramref name="configureServices"/>
/// more services (a log capture, say).
/// </summary>
public sealed class SecondInstance(UponApp first, IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configureServices = null) : IAsyncDisposable
{
    private WebApplicationFactory<Program>? _factory;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Call StartAsync first.");

    public IServiceProvider Services => Factory.Services;

    public async Task StartAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", first.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Upon", first.Database.ConnectionString);
            builder.UseSetting("Demo:CreateOnEmptyDatabase", "false");
            builder.UseSetting("NewDirectors:InvitationRunMinutes", "0");
            // Tests start the Aspirant Directors run themselves, on the shared fake clock.
            builder.UseSetting("Aspirants:EndorsementRunMinutes", "0");
            builder.UseSetting("RateLimits:SignInPerMinute", "100000");
            builder.UseSetting("RateLimits:PublicFormsPerMinute", "100000");
            builder.UseSetting(Upon.Shared.Hosting.MemoryTrimPolicy.QuietSetting, "0");
            builder.UseSetting(Upon.Shared.Hosting.MemoryTrimPolicy.NativeWhileServingSetting, "0");
            builder.UseSetting(Upon.Shared.Hosting.StartupCodeRelease.DelaySetting, "0");
            foreach (var (key, value) in settings ?? [])
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IClock>();
                services.AddSingleton<IClock>(first.Clock);
                configureServices?.Invoke(services);
            });
        });
        // As an instance starts: the schema and reference data are found up to date.
        await Services.InitialiseAsync(createDemoDataWhenEmpty: false);
    }

    /// <summary>A client of this instance carrying <paramref name="cookies"/> (from signing in on another instance, say).</summary>
    public HttpClient CreateClient(CookieCollection cookies)
    {
        var container = new CookieContainer();
        container.Add(cookies);
        return Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container));
    }

    /// <summary>A client of this instance's API with <paramref name="token"/>.</summary>
    public HttpClient CreateApiClient(string token) => Factory.CreateApiClient(token);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
