using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Upon.Accounts;

/// <summary>
/// The claims an interactive sign-in carries in its cookie: when the person last proved who they are (the password, a
/// security code or a passkey), which sign-in this is, and the passkey it used. An API token's principal carries
/// <see cref="ApiToken"/> instead, and never these.
/// </summary>
public static class SignInClaims
{
    /// <summary>When the password, a second factor or a passkey was last entered, in Unix seconds (OpenID Connect's name).</summary>
    public const string AuthTime = "auth_time";

    /// <summary>The id of this interactive sign-in: the tokens created in it record it.</summary>
    public const string SignInId = "upon:sign_in";

    /// <summary>The credential id (base64url) of the passkey this sign-in used, when it used one.</summary>
    public const string Passkey = "upon:passkey";

    /// <summary>The id of the API token a request authenticated with.</summary>
    public const string ApiToken = "upon:api_token";

    /// <summary>How recent a sign-in must be to create a credential (token, passkey, two-factor, password).</summary>
    public static readonly Duration RecentSignIn = Duration.FromMinutes(15);

    /// <summary>The claims a sign-in keeps when its principal is rebuilt (security stamp check, refresh).</summary>
    private static readonly string[] Kept = [AuthTime, SignInId, Passkey, ClaimTypes.AuthenticationMethod, "amr"];

    public static bool IsApiToken(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == ApiToken);

    /// <summary>When this person last proved who they are, or null (not an interactive sign-in).</summary>
    public static Instant? AuthenticatedAt(this ClaimsPrincipal user) =>
        !user.IsApiToken() && long.TryParse(user.FindFirstValue(AuthTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? Instant.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Whether this is an interactive sign-in whose password, second factor or passkey was entered in the last 15 minutes.</summary>
    public static bool SignedInRecently(this ClaimsPrincipal user, Instant now) =>
        user.AuthenticatedAt() is { } at && now - at <= RecentSignIn && at <= now + Duration.FromMinutes(1);

    public static Claim AuthTimeClaim(Instant at) => new(AuthTime, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>Whether a claim of this type belongs to the sign-in (carried over when its principal is rebuilt).</summary>
    public static bool IsKept(string type) => Kept.Contains(type, StringComparer.Ordinal);

    /// <summary>The claims of <paramref name="user"/> to carry over to a rebuilt principal.</summary>
    public static List<Claim> KeptFrom(ClaimsPrincipal? user) =>
        [.. user?.Claims.Where(c => Kept.Contains(c.Type, StringComparer.Ordinal)).Select(c => new Claim(c.Type, c.Value, c.ValueType)) ?? []];
}

/// <summary>
/// Identity's sign-in, which also stamps every interactive sign-in with <see cref="SignInClaims.AuthTime"/> and a
/// <see cref="SignInClaims.SignInId"/>, and keeps them when the cookie is refreshed (so a refresh is not a re-authentication).
/// </summary>
public sealed class UponSignInManager(
    UserManager<UponUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<UponUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<UponUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UponUser> confirmation, IClock clock)
    : SignInManager<UponUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override Task SignInWithClaimsAsync(UponUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        if (!claims.Exists(c => c.Type == SignInClaims.AuthTime))
        {
            // A new interactive sign-in: the person has just proved who they are.
            claims.Add(SignInClaims.AuthTimeClaim(clock.GetCurrentInstant()));
        }
        if (!claims.Exists(c => c.Type == SignInClaims.SignInId))
        {
            claims.Add(new Claim(SignInClaims.SignInId, Guid.NewGuid().ToString("N")));
        }
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>Renews the cookie (after a security stamp change) keeping when and how the person signed in.</summary>
    public override async Task RefreshSignInAsync(UponUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (current.Principal is null || current.Principal.FindFirstValue(ClaimTypes.NameIdentifier) != user.Id)
        {
            await base.RefreshSignInAsync(user);
            return;
        }
        await SignInWithClaimsAsync(user, current.Properties, SignInClaims.KeptFrom(current.Principal));
    }

    /// <summary>Records that the person has just re-entered their password (or a second factor) on this sign-in.</summary>
    public async Task ConfirmedAsync(UponUser user)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var claims = SignInClaims.KeptFrom(current.Principal).Where(c => c.Type != SignInClaims.AuthTime).ToList();
        claims.Add(SignInClaims.AuthTimeClaim(clock.GetCurrentInstant()));
        await SignInWithClaimsAsync(user, current.Properties, claims);
    }
}
