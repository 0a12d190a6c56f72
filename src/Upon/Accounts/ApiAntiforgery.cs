using Microsoft.AspNetCore.Antiforgery;

namespace Upon.Accounts;

/// <summary>
/// A request under <c>/api</c> that changes something (POST, PUT, PATCH, DELETE) and is signed in with the sign-in cookie
/// must carry the antiforgery token in the <c>RequestVerificationToken</c> header, as the pages' forms do; otherwise it
/// is refused with 400 ProblemDetails before the endpoint runs. A request with an API token needs none: a browser never
/// sends one by itself, so another site cannot forge it.
/// </summary>
public static class ApiAntiforgery
{
    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (ApiTokenAuthentication.IsApi(context) && IsUnsafe(context.Request.Method)
            && context.User.Identity?.IsAuthenticated == true && !context.User.IsApiToken()
            && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiAntiforgery))
                .LogWarning("Refused {Method} {Path}: signed in with the cookie but no valid antiforgery token", context.Request.Method, context.Request.Path);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Antiforgery token missing or invalid",
                    Detail = "A request signed in with the sign-in cookie must send the page's antiforgery token in the RequestVerificationToken header. Programs should use an API token instead.",
                },
            });
            return;
        }
        await next();
    });

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}
