using Microsoft.AspNetCore.Diagnostics;

namespace Upon.Shared;

/// <summary>
/// Errors by kind of request. Under <c>/api</c> every error is ProblemDetails JSON: an exception, a status without a body
/// (404, 405, 400 from binding, 401, 403, 413). Everything else gets the HTML error page at <c>/error/{status}</c>.
/// Exceptions that are the client's fault (a malformed request, a body too large) keep their 4xx status.
/// </summary>
public static class ErrorResponses
{
    /// <summary>Whether this is the error page being rendered for a request that already failed.</summary>
    public static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddUponErrorResponses(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.HttpContext.Items[ProxySupport.ProblemItem] is string detail)
            {
                context.ProblemDetails.Detail = detail;
            }
            if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
            {
                context.ProblemDetails.Title = "Request too large";
                context.ProblemDetails.Detail ??= "The request is larger than this endpoint accepts." +
                    (context.HttpContext.Items[RequestLimits.MaxBytesItem] is long limit ? " " + RequestLimits.Describe(limit) : "");
            }
            else if (context.ProblemDetails.Status >= 500)
            {
                // Never the exception's message or stack: a reference to quote, as the error page gives.
                context.ProblemDetails.Detail = "Sorry, there is a problem with the service. If you report it, quote the reference.";
                context.ProblemDetails.Extensions["reference"] = context.HttpContext.TraceIdentifier;
                context.ProblemDetails.Extensions.Remove("exception");
            }
        });

    public static IApplicationBuilder UseUponErrorResponses(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", StatusCodeSelector = StatusOf });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        return app;
    }

    /// <summary>The status of a request that failed with <paramref name="exception"/>: the client's errors keep theirs.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        _ when RequestLimits.IsTooLarge(exception) => StatusCodes.Status413PayloadTooLarge,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
