using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Upon.Accounts;

/// <summary>
/// Rate limits per client address on sign-in, password setting and public forms: past the limit the answer is
/// 429 Too Many Requests with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicForms = "public-forms";

    public static IServiceCollection AddUponRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPermits = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var formPermits = configuration.GetValue("RateLimits:PublicFormsPerMinute", 5);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(SignIn, context => PerClient(context, signInPermits));
            options.AddPolicy(PublicForms, context => PerClient(context, formPermits));
        });
        return services;
    }

    // Only form submissions count: reading the sign-in page is free.
    private static RateLimitPartition<string> PerClient(HttpContext context, int permitsPerMinute) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}
