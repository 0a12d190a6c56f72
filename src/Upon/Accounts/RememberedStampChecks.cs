using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Upon.Accounts;

/// <summary>
/// Identity's security stamp check of a sign-in cookie (<see cref="SecurityStampValidator{TUser}"/>), remembered on this
/// instance for the check's own interval: a cookie older than the interval is checked against the database once, and a
/// request with the same account's cookie and stamp in the interval after that check gets the principal that check built,
/// instead of each request reading the account and its roles again. A change of stamp (a disabled account, a new password,
/// a removed passkey) is still honoured within the interval, as with Identity's own check: a cookie is only ever let
/// through on a check made less than the interval ago. A remembered check does not renew the cookie, so that the next
/// real check is not put off.
/// </summary>
public sealed class RememberedStampChecks(
    IServiceProvider services, StampCheckMemory memory, IOptions<SecurityStampValidatorOptions> options, IOptions<IdentityOptions> identityOptions, TimeProvider time)
    : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interval = options.Value.ValidationInterval;
        var now = (options.Value.TimeProvider ?? time).GetUtcNow();
        var stampType = identityOptions.Value.ClaimsIdentity.SecurityStampClaimType;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = principal?.FindFirstValue(stampType);
        var due = context.Properties.IssuedUtc is not { } issued || now - issued > interval;
        if (!due)
        {
            // Identity's check does nothing either until the interval has passed; its validator (the sign-in manager,
            // the user manager and their stores) is made only when a check is due, not for every request with a cookie.
            return;
        }
        if (principal is not null && userId is not null && stamp is not null && memory.Recall(userId, stamp, now - interval) is { } checkedIdentity)
        {
            var identity = new ClaimsIdentity(checkedIdentity.Claims.Where(c => !SignInClaims.IsKept(c.Type)).Select(c => c.Clone()),
                checkedIdentity.AuthenticationType, checkedIdentity.NameClaimType, checkedIdentity.RoleClaimType);
            identity.AddClaims(SignInClaims.KeptFrom(principal));
            context.ReplacePrincipal(new ClaimsPrincipal(identity));
            return;
        }
        await services.GetRequiredService<SecurityStampValidator<UponUser>>().ValidateAsync(context);
        if (context.ShouldRenew && context.Principal?.Identity is ClaimsIdentity renewed
            && renewed.FindFirst(stampType)?.Value is { } checkedStamp && userId is not null)
        {
            memory.Remember(userId, checkedStamp, now, renewed);
        }
    }
}

/// <summary>This instance's recent security stamp checks (<see cref="RememberedStampChecks"/>), by account.</summary>
public sealed class StampCheckMemory
{
    /// <summary>More accounts than this and the memory starts again.</summary>
    public const int MaxAccounts = 10_000;

    private sealed record Check(string Stamp, DateTimeOffset At, ClaimsIdentity Identity);

    private readonly ConcurrentDictionary<string, Check> _checks = new(StringComparer.Ordinal);

    internal ClaimsIdentity? Recall(string userId, string stamp, DateTimeOffset notBefore) =>
        _checks.TryGetValue(userId, out var check) && check.At >= notBefore && string.Equals(check.Stamp, stamp, StringComparison.Ordinal)
            ? check.Identity
            : null;

    internal void Remember(string userId, string stamp, DateTimeOffset at, ClaimsIdentity identity)
    {
        if (_checks.Count >= MaxAccounts)
        {
            _checks.Clear();
        }
        _checks[userId] = new Check(stamp, at, identity.Clone());
    }
}
