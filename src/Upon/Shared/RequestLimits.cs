using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Upon.Shared;

/// <summary>
/// How large a request may be. Each endpoint may say (<c>[RequestSizeLimit]</c> on the register upload and the attendance
/// report import); everything else takes <see cref="DefaultMaxBodyBytes"/>, and no form field may be longer than
/// <see cref="MaxFormValueBytes"/>. A request over its limit answers 413, as ProblemDetails under <c>/api</c> and as the
/// error page otherwise, and is logged as a warning: never a 500.
/// </summary>
public static class RequestLimits
{
    /// <summary>The largest body of a request to an endpoint that does not set its own limit: 1 MB.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>The longest value of one form field: 1 MB (ASP.NET Core's default is 4 MB).</summary>
    public const int MaxFormValueBytes = 1024 * 1024;

    public static IServiceCollection AddUponRequestLimits(this IServiceCollection services)
    {
        services.Configure<FormOptions>(o => o.ValueLengthLimit = MaxFormValueBytes);
        // Kestrel's own limit is the largest any endpoint allows; each request is then held to its endpoint's.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = DefaultMaxBodyBytes);
        return services;
    }

    /// <summary>Holds each request to its endpoint's limit; runs after routing, so the endpoint is known.</summary>
    public static IApplicationBuilder UseUponRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ErrorResponses.IsReExecuted(context))
        {
            // The error page for a request already refused (or failed): it reads no body.
            await next(context);
            return;
        }
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength is { } length && length > limit)
        {
            TooLarge(context, limit, $"{length:N0} bytes declared");
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsTooLarge(e) && !context.Response.HasStarted)
        {
            TooLarge(context, limit, e.Message);
        }
    });

    /// <summary>
    /// Whether reading the request failed on a limit: Kestrel's 413, or a form longer than the form limits (which the
    /// antiforgery check wraps).
    /// </summary>
    public static bool IsTooLarge(Exception? e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
        InvalidDataException invalid => invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase),
        AntiforgeryValidationException antiforgery => IsTooLarge(antiforgery.InnerException),
        _ => false,
    };

    private static void TooLarge(HttpContext context, long limit, string detail)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLimits))
            .LogWarning("Refused an oversized request: {Method} {Path} over its limit of {Limit} bytes ({Detail})",
                context.Request.Method, context.Request.Path.Value, limit, detail);
        // The error page or ProblemDetails is written by the status code pages, by the kind of request.
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Items[MaxBytesItem] = limit;
    }

    /// <summary>The key under which the limit a request broke is kept for the error page and the problem's detail.</summary>
    public const string MaxBytesItem = "Upon.RequestLimits.MaxBytes";

    /// <summary>"The largest request this page accepts is 11 MB."</summary>
    public static string Describe(long limit) => limit >= 1024 * 1024
        ? $"The largest request accepted here is {limit / (1024.0 * 1024):0.#} MB."
        : $"The largest request accepted here is {limit / 1024.0:0.#} KB.";
}
