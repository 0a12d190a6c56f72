using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Data;
using Upon.Email;

namespace Upon.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (the database is reachable, every migration is
/// applied and the outbox is not stuck), for load balancers and operators. Anonymous, and they answer only
/// <c>Healthy</c> or <c>Unhealthy</c> (200 or 503): the reasons are logged, never shown.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddUponHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag])
            .AddCheck<OutboxFlowingCheck>("outbox", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapUponHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}

/// <summary>The database answers and has every migration this build ships.</summary>
public sealed class DatabaseReadyCheck(UponDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }
            // This build's migrations from its creation script: EF Core's GetPendingMigrations finds them by loading every
            // type in the assembly, which a probe polled every few seconds should not do.
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var pending = DatabaseSetup.MigrationIds(db.Database.Provider())
                .Where(id => !applied.Contains(id)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migrations are not applied: {string.Join(", ", pending)}.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}

/// <summary>
/// The outbox is not stuck: no email that may still be tried has been due for longer than <see cref="StuckAfter"/>
/// (the sender is off, or every attempt fails).
/// </summary>
public sealed class OutboxFlowingCheck(UponDbContext db, IClock clock, IOptions<EmailOptions> options) : IHealthCheck
{
    public static readonly Duration StuckAfter = Duration.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var before = clock.GetCurrentInstant() - StuckAfter;
        var maxAttempts = options.Value.MaxAttempts;
        var stuck = await db.OutboxMessages.AsNoTracking()
            .CountAsync(m => m.SentAt == null && m.Attempts < maxAttempts && m.NextAttemptAt < before, cancellationToken);
        return stuck == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"{stuck} emails have waited more than {StuckAfter.TotalMinutes} minutes to be sent.");
    }
}
