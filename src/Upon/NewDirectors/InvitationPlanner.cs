using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Events;

namespace Upon.NewDirectors;

/// <summary>
/// Creates the invitations that newly recorded appointments call for (<see cref="InvitationRules"/>). Called by every
/// way of recording an appointment (the form, the API, the upload, <c>upon import appointments</c>) through
/// <see cref="AppointmentsRecorded"/>, inside the same transaction, so an appointment and its invitation are saved
/// together or not at all. Nothing is sent here.
/// </summary>
public sealed class InvitationPlanner(UponDbContext db, IClock clock) : IDomainEventHandler<AppointmentsRecorded>
{
    public async Task HandleAsync(AppointmentsRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        domainEvent.InvitationsCreated += (await PlanAsync(domainEvent.Appointments, cancellationToken)).Count;
    }

    public async Task<IReadOnlyList<DirectorInvitation>> PlanAsync(IReadOnlyCollection<RecordedAppointment> recorded, CancellationToken cancellationToken = default)
    {
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        // An appointment that started more than six months ago invites nobody, whatever else the person holds: only the
        // rest are looked at, so recording years of history (an import of 100,000 rows) reads only its recent few.
        recorded = [.. recorded.Where(r => InvitationRules.CouldInvite(r.Start, today))];
        if (recorded.Count == 0)
        {
            return [];
        }
        var personKeys = recorded.Select(r => r.PersonKey).Distinct().ToList();
        var invitedAlready = (await db.DirectorInvitations.Where(i => personKeys.Contains(i.PersonKey)).Select(i => i.PersonKey).ToListAsync(cancellationToken)).ToHashSet();
        var appointments = (await db.Appointments.AsNoTracking().Where(a => personKeys.Contains(a.PersonKey)).ToListAsync(cancellationToken))
            .ToLookup(a => a.PersonKey);
        var created = new List<DirectorInvitation>();
        var invitedNow = new HashSet<int>();
        foreach (var item in recorded.Where(r => !invitedAlready.Contains(r.PersonKey)).OrderBy(r => r.Start))
        {
            var theirs = appointments[item.PersonKey].ToList();
            var appointment = theirs.FirstOrDefault(a => a.AuthorityCode == item.AuthorityCode && a.StartDate == item.Start);
            if (appointment is null || invitedNow.Contains(item.PersonKey))
            {
                continue;
            }
            var decision = InvitationRules.Decide(appointment.StartDate, appointment.EndDate, today, theirs.Any(a => a.StartDate < appointment.StartDate));
            if (!decision.Invites)
            {
                continue;
            }
            var invitation = new DirectorInvitation
            {
                PersonKey = item.PersonKey,
                AppointmentId = appointment.Id,
                AuthorityCode = appointment.AuthorityCode,
                StartDate = appointment.StartDate,
                // The day the register was told: a file of history gives it (recorded_date); otherwise today.
                RecordedOn = appointment.RecordedOn ?? today,
                SendOn = decision.SendOn!.Value,
                DueBy = decision.DueBy!.Value,
                Status = InvitationStatus.Pending,
                CreatedAt = now,
                CreatedBy = db.Actor.Name,
            };
            created.Add(invitation);
            invitedNow.Add(item.PersonKey);
        }
        db.DirectorInvitations.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
