using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;

namespace Upon.NewDirectors;

/// <summary>An invitation as its link shows it: whose, for which authority, and whether it can still be answered.</summary>
public sealed record InvitationView(DirectorInvitation Invitation, string GivenName, string AuthorityName, string? ClosedBecause)
{
    public bool Open => ClosedBecause is null;
}

/// <param name="SetPasswordPath">The one-time set-password link of a new account; null when an account already existed.</param>
public sealed record Acceptance(Participant Participant, Enrolment Enrolment, string? SetPasswordPath);

/// <summary>
/// Answering an invitation from its link. Accepting creates the participant's account (or links the existing account with
/// that email) and enrols them in New Directors from that day: months 1 to 12 the core programme, 13 to 24 the coaching year.
/// </summary>
public sealed class InvitationAcceptance(UponDbContext db, IClock clock, UserManager<UponUser> users, AccountService accounts)
{
    public const int JourneyMonths = 24;

    public async Task<InvitationView?> FindAsync(string? secret, CancellationToken cancellationToken = default)
    {
        var invitation = await ByLinkAsync(secret, cancellationToken);
        if (invitation is null)
        {
            return null;
        }
        var authority = await db.Authorities.AsNoTracking().Where(a => a.Code == invitation.AuthorityCode).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        return new InvitationView(invitation, invitation.Person!.GivenName, authority ?? invitation.AuthorityCode, WhyClosed(invitation));
    }

    public async Task<Acceptance?> AcceptAsync(string secret, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(secret, cancellationToken);
        if (invitation is null || WhyClosed(invitation) is not null)
        {
            return null;
        }
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        var person = invitation.Person!;
        var email = invitation.Email!;
        string? setPassword = null;
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new UponUser { UserName = email, Email = email, DisplayName = $"{person.GivenName} {person.FamilyName}", CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the account: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, Roles.Participant);
            setPassword = await accounts.CreateInvitationAsync(user, cancellationToken: cancellationToken);
        }
        var participant = await db.Participants.Include(p => p.Enrolments).FirstOrDefaultAsync(p => p.PersonKey == person.Id || p.Email == email, cancellationToken);
        if (participant is null)
        {
            participant = new Participant { GivenName = person.GivenName, FamilyName = person.FamilyName, Email = email, CreatedAt = now };
            db.Participants.Add(participant);
        }
        participant.PersonKey ??= person.Id;
        participant.UserId ??= user.Id;
        var strand = await NewDirectorsStrandAsync(cancellationToken);
        var enrolment = new Enrolment
        {
            StrandId = strand.Id,
            StartsOn = today,
            EndsOn = today.PlusMonths(JourneyMonths).PlusDays(-1),
            InvitationId = invitation.Id,
            Status = EnrolmentStatus.Enrolled,
            History = [new EnrolmentStatusChange { Status = EnrolmentStatus.Enrolled, From = today, Reason = "Accepted the invitation", RecordedAt = now, RecordedBy = email }],
        };
        participant.Enrolments.Add(enrolment);
        invitation.Status = InvitationStatus.Accepted;
        invitation.AnsweredAt = now;
        invitation.AnsweredOn = today;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Acceptance(participant, enrolment, setPassword);
    }

    public async Task<bool> DeclineAsync(string secret, string? reason, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(secret, cancellationToken);
        if (invitation is null || WhyClosed(invitation) is not null)
        {
            return false;
        }
        invitation.Status = InvitationStatus.Declined;
        invitation.AnsweredAt = clock.GetCurrentInstant();
        invitation.AnsweredOn = clock.TodayInLondon();
        invitation.DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Why the link can no longer be answered, or null when it can.</summary>
    public string? WhyClosed(DirectorInvitation invitation) => invitation.Status switch
    {
        InvitationStatus.Accepted => "You have already accepted this invitation.",
        InvitationStatus.Declined => "You declined this invitation. If you have changed your mind, reply to the invitation email and we will send a new one.",
        InvitationStatus.Withdrawn => "This invitation has been withdrawn.",
        InvitationStatus.Expired => "This link has expired. Reply to the invitation email and we will send a new one.",
        InvitationStatus.Sent when invitation.ExpiresAt <= clock.GetCurrentInstant() => "This link has expired. Reply to the invitation email and we will send a new one.",
        InvitationStatus.Sent => null,
        _ => "This link does not work.",
    };

    public Task<Strand> NewDirectorsStrandAsync(CancellationToken cancellationToken) =>
        StrandSetup.StandingStrandAsync(db, StrandSetup.NewDirectorsSlug, cancellationToken);

    private Task<DirectorInvitation?> ByLinkAsync(string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return Task.FromResult<DirectorInvitation?>(null);
        }
        var hash = SecretTokens.Hash(secret);
        return db.DirectorInvitations.Include(i => i.Person).FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    /// <summary>Loads the invitation holding its row lock until the transaction ends, so two answers to one link queue.</summary>
    private async Task<DirectorInvitation?> LockAsync(string secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 100)
        {
            return null;
        }
        var hash = SecretTokens.Hash(secret);
        // Only the id before the lock (untracked), so the invitation is read afresh once the lock is held.
        var id = await db.DirectorInvitations.AsNoTracking().Where(i => i.TokenHash == hash).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return null;
        }
        await db.LockRowAsync<DirectorInvitation>(id.Value, cancellationToken);
        return await ByLinkAsync(secret, cancellationToken);
    }
}
