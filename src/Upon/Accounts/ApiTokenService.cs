using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Accounts;

/// <summary>
/// Creates, lists and revokes personal API tokens. A token is shown once, when it is created. Only an interactive sign-in
/// (on the tokens page) or an operator (<c>upon tokens create</c>) creates one, never another token; disabling the
/// account, setting a new password and removing the passkey it was created with revoke it.
/// </summary>
public sealed class ApiTokenService(UponDbContext db, IClock clock)
{
    public const string TokenPrefix = "upon_";

    /// <summary>A token made by an operator on the command line, outside any sign-in.</summary>
    public Task<(ApiToken Token, string Secret)> CreateByOperatorAsync(string userId, string name, CancellationToken cancellationToken = default) =>
        CreateAsync(userId, name, null, null, cancellationToken);

    /// <summary>A token made by the signed-in person; it records the sign-in and the passkey it used.</summary>
    public Task<(ApiToken Token, string Secret)> CreateInSignInAsync(ClaimsPrincipal signedIn, string name, CancellationToken cancellationToken = default)
    {
        if (signedIn.IsApiToken() || signedIn.FindFirstValue(SignInClaims.SignInId) is not { } signInId)
        {
            throw new InvalidOperationException("Only an interactive sign-in creates API tokens.");
        }
        return CreateAsync(signedIn.FindFirstValue(ClaimTypes.NameIdentifier)!, name, signInId, signedIn.FindFirstValue(SignInClaims.Passkey), cancellationToken);
    }

    private async Task<(ApiToken Token, string Secret)> CreateAsync(string userId, string name, string? signInId, string? passkey, CancellationToken cancellationToken)
    {
        var secret = TokenPrefix + SecretTokens.New();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..12],
            TokenHash = SecretTokens.Hash(secret),
            CreatedAt = clock.GetCurrentInstant(),
            CreatedInSignIn = signInId,
            CreatedWithPasskey = passkey,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public Task<List<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens; false if they have no such token.</summary>
    public async Task<bool> RevokeAsync(string userId, int tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt ??= clock.GetCurrentInstant();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes every active token of the account (it was disabled, or its password was set anew).</summary>
    public Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        return db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>Revokes the active tokens created in sign-ins that used this passkey (it was removed).</summary>
    public Task<int> RevokeCreatedWithPasskeyAsync(string userId, string passkey, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        return db.ApiTokens.Where(t => t.UserId == userId && t.CreatedWithPasskey == passkey && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
    }

    /// <summary>How precisely a token's last use is kept: it is written when it is older than this.</summary>
    public static readonly NodaTime.Duration LastUsedPrecision = NodaTime.Duration.FromMinutes(1);

    /// <summary>
    /// An active (unrevoked) token of an enabled account, with what its principal is made of, or null. One query reads the
    /// token, its owner, the owner's roles and claims, so that authenticating a request costs one round trip.
    /// </summary>
    public async Task<ActiveToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(secret);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users.Where(u => !u.IsDisabled), t => t.UserId, u => u.Id, (t, u) => new
            {
                t.Id,
                t.LastUsedAt,
                UserId = u.Id,
                u.UserName,
                u.Email,
                u.SecurityStamp,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
                Claims = db.UserClaims.Where(c => c.UserId == u.Id).Select(c => new { c.ClaimType, c.ClaimValue }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        // A usage timestamp, not a change to audit: written directly, at most once a minute, so that a program calling
        // the API many times a second does not turn each read into a write.
        var now = clock.GetCurrentInstant();
        if (found.LastUsedAt is not { } last || now - last >= LastUsedPrecision)
        {
            await db.ApiTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return new ActiveToken(found.Id, found.UserId, found.UserName, found.Email, found.SecurityStamp,
            [.. found.Roles.OfType<string>()], [.. found.Claims.Where(c => c.ClaimType is not null).Select(c => new Claim(c.ClaimType!, c.ClaimValue ?? ""))]);
    }
}

/// <summary>An active token and its owner: the owner's id, names, security stamp, roles and own claims.</summary>
public sealed record ActiveToken(int Id, string UserId, string? UserName, string? Email, string? SecurityStamp, IReadOnlyList<string> Roles, IReadOnlyList<Claim> Claims);
