using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Upon.Shared.Security;

namespace Upon.Accounts;

/// <summary>
/// Whether staff (administrators and partner staff) must use two-factor sign-in: <c>Accounts:RequireTwoFactorForStaff</c>
/// (default true), never in the Development environment. Until such a person has set up an authenticator app they may
/// only reach <c>/account/two-factor</c>, signing out, the error pages and static files.
/// </summary>
public sealed class TwoFactorRule(bool required)
{
    public const string SettingName = "Accounts:RequireTwoFactorForStaff";

    /// <summary>The page that sets up an authenticator app.</summary>
    public const string SetUpPath = "/account/two-factor";

    /// <summary>The policy of the set-up page: signed in, and nothing more.</summary>
    public const string SetUpPolicy = "TwoFactorSetUp";

    /// <summary>
    /// Carried by the principal of an account with two-factor sign-in set up (<see cref="UponClaimsPrincipalFactory"/>), so
    /// that a staff request need not read the account to apply the rule.
    /// </summary>
    public const string EnabledClaim = "upon:two_factor";

    /// <summary>The <see cref="EnabledClaim"/> a principal is given when its account has two-factor sign-in set up.</summary>
    public static Claim SetUpClaim() => new(EnabledClaim, "true");

    /// <summary>Whether <paramref name="user"/> was given <see cref="SetUpClaim"/>.</summary>
    public static bool SaysSetUp(ClaimsPrincipal user) => user.HasClaim(EnabledClaim, "true");

    /// <summary>Set in <see cref="HttpContext.Items"/> when a request was refused only because two-factor sign-in is not set up.</summary>
    public const string SetUpNeededItem = "upon.two-factor-set-up-needed";

    /// <summary>Whether the rule is on for this host.</summary>
    public bool Required { get; } = required;

    public static bool IsRequired(bool setting, bool isDevelopment) => setting && !isDevelopment;

    /// <summary>Whether an account of these roles must use two-factor sign-in.</summary>
    public bool AppliesTo(IEnumerable<string> roles) => Required && roles.Any(IsStaffRole);

    public bool AppliesTo(ClaimsPrincipal user) => Required && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PartnerStaff));

    /// <summary>The decision: an account of these roles, with two-factor sign-in on or off, must set it up before anything else.</summary>
    public bool MustSetUp(IEnumerable<string> roles, bool twoFactorEnabled) => !twoFactorEnabled && AppliesTo(roles);

    private static bool IsStaffRole(string role) => role is Roles.Administrator or Roles.PartnerStaff;
}

/// <summary>Met unless the signed-in person must set up two-factor sign-in first (see <see cref="TwoFactorRule"/>).</summary>
public sealed class TwoFactorSetUpRequirement : IAuthorizationRequirement
{
    public static readonly TwoFactorSetUpRequirement Instance = new();
}

public sealed class TwoFactorSetUpHandler(TwoFactorRule rule, IServiceProvider services) : AuthorizationHandler<TwoFactorSetUpRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorSetUpRequirement requirement)
    {
        // Only staff outside Development pay for the look-up of the account.
        if (!rule.AppliesTo(context.User))
        {
            context.Succeed(requirement);
            return;
        }
        // An account with two-factor sign-in set up says so in its principal; turning it off changes the security stamp,
        // which ends the sign-in at the next stamp check (within a minute), as for a disabled account.
        if (TwoFactorRule.SaysSetUp(context.User))
        {
            context.Succeed(requirement);
            return;
        }
        // A principal made before two-factor sign-in was set up: the account is read. The user manager (and its stores
        // and token providers) is made only for a request the rule applies to.
        var users = services.GetRequiredService<UserManager<UponUser>>();
        var user = await users.GetUserAsync(context.User);
        if (user is not null && await users.GetTwoFactorEnabledAsync(user))
        {
            context.Succeed(requirement);
            return;
        }
        var http = context.Resource as HttpContext ?? (context.Resource as Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext)?.HttpContext;
        if (http is not null)
        {
            http.Items[TwoFactorRule.SetUpNeededItem] = true;
        }
        context.Fail(new AuthorizationFailureReason(this, "Two-factor sign-in must be set up first"));
    }
}
