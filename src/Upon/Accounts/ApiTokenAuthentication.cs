using System.Security.Claims;
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
    ApiTokenService tokens, IOptions<IdentityOptions> identity)
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
        if (token is null)
        {
            return AuthenticateResult.Fail("The token is not valid.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(token, identity.Value.ClaimsIdentity), SchemeName));
    }

    /// <summary>
    /// The owner's principal with the claims Identity's own factory gives (id, user name, email, security stamp, the
    /// account's claims and a claim per role; Upon gives roles no claims of their own) and Upon's factory adds (<see
    /// cref="TwoFactorRule.EnabledClaim"/>), built from the one query of <see cref="ApiTokenService.FindActiveAsync"/>,
    /// and the token's id.
    /// </summary>
    internal static ClaimsPrincipal Principal(ActiveToken token, ClaimsIdentityOptions names)
    {
        var identity = new ClaimsIdentity(IdentityConstants.ApplicationScheme, names.UserNameClaimType, names.RoleClaimType);
        identity.AddClaim(new Claim(names.UserIdClaimType, token.UserId));
        identity.AddClaim(new Claim(names.UserNameClaimType, token.UserName ?? ""));
        if (token.Email is not null)
        {
            identity.AddClaim(new Claim(names.EmailClaimType, token.Email));
        }
        if (token.SecurityStamp is not null)
        {
            identity.AddClaim(new Claim(names.SecurityStampClaimType, token.SecurityStamp));
        }
        identity.AddClaims(token.Claims);
        if (token.TwoFactorEnabled)
        {
            identity.AddClaim(TwoFactorRule.SetUpClaim());
        }
        identity.AddClaims(token.Roles.Select(role => new Claim(names.RoleClaimType, role)));
        identity.AddClaim(new Claim(SignInClaims.ApiToken, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(identity);
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
