using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;
using Upon.Shared.Text;
using Upon.Shared.Security;

namespace Upon.Accounts;

/// <summary>The outcome of creating an account: the user and their one-time set-password link, or the problems.</summary>
public sealed record AccountCreated(UponUser? User, string? SetPasswordPath, IReadOnlyList<string> Errors);

/// <summary>Creates accounts by invitation, redeems invitations and disables accounts.</summary>
public sealed class AccountService(UponDbContext db, UserManager<UponUser> users, ApiTokenService tokens, IClock clock)
{
    /// <summary>How long an invitation link stays valid.</summary>
    public static readonly Duration InvitationLifetime = Duration.FromDays(7);

    /// <summary>How long a password-reset link stays valid.</summary>
    public static readonly Duration ResetLifetime = Duration.FromDays(1);

    /// <summary>
    /// Creates an account and its one-time set-password link. With <paramref name="baseUrl"/>, the link is also emailed to
    /// the person, through the outbox in the same transaction.
    /// </summary>
    public Task<AccountCreated> InviteAsync(string email, string role, string? displayName = null, string? baseUrl = null, CancellationToken cancellationToken = default) =>
        InviteAsync(email, role, displayName, baseUrl, null, cancellationToken);

    /// <summary>
    /// As <see cref="InviteAsync(string, string, string?, string?, CancellationToken)"/>, and runs <paramref name="within"/>
    /// in the same transaction once the account exists (another feature adding its own record for the account, such as a
    /// coach profile): when it returns errors, nothing is written.
    /// </summary>
    public async Task<AccountCreated> InviteAsync(string email, string role, string? displayName, string? baseUrl,
        Func<UponUser, CancellationToken, Task<IReadOnlyList<string>>>? within, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (!Roles.IsKnown(role))
        {
            return new AccountCreated(null, null, [$"The role must be one of {string.Join(", ", Roles.All)}"]);
        }
        if (!EmailAddresses.IsValid(email))
        {
            return new AccountCreated(null, null, ["Enter an email address in the correct format, like name@example.org"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new UponUser { UserName = email, Email = email, DisplayName = displayName, CreatedAt = clock.GetCurrentInstant() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new AccountCreated(null, null, [.. created.Errors.Select(e => e.Description)]);
        }
        await users.AddToRoleAsync(user, role);
        if (within is not null && await within(user, cancellationToken) is { Count: > 0 } problems)
        {
            // Disposing the transaction uncommitted rolls back the account too.
            return new AccountCreated(null, null, problems);
        }
        var path = await CreateInvitationAsync(user, cancellationToken: cancellationToken);
        if (baseUrl is not null)
        {
            Email.EmailOutbox.Enqueue(db, email, "You have been invited to Upon",
                $"You have an account on Upon, the platform of the leadership programme for Directors of Children's Services.\n\n" +
                $"Set your password here (the link works once, for 7 days):\n{baseUrl.TrimEnd('/')}{path}\n\nIf you did not expect this, you can ignore this email.");
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new AccountCreated(user, path, []);
    }

    /// <summary>
    /// Emails a one-time password-reset link (valid for a day) if an active account has this email; says nothing either
    /// way, so the answer does not reveal who has an account.
    /// </summary>
    public async Task RequestPasswordResetAsync(string email, string baseUrl, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.IsDisabled)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var path = await CreateInvitationAsync(user, ResetLifetime, cancellationToken);
        Email.EmailOutbox.Enqueue(db, user.Email!, "Reset your Upon password",
            $"Someone asked to reset the password of your Upon account.\n\nSet a new password here (the link works once, for 24 hours):\n{baseUrl.TrimEnd('/')}{path}\n\n" +
            "If it was not you, ignore this email: your password has not changed.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Issues a new set-password link for the account (earlier unused links stop working).</summary>
    public async Task<string> CreateInvitationAsync(UponUser user, Duration? lifetime = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        await db.AccountInvitations.Where(i => i.UserId == user.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        var token = SecretTokens.New();
        db.AccountInvitations.Add(new AccountInvitation
        {
            UserId = user.Id,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + (lifetime ?? InvitationLifetime),
        });
        await db.SaveChangesAsync(cancellationToken);
        return $"/account/set-password?token={token}";
    }

    /// <summary>The account an unexpired, unused invitation belongs to, or null.</summary>
    public async Task<UponUser?> FindInvitedUserAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(token);
        var now = clock.GetCurrentInstant();
        var invitation = await db.AccountInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.UsedAt is not null || invitation.ExpiresAt <= now)
        {
            return null;
        }
        var user = await users.FindByIdAsync(invitation.UserId);
        return user is { IsDisabled: false } ? user : null;
    }

    /// <summary>Sets the password from an invitation, once; returns the problems if it cannot.</summary>
    public async Task<IReadOnlyList<string>> RedeemAsync(string token, string password, CancellationToken cancellationToken = default)
    {
        var user = await FindInvitedUserAsync(token, cancellationToken);
        if (user is null)
        {
            return ["This link has expired or has already been used. Ask an administrator for a new one"];
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var hash = SecretTokens.Hash(token);
        var now = clock.GetCurrentInstant();
        // Claim the invitation first, so two submissions of one link cannot both succeed.
        var claimed = await db.AccountInvitations.Where(i => i.TokenHash == hash && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return ["This link has expired or has already been used. Ask an administrator for a new one"];
        }
        var hadPassword = await users.HasPasswordAsync(user);
        var result = hadPassword
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password)
            : await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            return [.. result.Errors.Select(e => e.Description)];
        }
        if (hadPassword)
        {
            // A new password ends everything the old one may have let someone make: the sign-ins (the reset changed the
            // security stamp) and the API tokens.
            await tokens.RevokeAllAsync(user.Id, cancellationToken);
        }
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    /// <summary>Disables an account: it cannot sign in, its sessions end within a minute and its API tokens are revoked.</summary>
    public async Task DisableAsync(UponUser user)
    {
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeAllAsync(user.Id);
    }

    public async Task EnableAsync(UponUser user)
    {
        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>Creates an account with a password straight away (demo accounts, tests).</summary>
    public async Task<UponUser> CreateWithPasswordAsync(string email, string role, string password, string? displayName = null)
    {
        var user = new UponUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, CreatedAt = clock.GetCurrentInstant() };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>
    /// Creates the platform's roles if they are missing: one query when they all exist, as they do at every start but the
    /// first, and one save (audited like any other) for all the missing ones. RoleManager.CreateAsync saved each role
    /// apart, after a query of its own, which was 0.4 s of a new database's start (bench/README.md).
    /// </summary>
    public static async Task EnsureRolesAsync(UponDbContext db, ILookupNormalizer normalizer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(normalizer);
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(cancellationToken);
        var missing = Roles.All.Where(r => !existing.Contains(r)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.Roles.AddRange(missing.Select(role => new IdentityRole(role) { NormalizedName = normalizer.NormalizeName(role) }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
