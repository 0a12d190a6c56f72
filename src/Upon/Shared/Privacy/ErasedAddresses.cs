namespace Upon.Shared.Privacy;

/// <summary>
/// The address an erased person's email becomes (<c>erased-7f3a2c91@erased.invalid</c>): never a real one, as
/// <c>.invalid</c> is reserved. Features leave such people out of what they send and match.
/// </summary>
public static class ErasedAddresses
{
    /// <summary>The domain of every erased address.</summary>
    public const string Domain = "erased.invalid";

    /// <summary>How every erased address ends, for queries (<c>!p.Email.EndsWith(ErasedAddresses.End)</c>).</summary>
    public const string End = "@" + Domain;

    /// <summary>Whether <paramref name="email"/> is an erased person's address.</summary>
    public static bool IsErased(string? email) => email is not null && email.EndsWith(End, StringComparison.OrdinalIgnoreCase);
}
