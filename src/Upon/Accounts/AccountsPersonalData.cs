using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Accounts;

/// <summary>What Accounts holds about a person: their account, its sign-in settings, roles, API tokens and invitation links.</summary>
public sealed class AccountsPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Your account";

    /// <summary>An account's own tables, which go with the account.</summary>
    public static readonly IReadOnlyList<string> AccountTables =
        ["AspNetUsers", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetUserPasskeys", "AspNetUserRoles", "api_tokens", "account_invitations"];

    public IReadOnlyList<string> Tables => AccountTables;

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var normalised = subject.Email.ToUpperInvariant();
        var users = await db.Users.Where(u => u.NormalizedEmail == normalised).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        return
        [
            new("AspNetUsers", users),
            new("AspNetUserClaims", await db.UserClaims.Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken)),
            new("AspNetUserLogins", await db.UserLogins.Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken)),
            new("AspNetUserTokens", await db.UserTokens.Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken)),
            new("AspNetUserPasskeys", await db.UserPasskeys.Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken)),
            new("AspNetUserRoles", await db.UserRoles.Where(c => ids.Contains(c.UserId)).ToListAsync(cancellationToken)),
            new("api_tokens", await db.ApiTokens.Where(t => ids.Contains(t.UserId)).ToListAsync(cancellationToken)),
            new("account_invitations", await db.AccountInvitations.Where(i => ids.Contains(i.UserId)).ToListAsync(cancellationToken)),
        ];
    }

    /// <summary>Links that set a password are kept for the data map's period after they expired.</summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("account_invitations") is not { } since)
        {
            return [];
        }
        var cutoff = since.AtStartOfDayInZone(Upon.Core.Time.London).ToInstant();
        var expired = await db.AccountInvitations.Where(i => i.ExpiresAt < cutoff).ToListAsync(cancellationToken);
        return expired.Count == 0 ? [] : [new RetentionDue("Expired account links", $"{expired.Count} links that set a password, expired before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}", Rows: new PersonalRows("account_invitations", expired))];
    }
}
