using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Data;

namespace Upon.NewDirectors;

/// <param name="Sent">Invitations sent for the first time.</param>
/// <param name="Reminded">Reminders sent (7 and 14 days after sending, without an answer).</param>
/// <param name="Expired">Invitations whose 28 days ran out unanswered.</param>
/// <param name="WithoutEmail">Due invitations that could not be sent because no email is recorded.</param>
public sealed record InvitationRunResult(int Sent, int Reminded, int Expired, int WithoutEmail);

/// <summary>
/// Sends what is due: invitations whose send date has come, reminders, and expiry. Each invitation is handled in its own
/// transaction with its row locked, and its email is written to the outbox in that transaction. So two runs at once,
/// two app instances, or a run killed midway never send an invitation twice, and a restart picks up whatever is left.
/// </summary>
public sealed class InvitationRunner(IServiceScopeFactory scopes, IClock clock, ILogger<InvitationRunner> logger)
{
    /// <param name="asOf">The day to act as if it were (operators and tests); today in London when null.</param>
    public async Task<InvitationRunResult> RunAsync(LocalDate? asOf = null, CancellationToken cancellationToken = default)
    {
        var today = asOf ?? clock.TodayInLondon();
        var now = asOf is null ? clock.GetCurrentInstant() : today.At(new LocalTime(9, 0)).InZoneLeniently(Time.London).ToInstant();
        List<int> due, reminding, expiring;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
            due = await db.DirectorInvitations.Where(i => i.Status == InvitationStatus.Pending && i.SendOn <= today).OrderBy(i => i.SendOn).ThenBy(i => i.Id).Select(i => i.Id).ToListAsync(cancellationToken);
            var sent = await db.DirectorInvitations.Where(i => i.Status == InvitationStatus.Sent).Select(i => new { i.Id, i.SentOn, i.ExpiresAt, i.FirstReminderAt, i.SecondReminderAt }).ToListAsync(cancellationToken);
            expiring = [.. sent.Where(i => i.ExpiresAt <= now).Select(i => i.Id)];
            reminding = [.. sent.Where(i => i.ExpiresAt > now && i.SentOn is { } on
                && InvitationRules.ReminderDue(on, today, (i.FirstReminderAt is null ? 0 : 1) + (i.SecondReminderAt is null ? 0 : 1)) is not null).Select(i => i.Id)];
        }
        int sentCount = 0, reminded = 0, expired = 0, withoutEmail = 0;
        foreach (var id in due)
        {
            switch (await WithLockedAsync(id, (db, invitation, links) => SendAsync(db, invitation, links, today, now), cancellationToken))
            {
                case Outcome.Done: sentCount++; break;
                case Outcome.NoEmail: withoutEmail++; break;
            }
        }
        foreach (var id in reminding)
        {
            if (await WithLockedAsync(id, (db, invitation, links) => RemindAsync(db, invitation, links, today, now), cancellationToken) == Outcome.Done)
            {
                reminded++;
            }
        }
        foreach (var id in expiring)
        {
            if (await WithLockedAsync(id, (_, invitation, _) => Task.FromResult(Expire(invitation, now)), cancellationToken) == Outcome.Done)
            {
                expired++;
            }
        }
        if (sentCount + reminded + expired + withoutEmail > 0)
        {
            logger.LogInformation("Invitations: {Sent} sent, {Reminded} reminders, {Expired} expired, {WithoutEmail} waiting for an email address", sentCount, reminded, expired, withoutEmail);
        }
        return new InvitationRunResult(sentCount, reminded, expired, withoutEmail);
    }

    private enum Outcome { Done, Skipped, NoEmail }

    private async Task<Outcome> WithLockedAsync(int id, Func<UponDbContext, DirectorInvitation, InvitationLinks, Task<Outcome>> act, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UponDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<DirectorInvitation>(id, cancellationToken);
        // Read after taking the lock, so a run that waited sees what the other run did.
        var invitation = await db.DirectorInvitations.Include(i => i.Person).FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null)
        {
            return Outcome.Skipped;
        }
        var outcome = await act(db, invitation, scope.ServiceProvider.GetRequiredService<InvitationLinks>());
        if (outcome == Outcome.Done)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    private static async Task<Outcome> SendAsync(UponDbContext db, DirectorInvitation invitation, InvitationLinks links, LocalDate today, Instant now)
    {
        if (invitation.Status != InvitationStatus.Pending || invitation.SendOn > today)
        {
            return Outcome.Skipped;
        }
        if (string.IsNullOrWhiteSpace(invitation.Person!.Email))
        {
            return Outcome.NoEmail;
        }
        var authority = await db.Authorities.AsNoTracking().Where(a => a.Code == invitation.AuthorityCode).Select(a => a.Name).FirstOrDefaultAsync();
        MarkSent(invitation, invitation.Person.Email, today, now);
        InvitationEmails.Invitation(db, invitation, invitation.Person, authority ?? invitation.AuthorityCode, links.Issue(invitation));
        return Outcome.Done;
    }

    /// <summary>Records a send: the address, the day, and 28 days from now to answer.</summary>
    public static void MarkSent(DirectorInvitation invitation, string email, LocalDate today, Instant now)
    {
        invitation.Status = InvitationStatus.Sent;
        invitation.Email = email.Trim();
        invitation.SentAt ??= now;
        invitation.SentOn ??= today;
        invitation.Sends++;
        invitation.ExpiresAt = now + Duration.FromDays(InvitationRules.LinkValidDays);
    }

    private static Task<Outcome> RemindAsync(UponDbContext db, DirectorInvitation invitation, InvitationLinks links, LocalDate today, Instant now)
    {
        var remindersSent = (invitation.FirstReminderAt is null ? 0 : 1) + (invitation.SecondReminderAt is null ? 0 : 1);
        if (invitation.Status != InvitationStatus.Sent || invitation.ExpiresAt <= now || invitation.SentOn is not { } sentOn
            || InvitationRules.ReminderDue(sentOn, today, remindersSent) is not { } number || links.LinkOf(invitation) is not { } link)
        {
            return Task.FromResult(Outcome.Skipped);
        }
        if (number == 1)
        {
            invitation.FirstReminderAt = now;
        }
        else
        {
            invitation.SecondReminderAt = now;
        }
        InvitationEmails.Reminder(db, invitation, invitation.Person!, link, number);
        return Task.FromResult(Outcome.Done);
    }

    private static Outcome Expire(DirectorInvitation invitation, Instant now)
    {
        if (invitation.Status != InvitationStatus.Sent || invitation.ExpiresAt > now)
        {
            return Outcome.Skipped;
        }
        invitation.Status = InvitationStatus.Expired;
        return Outcome.Done;
    }
}
