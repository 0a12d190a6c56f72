using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Data;
using Upon.Register;

namespace Upon.NewDirectors;

/// <summary>What became of a staff action on an invitation.</summary>
public enum DeskResult
{
    Done,
    NotFound,

    /// <summary>Not possible from the invitation's status now (answered, withdrawn, or someone else acted first).</summary>
    NotAllowed,

    /// <summary>The person has no email address in the register.</summary>
    NoEmail,

    /// <summary>Invite by hand: the person already has an invitation.</summary>
    AlreadyInvited,
}

/// <param name="NewLink">Whether the email carries a new link (first send, or the old link expired or was answered).</param>
public sealed record DeskOutcome(DeskResult Result, DirectorInvitation? Invitation = null, bool NewLink = false);

/// <summary>How a send by hand goes for an invitation in its present state.</summary>
public enum SendKind
{
    /// <summary>Not sent yet: the first email, with a new link.</summary>
    First,

    /// <summary>Sent and the link still works: the same link again.</summary>
    SameLink,

    /// <summary>Expired, or declined and asked for again: a new link (the old one stops working).</summary>
    NewLink,

    /// <summary>Accepted or withdrawn: nothing to send.</summary>
    None,
}

/// <summary>
/// Staff work on New Directors invitations: record a missing email and send, invite by hand, send or resend, record a
/// decline heard in conversation, withdraw. Each action is one transaction with the invitation (or the person, to invite
/// by hand) locked, and any email is written to the outbox in that transaction, so it goes exactly when the change is saved.
/// </summary>
public sealed class InvitationDesk(UponDbContext db, IClock clock, InvitationLinks links)
{
    /// <summary>How sending now would go: see <see cref="SendKind"/>.</summary>
    public static SendKind HowToSend(DirectorInvitation invitation, Instant now) => invitation.Status switch
    {
        InvitationStatus.Pending => SendKind.First,
        InvitationStatus.Sent when invitation.ExpiresAt > now && invitation.ProtectedToken is not null => SendKind.SameLink,
        InvitationStatus.Sent or InvitationStatus.Expired or InvitationStatus.Declined => SendKind.NewLink,
        _ => SendKind.None,
    };

