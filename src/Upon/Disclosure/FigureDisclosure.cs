using System.Security.Claims;
using Microsoft.Extensions.Options;
using Upon.Shared.Security;
using Upon.Core.Disclosure;

namespace Upon.Disclosure;

/// <summary>
/// Which <see cref="DisclosureRule"/> applies to whom. Administrators and partner staff see the exact figures. Everyone
/// else who may see aggregate figures, the funder, sees them with small numbers suppressed: a role that is not staff
/// gets the suppressed figures, so a new role fails closed.
/// </summary>
public sealed class FigureDisclosure(IOptions<DisclosureOptions> options)
{
    /// <summary>The rule for the funder, from <c>Disclosure:SmallNumberThreshold</c>.</summary>
    public DisclosureRule Suppression { get; } = new(options.Value.SmallNumberThreshold);

    public DisclosureRule RuleFor(ClaimsPrincipal user) => SeesExactFigures(user) ? DisclosureRule.None : Suppression;

    public static bool SeesExactFigures(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PartnerStaff);
    }
}
