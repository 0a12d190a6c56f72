using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Upon.Accounts;

/// <summary>
/// Identity's principal of an account (its id, name, roles and security stamp), plus <see cref="TwoFactorRule.EnabledClaim"/>
/// when the account has two-factor sign-in set up. The principal is rebuilt at every sign-in, at every refresh (setting up
/// or turning off two-factor sign-in refreshes it) and at every security stamp check; turning two-factor sign-in on or off
/// changes the stamp, so the account's other sign-ins end at their next stamp check, within the check's interval.
/// </summary>
public sealed class UponClaimsPrincipalFactory(UserManager<UponUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UponUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UponUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(TwoFactorRule.SetUpClaim());
        }
        return identity;
    }
}
