using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Audit;
using Upon.Data;
using Upon.Shared.Security;

namespace Upon.Coaching;

/// <summary>A coach staff invite into the pool: their account's email and name, and the profile staff know so far.</summary>
/// <param name="Regions">English region codes for in-person coaching (empty when they coach online only).</param>
public sealed record CoachInvite(string Email, string GivenName, string FamilyName, int Capacity, bool Online, bool InPerson, IReadOnlyList<string> Regions);

/// <summary>
/// Invites a coach: creates the account with the Coach role and the coach profile in one transaction, and emails the
/// one-time set-password link as every account invitation does. The coach consents to characteristics themselves, on
/// their profile.
/// </summary>
public sealed class CoachInvitations(UponDbContext db, AccountService accounts, AuditLog audit, IClock clock)
{
    public const string AuditAction = "CoachInvited";

    public Task<AccountCreated> InviteAsync(CoachInvite invite, string baseUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var email = invite.Email.Trim();
        return accounts.InviteAsync(email, Roles.Coach, $"{invite.GivenName} {invite.FamilyName}", baseUrl, async (user, token) =>
        {
            var lower = email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
            if (await db.CoachProfiles.AnyAsync(c => c.Email.ToLower() == lower, token))
#pragma warning restore CA1862
            {
                return ["A coach with this email address is already in the pool"];
            }
            var profile = new CoachProfile
            {
                Email = email,
                GivenName = invite.GivenName,
                FamilyName = invite.FamilyName,
                Capacity = invite.Capacity,
                OffersOnline = invite.Online,
                OffersInPerson = invite.InPerson,
                Regions = invite.InPerson ? CoachingLists.Join(invite.Regions) : "",
                Status = CoachStatus.Active,
                CreatedAt = clock.GetCurrentInstant(),
            };
            db.CoachProfiles.Add(profile);
            await db.SaveChangesAsync(token);
            await audit.RecordAsync(AuditAction, nameof(CoachProfile), profile.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{profile.FullName} <{email}> invited with capacity {profile.Capacity}", cancellationToken: token);
            return [];
        }, cancellationToken);
    }
}
