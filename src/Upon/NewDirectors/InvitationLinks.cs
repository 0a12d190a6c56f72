using Microsoft.AspNetCore.DataProtection;
using Upon.Accounts;

namespace Upon.NewDirectors;

/// <summary>
/// The secret in an invitation's link. The database keeps its hash, to find the invitation, and a copy encrypted with the
/// app's data-protection keys, so that reminders carry the same link.
/// </summary>
public sealed class InvitationLinks(IDataProtectionProvider dataProtection, IConfiguration configuration)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Upon.NewDirectors.InvitationLink");

    public string BaseUrl => Upon.Shared.AppLinks.BaseUrl(configuration);

    public static string PathFor(string secret) => $"/invitations/{secret}";

    /// <summary>Gives the invitation a new secret and returns its link.</summary>
    public string Issue(DirectorInvitation invitation)
    {
        var secret = SecretTokens.New();
        invitation.TokenHash = SecretTokens.Hash(secret);
        invitation.ProtectedToken = _protector.Protect(secret);
        return BaseUrl + PathFor(secret);
    }

    /// <summary>The link the invitation was sent with, or null when it has none (never sent, or keys lost).</summary>
    public string? LinkOf(DirectorInvitation invitation)
    {
        if (invitation.ProtectedToken is null)
        {
            return null;
        }
        try
        {
            return BaseUrl + PathFor(_protector.Unprotect(invitation.ProtectedToken));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
