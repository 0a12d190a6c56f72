using Upon.Impact;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Upon.Accounts;
using Upon.Audit;
using Upon.Coaching;
using Upon.Data;
using Upon.Demo;
using Upon.Email;
using Upon.Health;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared;
using Upon.Shared.Hosting;

namespace Upon;

/// <summary>The web app: Razor Pages for people, a JSON API under <c>/api</c> for systems.</summary>
public static class WebApp
{
    public static async Task RunAsync(string[] args)
    {
        // Each step is timed from launch and logged at Debug under Upon.Startup (bench/README.md gives the breakdown).
        var launch = StartGate.SinceLaunch;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var app = Build(args);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartGate.Category);
        log.LogDebug("Start-up: the runtime reached Main {Launch} ms after launch; building the host took {Milliseconds} ms", (long)launch.TotalMilliseconds, watch.ElapsedMilliseconds);
        // The pages' endpoints are built while the database is checked, on another thread: building them reflects over
        // every page model (0.14 to 0.25 s on two cores), and the two have nothing in common. The server starts only once
        // both are done, so a page without an explicit policy still stops it.
        var endpointsChecked = Task.Run(() =>
        {
            var endpointsWatch = System.Diagnostics.Stopwatch.StartNew();
            app.RequireExplicitEndpointPolicies();
            log.LogDebug("Start-up: the endpoints were built and checked in {Milliseconds} ms, on another thread", endpointsWatch.ElapsedMilliseconds);
        });
        var databaseReady = app.Services.InitialiseAsync(app.Configuration.GetValue("Demo:CreateOnEmptyDatabase", true));
        await Task.WhenAll(endpointsChecked, databaseReady);
        watch.Restart();
        // Printed before the server answers, so that whoever sees it answer has been told the demo password.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<DemoData>().PasswordHintAsync() is { } hint)
            {
                Console.WriteLine(hint);
            }
        }
        log.LogDebug("Start-up: demo password hint took {Milliseconds} ms", watch.ElapsedMilliseconds);
        watch.Restart();
        await app.StartAsync();
        log.LogDebug("Start-up: the server started in {Milliseconds} ms, listening {Launch} ms after launch", watch.ElapsedMilliseconds, (long)StartGate.SinceLaunch.TotalMilliseconds);
        await app.WaitForShutdownAsync();
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = UponProgram.DefaultEnvironmentUnlessSet(args),
            // Run from anywhere (dotnet run keeps your working directory): settings and pages ship beside the executable.
            ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        if (builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        builder.Services.AddUpon(builder.Configuration, builder.Environment);
        // Kestrel's own 400s (before the app runs) get the security headers too.
        builder.WebHost.ConfigureKestrel(o => o.ConfigureEndpointDefaults(l => l.UseKestrelRejectionHeaders()));
        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDeniedAuditing>();
        builder.Services.AddUponRateLimits(builder.Configuration);
        // Every request is counted by the first middleware (UseRequestActivity): background work starts once the first is
        // answered (Upon.Shared.Hosting.StartGate), and the memory trimmer waits until none is under way.
        builder.Services.AddSingleton<RequestActivity>();
        builder.Services.AddGatedHostedService<OutboxSender>();
        builder.Services.AddGatedHostedService<Upon.NewDirectors.InvitationBackgroundService>();
        builder.Services.AddGatedHostedService<Upon.DataProtection.RetentionBackgroundService>();
        builder.Services.AddGatedHostedService<Upon.SessionFeedback.FeedbackBackgroundService>();
        builder.Services.AddGatedHostedService<Upon.Aspirants.Apply.EndorsementBackgroundService>();
        // Gives back the memory a burst of requests left behind once the server goes quiet.
        builder.Services.AddGatedHostedService<IdleMemoryTrimmer>();
        // Hands back the code pages read only to start, once the gate has opened and again once the background work has started.
        builder.Services.AddHostedService<StartupCodeRelease>();
        builder.Services.AddDataProtection().SetApplicationName("upon").PersistKeysToDbContext<UponDbContext>();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/").ConfigureApplicationPartManager(RazorPagesOnly);
        builder.Services.AddUponErrorResponses();
        builder.Services.AddUponRequestLimits();
        builder.Services.AddUponForwardedHeaders();
        builder.Services.AddOpenApi();
        builder.Services.AddUponHealthChecks();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var app = builder.Build();
        app.UseRequestActivity();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseUponErrorResponses();
        if (!app.Environment.IsDevelopment())
        {
            // After the error handlers, so that the error page they render carries it too.
            app.UseHsts();
        }
        app.UseHttpsOnly(app.Environment);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseUponRequestLimits();
        // Text inputs are refused with control characters before any page or endpoint sees them.
        app.UseMiddleware<Upon.Shared.Text.ControlCharacterGuard>();
        // An address no page or endpoint answers is a 404 for everyone: without this the fallback policy would send an
        // anonymous visitor to sign in first.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorisation, so that a role that may not use an endpoint still gets 403 rather than 400.
        app.UseApiAntiforgery();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapRegisterApi();
        app.MapInvitationApi();
        app.MapCoachingApi();
        app.MapReturnApi();
        Upon.SessionFeedback.FeedbackApi.MapFeedbackApi(app);
        Upon.Impact.RetentionApi.MapRetentionApi(app);
        app.MapSessionsApi();
        app.MapCalendarFeeds();
        app.MapCoachCalendarFeed();
        app.MapUponHealthChecks();
        return app;
    }

    /// <summary>
    /// Upon has Razor Pages and minimal APIs only: no controllers, view components or tag helpers of its own. MVC's feature
    /// providers for those find them by loading every type in every application part, which for upon.dll means every page,
    /// migration and compiled model of both database providers (and so Npgsql on a SQLite server): type data the server
    /// then keeps for nothing. The pages themselves are found from the compiled views, which this leaves in place.
    /// </summary>
    private static void RazorPagesOnly(ApplicationPartManager parts)
    {
        foreach (var scanner in parts.FeatureProviders.Where(p => p is ControllerFeatureProvider or ViewComponentFeatureProvider or TagHelperFeatureProvider).ToList())
        {
            parts.FeatureProviders.Remove(scanner);
        }
    }

    /// <summary>
    /// Builds every endpoint (for the pages, reflecting over each page model) and fails if one has no explicit
    /// authorisation policy (<see cref="AccountsSetup.RequireExplicitPolicies"/>). <see cref="RunAsync"/> runs it before
    /// the server starts.
    /// </summary>
    public static void RequireExplicitEndpointPolicies(this WebApplication app) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).RequireExplicitPolicies();
}
