using Microsoft.Net.Http.Headers;

namespace Upon.Shared;

/// <summary>
/// Security headers on every response, error pages and static files included: a Content-Security-Policy with no inline
/// script and no framing, no MIME sniffing, a strict referrer policy, and no caching of anything but static assets.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // An SVG chart is an image: it may style itself, but it runs nothing and loads nothing.
    private const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

    private static readonly string[] StaticPrefixes = ["/css/", "/js/", "/assets/"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var isSvg = context.Response.ContentType?.StartsWith(Upon.Shared.Figures.FigureReader.SvgContentType, StringComparison.OrdinalIgnoreCase) == true;
            headers[HeaderNames.ContentSecurityPolicy] = isSvg ? SvgPolicy : ContentSecurityPolicy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            var isStatic = StaticPrefixes.Any(p => context.Request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
            // A figure's own "private, no-cache" (with its ETag) is kept: it may be stored, and is always revalidated.
            if (!isStatic && headers[HeaderNames.CacheControl] != Upon.Shared.Figures.FigureReader.CacheControl)
            {
                headers[HeaderNames.CacheControl] = "no-store";
                headers[HeaderNames.Pragma] = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });
}
