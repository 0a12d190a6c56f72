using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Upon.Accounts;

/// <summary>
/// Authenticates <c>Authorization: Bearer upon_...</c> under <c>/api</c> as the token's owner, with that owner's role; the
/// principal carries <see cref="SignInClaims.ApiToken"/>, which every policy refuses outside <c>/api</c>.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenService tokens, UserManager<UponUser> users, IUserClaimsPrincipalFactory<UponUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The scheme that picks the token handler for bearer requests and the sign-in cookie otherwise.</summary>
    public const string CookieOrToken = "CookieOrToken";

    /// <summary>Whether the request is for the JSON API, the only place a token is accepted.</summary>
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static bool HasBearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBearer(Context) || !IsApi(Context))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId);
        if (token is null || user is null || user.IsDisabled)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }
        var principal = await principals.CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(
            new System.Security.Claims.Claim(SignInClaims.ApiToken, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "A valid API token is required" },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "Forbidden", Detail = "Your role may not use this endpoint." },
        });
    }
}
