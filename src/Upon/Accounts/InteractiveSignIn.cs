using Microsoft.AspNetCore.Authorization;
using NodaTime;

namespace Upon.Accounts;

/// <summary>
/// Part of every policy: a principal that came from an API token is refused anywhere but under <c>/api</c>. The scheme
/// selector already reads tokens only there; this holds even if an endpoint names the token scheme itself.
/// </summary>
public sealed class InteractiveOutsideApiRequirement : IAuthorizationRequirement
{
    public static readonly InteractiveOutsideApiRequirement Instance = new();
}

public sealed class InteractiveOutsideApiHandler : AuthorizationHandler<InteractiveOutsideApiRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InteractiveOutsideApiRequirement requirement)
    {
        var http = context.Resource as HttpContext ?? (context.Resource as Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext)?.HttpContext;
        if (!context.User.IsApiToken() || (http is not null && ApiTokenAuthentication.IsApi(http)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, "An API token is accepted under /api only"));
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Creating a credential (an API token, a passkey, two-factor sign-in, a password) needs an interactive sign-in whose
/// password or second factor was entered in the last 15 minutes. Otherwise the person is sent to confirm their password
/// and comes back where they were.
/// </summary>
public sealed class RecentSignInRequirement : IAuthorizationRequirement
{
    public static readonly RecentSignInRequirement Instance = new();

    /// <summary>The page where the person re-enters their password.</summary>
    public const string ConfirmPath = "/account/confirm-password";

    /// <summary>Set in <see cref="HttpContext.Items"/> when a request was refused only because the sign-in is not recent.</summary>
    public const string NeededItem = "upon.recent-sign-in-needed";

    /// <summary>The confirm-password page, returning to this page (a GET keeps its query; a form post returns to its page).</summary>
    public static string ConfirmUrl(HttpRequest request)
    {
        var back = request.PathBase + request.Path + (HttpMethods.IsGet(request.Method) ? request.QueryString : QueryString.Empty);
        return $"{ConfirmPath}?ReturnUrl={Uri.EscapeDataString(back.ToString())}";
    }
}

public sealed class RecentSignInHandler(IClock clock) : AuthorizationHandler<RecentSignInRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecentSignInRequirement requirement)
    {
        if (context.User.SignedInRecently(clock.GetCurrentInstant()))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var http = context.Resource as HttpContext ?? (context.Resource as Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext)?.HttpContext;
        if (http is not null && context.User.Identity?.IsAuthenticated == true && !context.User.IsApiToken())
        {
            http.Items[RecentSignInRequirement.NeededItem] = true;
        }
        context.Fail(new AuthorizationFailureReason(this, "The password must be confirmed first"));
        return Task.CompletedTask;
    }
}
