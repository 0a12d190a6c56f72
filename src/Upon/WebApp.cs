using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Upon.Accounts;
using Upon.Audit;
using Upon.Data;
using Upon.Email;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared;

namespace Upon;

/// <summary>The web app: Razor Pages for people, a JSON API under <c>/api</c> for systems.</summary>
public static class WebApp
{
    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.Services.InitialiseAsync(app.Configuration.GetValue("Demo:CreateOnEmptyDatabase", true));
        await app.RunAsync();
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Run from anywhere (dotnet run keeps your working directory): settings and pages ship beside the executable.
            ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
        });
        builder.Services.AddUpon(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessDeniedAuditing>();
        builder.Services.AddUponRateLimits(builder.Configuration);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        builder.Services.AddHostedService<Upon.NewDirectors.InvitationBackgroundService>();
        builder.Services.AddDataProtection().SetApplicationName("upon").PersistKeysToDbContext<UponDbContext>();
        builder.Services.AddRazorPages(options => options.RootDirectory = "/");
        builder.Services.AddUponErrorResponses();
        builder.Services.AddUponRequestLimits();
        builder.Services.AddUponForwardedHeaders();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        var app = builder.Build();
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
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapRegisterApi();
        app.MapInvitationApi();
        app.MapSessionsApi();
        app.MapCalendarFeeds();
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).RequireExplicitPolicies();
        return app;
    }
}
