using System.Security.Cryptography;
using System.Text;

namespace Upon.Accounts;

/// <summary>Random secrets handed out once (invitation links, API tokens) and the hash under which they are stored.</summary>
public static class SecretTokens
{
    /// <summary>256 random bits, base64url without padding, safe in a URL or a header.</summary>
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form: SHA-256 as hex. A high-entropy secret needs no salt or slow hash.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
