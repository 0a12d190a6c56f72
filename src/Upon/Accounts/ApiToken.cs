using NodaTime;

namespace Upon.Accounts;

/// <summary>A personal API token: requests with <c>Authorization: Bearer &lt;token&gt;</c> act as its owner. Only a hash is stored.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so its owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string TokenHash { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? LastUsedAt { get; set; }
    public Instant? RevokedAt { get; set; }

    /// <summary>The interactive sign-in (<see cref="SignInClaims.SignInId"/>) it was created in; null when an operator made it with <c>upon tokens create</c>.</summary>
    public string? CreatedInSignIn { get; set; }

    /// <summary>The passkey (credential id, base64url) that sign-in used, if any: removing that passkey revokes the token.</summary>
    public string? CreatedWithPasskey { get; set; }
}
