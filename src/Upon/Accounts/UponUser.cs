using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Upon.Accounts;

/// <summary>A person who can sign in to Upon. Their role decides what they may see.</summary>
public class UponUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in, and its open sessions end within a minute.</summary>
    public bool IsDisabled { get; set; }

    public Instant CreatedAt { get; set; }
}
