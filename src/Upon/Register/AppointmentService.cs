using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Register;
using Upon.Data;
using Upon.Shared.Events;
using Upon.Shared.Text;

namespace Upon.Register;

/// <summary>What a form asks to record about an appointment.</summary>
public sealed record AppointmentChange(
    string AuthorityCode, string PersonId, string GivenName, string FamilyName, string? Email,
    AppointmentType Type, LocalDate Start, LocalDate? End, LeavingReason? Reason, bool? Unplanned);

/// <summary>The outcome of a change: the appointment's id, or the problems keyed by form field.</summary>
public sealed record AppointmentChangeResult(int? AppointmentId, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Adds, edits and ends single appointments, keeping the same rules as the import.</summary>
public sealed class AppointmentService(UponDbContext db, DomainEvents events)
{
    public Task<AppointmentChangeResult> AddAsync(AppointmentChange change, CancellationToken cancellationToken = default) =>
        SaveAsync(null, change, cancellationToken);

    public Task<AppointmentChangeResult> EditAsync(int id, AppointmentChange change, CancellationToken cancellationToken = default) =>
        SaveAsync(id, change, cancellationToken);

    /// <summary>Records the last day in post, with the reason and whether the departure was unplanned.</summary>
    public async Task<AppointmentChangeResult> EndAsync(int id, LocalDate end, LeavingReason reason, bool unplanned, CancellationToken cancellationToken = default)
    {
        var appointment = await db.Appointments.Include(a => a.Person).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Appointment {id} does not exist.");
        var person = appointment.Person!;
        return await SaveAsync(id, new AppointmentChange(appointment.AuthorityCode, person.PersonId, person.GivenName, person.FamilyName, person.Email,
            appointment.Type, appointment.StartDate, end, reason, unplanned), cancellationToken);
    }

    private async Task<AppointmentChangeResult> SaveAsync(int? id, AppointmentChange change, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var today = db.Clock.TodayInLondon();
        if (PlausibleDates.CheckAppointmentDate(change.Start, today, "the start date") is { } badStart)
        {
            errors.TryAdd("Start", badStart);
        }
        if (change.End is { } end && PlausibleDates.CheckAppointmentDate(end, today, "the end date") is { } badEnd)
        {
            errors.TryAdd("End", badEnd);
        }
        foreach (var (field, reason) in AppointmentRules.CheckEnding(change.Start, change.End, change.Reason, change.Unplanned))
        {
            errors.TryAdd(FieldName(field), reason);
        }
        if (change.Email is { Length: > 0 } email && !EmailAddresses.IsValid(email))
        {
            errors.TryAdd("Email", "Enter an email address in the correct format, like name@example.org.");
        }
        var authority = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Code == change.AuthorityCode, cancellationToken);
        if (authority is null)
        {
            errors.TryAdd("AuthorityCode", "Select an authority.");
        }
        else if (AppointmentRules.CheckOperatingPeriod(authority.Name, authority.Period, change.Start, change.End) is { } outside)
        {
            errors.TryAdd("Start", outside);
        }
        if (errors.Count > 0)
        {
            return new AppointmentChangeResult(null, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.PersonId == change.PersonId, cancellationToken);
        if (person is null)
        {
            person = new Person { PersonId = change.PersonId, GivenName = change.GivenName, FamilyName = change.FamilyName, Email = change.Email };
            db.People.Add(person);
        }
        else
        {
            person.GivenName = change.GivenName;
            person.FamilyName = change.FamilyName;
            person.Email = string.IsNullOrWhiteSpace(change.Email) ? person.Email : change.Email;
        }

        Appointment appointment;
        if (id is null)
        {
            appointment = new Appointment { AuthorityCode = change.AuthorityCode, Person = person, RecordedOn = today };
            db.Appointments.Add(appointment);
        }
        else
        {
            appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw new KeyNotFoundException($"Appointment {id} does not exist.");
            appointment.AuthorityCode = change.AuthorityCode;
            appointment.Person = person;
        }
        appointment.Type = change.Type;
        appointment.StartDate = change.Start;
        appointment.EndDate = change.End;
        appointment.LeavingReason = change.Reason;
        appointment.Unplanned = change.Unplanned;

        var others = await db.Appointments.AsNoTracking().Include(a => a.Person)
            .Where(a => a.AuthorityCode == change.AuthorityCode && a.Id != (id ?? 0))
            .ToListAsync(cancellationToken);
        var clash = others.FirstOrDefault(o => o.StartDate <= (change.End ?? LocalDate.MaxIsoValue) && (o.EndDate ?? LocalDate.MaxIsoValue) >= change.Start);
        if (clash is not null)
        {
            var until = clash.EndDate?.ToString("d MMMM yyyy", null) ?? "now";
            var message = clash.Person!.PersonId == change.PersonId && clash.StartDate == change.Start
                ? "This person already has an appointment in this authority starting on that date."
                : $"{clash.Person.FullName} is DCS of {authority!.Name} from {clash.StartDate:d MMMM yyyy} to {until}: two people cannot hold one authority on the same day.";
            return new AppointmentChangeResult(null, new Dictionary<string, string> { ["Start"] = message });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (id is null)
        {
            await events.RaiseAsync(new AppointmentsRecorded([new RecordedAppointment(appointment.AuthorityCode, appointment.PersonKey, appointment.StartDate)]), cancellationToken);
        }
        else
        {
            await events.RaiseAsync(new AppointmentChanged(appointment.Id), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new AppointmentChangeResult(appointment.Id, errors);
    }

    private static string FieldName(string csvColumn) => csvColumn switch
    {
        "end_date" => "End",
        "leaving_reason" => "Reason",
        "unplanned" => "Unplanned",
        _ => "Start",
    };
}
