using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Figures;

namespace Upon.Accounts;

/// <summary>
/// Creates, lists and revokes personal API tokens. A token is shown once, when it is created. Only an interactive sign-in
/// (on the tokens page) or an operator (<c>upon tokens create</c>) creates one, never another token; disabling the
/// account, setting a new password and removing the passkey it was created with revoke it.
/// </summary>
public sealed class ApiTokenService(UponDbContext db, IClock clock, ApiTokenMemory memory, FigureReader figures)
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
    /// An active (unrevoked) token of an enabled account, with what its principal is made of, or null. A token this
    /// instance has seen costs one command: whether it is still unrevoked and its owner enabled with the same security
    /// stamp, and the data version (given to this request's <see cref="FigureReader"/>, which then need not read it); its
    /// owner's roles, claims and two-factor setting are those remembered while the data version is unchanged (<see
    /// cref="ApiTokenMemory"/>). Otherwise one query reads the token, its owner, the owner's roles and claims.
    /// </summary>
    public async Task<ActiveToken?> FindActiveAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(secret);
        if (memory.Recall(hash) is { } known)
        {
            var version = await CheckAsync(known.Token, cancellationToken);
            if (version is { } current)
            {
                figures.VersionReadWith(current);
            }
            if (version == known.Version)
            {
                var lastUsed = await TouchAsync(known.Token.Id, known.LastUsedAt, cancellationToken);
                if (lastUsed != known.LastUsedAt)
                {
                    memory.Remember(hash, known with { LastUsedAt = lastUsed });
                }
                return known.Token;
            }
            // Revoked, disabled, a new stamp, or changed data (perhaps the owner's roles): read again, as for a new token.
            memory.Forget(hash);
        }
        // Read before the token, so that a change between the two is seen as a newer version at the next request.
        var readAt = await figures.VersionAsync(cancellationToken);
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
                u.TwoFactorEnabled,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToList(),
                Claims = db.UserClaims.Where(c => c.UserId == u.Id).Select(c => new { c.ClaimType, c.ClaimValue }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            memory.Forget(hash);
            return null;
        }
        var token = new ActiveToken(found.Id, found.UserId, found.UserName, found.Email, found.SecurityStamp, found.TwoFactorEnabled,
            [.. found.Roles.OfType<string>()], [.. found.Claims.Where(c => c.ClaimType is not null).Select(c => new Claim(c.ClaimType!, c.ClaimValue ?? ""))]);
        memory.Remember(hash, new ApiTokenMemory.Entry(token, readAt, await TouchAsync(found.Id, found.LastUsedAt, cancellationToken)));
        return token;
    }

    /// <summary>
    /// A usage timestamp, not a change to audit: written directly, at most once a minute (by each instance), so that a
    /// program calling the API many times a second does not turn each read into a write. Gives the last use now recorded.
    /// </summary>
    private async Task<Instant?> TouchAsync(int tokenId, Instant? lastUsedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (lastUsedAt is { } last && now - last < LastUsedPrecision)
        {
            return lastUsedAt;
        }
        await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        return now;
    }

    // The check of a remembered token, one statement per model (its table and column names from the model).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.EntityFrameworkCore.Metadata.IModel, string> CheckSql = new();

    private static string BuildCheckSql(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        static string Column(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, string property) =>
            $"\"{entity.FindProperty(property)!.GetColumnName(Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))}\"";
        var tokens = model.FindEntityType(typeof(ApiToken))!;
        var users = model.FindEntityType(typeof(UponUser))!;
        var versions = model.FindEntityType(typeof(DataVersion))!;
        // Both by primary key: the token, its owner, the one row of the data version.
        return $"SELECT CASE WHEN EXISTS (SELECT 1 FROM \"{tokens.GetTableName()}\" t " +
            $"JOIN \"{users.GetTableName()}\" u ON u.{Column(users, nameof(UponUser.Id))} = t.{Column(tokens, nameof(ApiToken.UserId))} " +
            $"WHERE t.{Column(tokens, nameof(ApiToken.Id))} = {{0}} AND t.{Column(tokens, nameof(ApiToken.RevokedAt))} IS NULL " +
            $"AND NOT u.{Column(users, nameof(UponUser.IsDisabled))} AND COALESCE(u.{Column(users, nameof(UponUser.SecurityStamp))}, '') = {{1}}) " +
            $"THEN v.{Column(versions, nameof(DataVersion.Version))} ELSE -1 END AS \"Value\" " +
            $"FROM \"{versions.GetTableName()}\" v WHERE v.{Column(versions, nameof(DataVersion.Id))} = {DataVersion.RowId}";
    }

    /// <summary>
    /// In one command: the data version when <paramref name="token"/> is still unrevoked and its owner enabled with the
    /// same security stamp, otherwise null.
    /// </summary>
    private async Task<long?> CheckAsync(ActiveToken token, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQueryRaw<long>(CheckSql.GetValue(db.Model, BuildCheckSql), token.Id, token.SecurityStamp ?? "")
            .ToListAsync(cancellationToken);
        return rows is [>= 0 and var version] ? version : null;
    }
}

/// <summary>
/// An active token and its owner: the owner's id, names, security stamp, whether two-factor sign-in is set up, roles and
/// own claims. Turning two-factor sign-in on or off changes the stamp, so a remembered token is read again after it.
/// </summary>
public sealed record ActiveToken(int Id, string UserId, string? UserName, string? Email, string? SecurityStamp, bool TwoFactorEnabled,
    IReadOnlyList<string> Roles, IReadOnlyList<Claim> Claims);
