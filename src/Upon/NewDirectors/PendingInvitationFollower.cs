using Microsoft.EntityFrameworkCore;
using Upon.Core.NewDirectors;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Events;

namespace Upon.NewDirectors;

/// <summary>
/// Keeps the invitations not yet sent in line with the register when staff change an appointment, so that each still goes
/// on its person's first start date and never before it (<see cref="InvitationRules"/>). For the appointment's person
/// (and the person it belonged to, if it moved), an invitation still pending follows their first post as it now stands:
/// its start date, send date and due date move with it; when that post no longer calls for an invitation (they have none
/// left, or it ended before the register heard of it, or it started more than six months before), the invitation is
/// withdrawn. The day the register was told stays the day it was first recorded. An invitation already sent, or made by
/// hand, is left as it is. A first post that now calls for an invitation its person has never had is planned as any
/// recorded one is (<see cref="InvitationPlanner"/>).
/// </summary>
public sealed class PendingInvitationFollower(UponDbContext db, InvitationPlanner planner) : IDomainEventHandler<AppointmentChanged>
{
    public async Task HandleAsync(AppointmentChanged domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var appointment = await db.Appointments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == domainEvent.AppointmentId, cancellationToken);
        if (appointment is null)
        {
            return;
        }
        var pending = await db.DirectorInvitations
            .Where(i => (i.AppointmentId == appointment.Id || i.PersonKey == appointment.PersonKey) && i.Status == InvitationStatus.Pending && !i.ByHand)
            .ToListAsync(cancellationToken);
        if (pending.Count > 0)
        {
            var people = pending.Select(i => i.PersonKey).Distinct().ToList();
            var firstPosts = (await db.Appointments.AsNoTracking().Where(a => people.Contains(a.PersonKey)).ToListAsync(cancellationToken))
                .GroupBy(a => a.PersonKey)
                .ToDictionary(g => g.Key, g => g.OrderBy(a => a.StartDate).ThenBy(a => a.Id).First());
            foreach (var invitation in pending)
            {
                var first = firstPosts.GetValueOrDefault(invitation.PersonKey);
                var decision = first is null ? null : InvitationRules.Decide(first.StartDate, first.EndDate, invitation.RecordedOn, hasEarlierAppointment: false);
                if (first is not null && decision is { Invites: true })
                {
                    invitation.AppointmentId = first.Id;
                    invitation.AuthorityCode = first.AuthorityCode;
                    invitation.StartDate = first.StartDate;
                    invitation.SendOn = decision.SendOn!.Value;
                    invitation.DueBy = decision.DueBy!.Value;
                }
                else
                {
                    // The audit line of this change names who changed the appointment, and when.
                    invitation.Status = InvitationStatus.Withdrawn;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await planner.PlanAsync([new RecordedAppointment(appointment.AuthorityCode, appointment.PersonKey, appointment.StartDate)], cancellationToken);
    }
}