    /// <summary>Records the email on the register person and sends the invitation now.</summary>
    public async Task<DeskOutcome> RecordEmailAndSendAsync(int invitationId, string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(invitationId, cancellationToken);
        if (invitation is null)
        {
            return new DeskOutcome(DeskResult.NotFound);
        }
        if (HowToSend(invitation, clock.GetCurrentInstant()) == SendKind.None)
        {
            return new DeskOutcome(DeskResult.NotAllowed, invitation);
        }
        invitation.Person!.Email = email.Trim();
        var newLink = await SendNowAsync(invitation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeskOutcome(DeskResult.Done, invitation, newLink);
    }

    /// <summary>
    /// Sends now: the first time for a pending invitation (whatever its send date); again for a sent one, with the same
    /// link while it works; with a new link when it expired or was declined (which reopens it). Each send counts in
    /// <see cref="DirectorInvitation.Sends"/> and gives 28 days from now to answer.
    /// </summary>
    public async Task<DeskOutcome> SendAsync(int invitationId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(invitationId, cancellationToken);
        if (invitation is null)
        {
            return new DeskOutcome(DeskResult.NotFound);
        }
        if (HowToSend(invitation, clock.GetCurrentInstant()) == SendKind.None)
        {
            return new DeskOutcome(DeskResult.NotAllowed, invitation);
        }
        if (string.IsNullOrWhiteSpace(invitation.Person!.Email))
        {
            return new DeskOutcome(DeskResult.NoEmail, invitation);
        }
        var newLink = await SendNowAsync(invitation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeskOutcome(DeskResult.Done, invitation, newLink);
    }

    /// <summary>
    /// Invites a register person who has no invitation, for their current post (or their latest), and sends it now.
    /// <paramref name="email"/>, when given, is recorded on the person first.
    /// </summary>
    public async Task<DeskOutcome> InviteByHandAsync(int personKey, string? email, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<Person>(personKey, cancellationToken);
        var person = await db.People.Include(p => p.Appointments).FirstOrDefaultAsync(p => p.Id == personKey, cancellationToken);
        var today = clock.TodayInLondon();
        var post = person?.Appointments.Where(a => a.IsInPostOn(today)).OrderByDescending(a => a.StartDate).FirstOrDefault()
            ?? person?.Appointments.OrderByDescending(a => a.StartDate).FirstOrDefault();
        if (person is null || post is null)
        {
            return new DeskOutcome(DeskResult.NotFound);
        }
        if (await db.DirectorInvitations.AnyAsync(i => i.PersonKey == personKey, cancellationToken))
        {
            return new DeskOutcome(DeskResult.AlreadyInvited);
        }
        if (!string.IsNullOrWhiteSpace(email))
        {
            person.Email = email.Trim();
        }
        if (string.IsNullOrWhiteSpace(person.Email))
        {
            return new DeskOutcome(DeskResult.NoEmail);
        }
        var invitation = new DirectorInvitation
        {
            PersonKey = person.Id,
            Person = person,
            AppointmentId = post.Id,
            AuthorityCode = post.AuthorityCode,
            StartDate = post.StartDate,
            RecordedOn = today,
            SendOn = today,
            DueBy = InvitationRules.DueDate(post.StartDate),
            Status = InvitationStatus.Pending,
            ByHand = true,
            CreatedAt = clock.GetCurrentInstant(),
            CreatedBy = db.Actor.Name,
        };
        db.DirectorInvitations.Add(invitation);
        await SendNowAsync(invitation, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeskOutcome(DeskResult.Done, invitation, NewLink: true);
    }

    /// <summary>Records that the director declined when staff spoke to them, with what they said.</summary>
    public Task<DeskOutcome> RecordDeclinedAsync(int invitationId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return ChangeAsync(invitationId, invitation =>
        {
            invitation.Status = InvitationStatus.Declined;
            invitation.DeclinedInConversation = true;
            invitation.DeclineReason = reason.Trim();
            invitation.AnsweredAt = clock.GetCurrentInstant();
            invitation.AnsweredOn = clock.TodayInLondon();
        }, cancellationToken);
    }

    /// <summary>Withdraws an invitation that has not been answered (created by mistake, say): its link stops working and nothing more is sent.</summary>
    public Task<DeskOutcome> WithdrawAsync(int invitationId, CancellationToken cancellationToken = default) =>
        ChangeAsync(invitationId, invitation => invitation.Status = InvitationStatus.Withdrawn, cancellationToken);

    /// <summary>Whether the invitation can still be answered or withdrawn by staff: pending, sent or expired.</summary>
    public static bool IsOpen(DirectorInvitation invitation) => invitation.Status is InvitationStatus.Pending or InvitationStatus.Sent or InvitationStatus.Expired;

    private async Task<DeskOutcome> ChangeAsync(int invitationId, Action<DirectorInvitation> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LockAsync(invitationId, cancellationToken);
        if (invitation is null)
        {
            return new DeskOutcome(DeskResult.NotFound);
        }
        if (!IsOpen(invitation))
        {
            return new DeskOutcome(DeskResult.NotAllowed, invitation);
        }
        change(invitation);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeskOutcome(DeskResult.Done, invitation);
    }

    /// <returns>Whether the email carries a new link.</returns>
    private async Task<bool> SendNowAsync(DirectorInvitation invitation, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var kind = HowToSend(invitation, now);
        var link = kind == SendKind.SameLink ? links.LinkOf(invitation) : null;
        var newLink = link is null;
        if (invitation.Status == InvitationStatus.Declined)
        {
            // Asked again after declining: the invitation is open once more (the audit log keeps the decline).
            invitation.AnsweredAt = null;
            invitation.AnsweredOn = null;
            invitation.DeclineReason = null;
            invitation.DeclinedInConversation = false;
        }
        InvitationRunner.MarkSent(invitation, invitation.Person!.Email!, clock.TodayInLondon(), now);
        link ??= links.Issue(invitation);
        var authority = await db.Authorities.AsNoTracking().Where(a => a.Code == invitation.AuthorityCode).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        InvitationEmails.Invitation(db, invitation, invitation.Person, authority ?? invitation.AuthorityCode, link);
        return newLink;
    }

    private async Task<DirectorInvitation?> LockAsync(int invitationId, CancellationToken cancellationToken)
    {
        await db.LockRowAsync<DirectorInvitation>(invitationId, cancellationToken);
        return await db.DirectorInvitations.Include(i => i.Person).FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
    }
}
