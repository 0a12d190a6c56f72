using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Upon.Shared;

/// <summary>
/// Running in Production behind a proxy that ends TLS and forwards plain HTTP. The proxy's <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the addresses in <c>ForwardedHeaders:KnownProxies</c> and the networks
/// in <c>ForwardedHeaders:KnownNetworks</c> (loopback is always trusted). Outside Development a request that is still not
/// HTTPS is redirected to HTTPS when it reads, and refused with 400 when it would change something, because secure
/// cookies and antiforgery tokens only work over HTTPS; the health checks answer over either.
/// </summary>
public static class ProxySupport
{
    public const string ProblemItem = "Upon.Error.Detail";

    public static IServiceCollection AddUponForwardedHeaders(this IServiceCollection services)
    {
        // Read when first used, from the host's configuration as it finally is; a bad address stops the app at start.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var text in Values(configuration, "ForwardedHeaders:KnownProxies"))
            {
                o.KnownProxies.Add(IPAddress.TryParse(text, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{text}' is not an IP address."));
            }
            foreach (var text in Values(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network) ? network
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{text}' is not a network such as 10.0.0.0/8."));
            }
        });
        return services;
    }

    /// <summary>An array setting (<c>KnownProxies:0</c>, <c>KnownProxies:1</c>) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Outside Development: HTTPS or nothing (see <see cref="ProxySupport"/>).</summary>
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return app;
        }
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.IsHttps || ErrorResponses.IsReExecuted(context) || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
                context.Response.Headers.Location = $"https://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
                return;
            }
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProxySupport))
                .LogWarning("Refused {Method} {Path} over plain HTTP: a proxy ending TLS must send X-Forwarded-Proto and be listed in ForwardedHeaders:KnownProxies or KnownNetworks",
                    request.Method, request.Path.Value);
            context.Items[ProblemItem] = "Upon accepts changes only over HTTPS. Use the https:// address.";
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        });
    }
}
