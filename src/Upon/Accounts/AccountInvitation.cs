using NodaTime;

namespace Upon.Accounts;

/// <summary>A single-use link to set a password, sent when an account is created; only a hash of its token is stored.</summary>
public class AccountInvitation
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string TokenHash { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant ExpiresAt { get; set; }
    public Instant? UsedAt { get; set; }
}
