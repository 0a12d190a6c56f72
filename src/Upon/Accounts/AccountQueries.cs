using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Accounts;

/// <summary>Whether an account can be used now.</summary>
public enum AccountStatus
{
    Active,
    Disabled,

    /// <summary>Created by invitation; no password has been set yet.</summary>
    Invited,

    /// <summary>Too many failed sign-ins: locked until <see cref="AccountSummary.LockedUntil"/>.</summary>
    Locked,
}

/// <summary>An account as the administrators' pages show it.</summary>
public sealed record AccountSummary(
    string Id, string Email, string? DisplayName, string? Role, Instant CreatedAt, AccountStatus Status, Instant? LockedUntil)
{
    public string RoleLabel => Role is null ? "No role" : Roles.Label(Role);

    /// <summary>"Active", "Disabled", "Invited – no password yet", "Locked until 12:15pm on 25 November 2026".</summary>
    public string StatusText => Status switch
    {
        AccountStatus.Disabled => "Disabled",
        AccountStatus.Invited => "Invited – no password yet",
        AccountStatus.Locked => $"Locked until {AccountQueries.DateTime(LockedUntil!.Value)}",
        _ => "Active",
    };

    /// <summary>The GOV.UK tag class for the status.</summary>
    public string StatusTagClass => Status switch
    {
        AccountStatus.Disabled => "govuk-tag govuk-tag--grey",
        AccountStatus.Invited => "govuk-tag govuk-tag--blue",
        AccountStatus.Locked => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--green",
    };
}

/// <summary>Reads accounts, their roles and their status for the administrators' pages.</summary>
public static class AccountQueries
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every account, by email address.</summary>
    public static async Task<IReadOnlyList<AccountSummary>> AccountsAsync(this UponDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        var roles = await RolesAsync(db, null, cancellationToken);
        return [.. users.Select(u => Summarise(u, roles.GetValueOrDefault(u.Id), now)).OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One account, or null.</summary>
    public static async Task<AccountSummary?> AccountAsync(this UponDbContext db, string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }
        var roles = await RolesAsync(db, id, cancellationToken);
        return Summarise(user, roles.GetValueOrDefault(id), now);
    }

    /// <summary>The status of an account at <paramref name="now"/> (Identity's lockout runs on the system clock, like <see cref="TimeProvider"/>).</summary>
    public static AccountSummary Summarise(UponUser user, string? role, DateTimeOffset now)
    {
        var status = user.IsDisabled ? AccountStatus.Disabled
            : user.LockoutEnd is { } end && end > now ? AccountStatus.Locked
            : user.PasswordHash is null ? AccountStatus.Invited
            : AccountStatus.Active;
        var lockedUntil = status == AccountStatus.Locked ? Instant.FromDateTimeOffset(user.LockoutEnd!.Value) : (Instant?)null;
        return new AccountSummary(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, role, user.CreatedAt, status, lockedUntil);
    }

    /// <summary>"25 November 2026".</summary>
    public static string Date(Instant instant) => Upon.Shared.Text.TextFormat.Date(instant.InZone(Time.London).Date);

    /// <summary>"12:15pm on 25 November 2026", in London.</summary>
    public static string DateTime(Instant instant)
    {
        var local = instant.InZone(Time.London);
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        return string.Create(Invariant, $"{hour}:{local.Minute:00}{(local.Hour < 12 ? "am" : "pm")} on {Date(instant)}");
    }

    private static int Rank(string role)
    {
        for (var i = 0; i < Roles.All.Count; i++)
        {
            if (Roles.All[i] == role)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    private static async Task<Dictionary<string, string>> RolesAsync(UponDbContext db, string? userId, CancellationToken cancellationToken)
    {
        var query = from userRole in db.UserRoles
                    join role in db.Roles on userRole.RoleId equals role.Id
                    select new { userRole.UserId, role.Name };
        if (userId is not null)
        {
            query = query.Where(r => r.UserId == userId);
        }
        var rows = await query.AsNoTracking().ToListAsync(cancellationToken);
        // An account has exactly one role; should one have more, show the most powerful (Roles.All is in that order).
        return rows.Where(r => r.Name is not null)
            .GroupBy(r => r.UserId)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).OrderBy(Rank).First());
    }
}
