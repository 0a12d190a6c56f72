using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Register;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Participants;
using Upon.Register;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.NewDirectors;

/// <summary>New Directors data written straight to the database: the strand, directors in the register, participants, invitations.</summary>
public static class JourneySeed
{
    /// <summary>The New Directors strand (<c>new-directors</c>), made on first use.</summary>
    public static Task<Strand> StrandAsync(UponApp app) =>
        app.WithScopeAsync(s => s.GetRequiredService<InvitationAcceptance>().NewDirectorsStrandAsync(CancellationToken.None));

    /// <summary>A made-up director in the register with one appointment at <paramref name="authority"/>.</summary>
    public static async Task<(Person Person, Appointment Appointment)> DirectorAsync(UponApp app, LocalDate start, LocalDate? end = null, string? email = "", string authority = "805")
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var person = new Person
        {
            PersonId = $"ND-{key}",
            GivenName = "Alex",
            FamilyName = $"Director-{key}",
            Email = email == "" ? $"alex.{key}@example.org" : email,
        };
        var appointment = new Appointment
        {
            AuthorityCode = authority,
            Person = person,
            Type = AppointmentType.Permanent,
            StartDate = start,
            EndDate = end,
            LeavingReason = end is null ? null : LeavingReason.Resigned,
            Unplanned = end is null ? null : false,
        };
        await app.WithDbAsync(async db => { db.Appointments.Add(appointment); await db.SaveChangesAsync(); });
        return (person, appointment);
    }

    /// <summary>A participant enrolled in New Directors from <paramref name="startsOn"/> for 24 months, linked to the person if given.</summary>
    public static async Task<(Participant Participant, Enrolment Enrolment)> EnrolAsync(UponApp app, Strand strand, LocalDate startsOn, Person? person = null, string? userId = null)
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        var enrolment = new Enrolment { StrandId = strand.Id, StartsOn = startsOn, EndsOn = startsOn.PlusMonths(24).PlusDays(-1), Status = EnrolmentStatus.Enrolled };
        var participant = new Participant
        {
            PersonKey = person?.Id,
            UserId = userId,
            GivenName = person?.GivenName ?? "Robin",
            FamilyName = person?.FamilyName ?? $"Journey-{key}",
            Email = person?.Email ?? $"robin.{key}@example.org",
            CreatedAt = app.Clock.GetCurrentInstant(),
            Enrolments = [enrolment],
        };
        await app.WithDbAsync(async db => { db.Participants.Add(participant); await db.SaveChangesAsync(); });
        return (participant, enrolment);
    }

    /// <summary>A participant account of its own, signed in: a client for it and the account's id.</summary>
    public static async Task<(HttpClient Client, string UserId)> ParticipantAccountAsync(UponApp app)
    {
        var email = $"nd-{Guid.NewGuid():N}@tests.upon.test";
        var user = await app.WithScopeAsync(s => s.GetRequiredService<AccountService>().CreateWithPasswordAsync(email, Roles.Participant, UponApp.Password, "A New Director"));
        var container = new CookieContainer();
        container.Add(await app.SignInAsync(email, UponApp.Password));
        return (app.Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(container)), user.Id);
    }

    public static Task<Session> SessionAsync(UponApp app, Strand strand, LocalDate day, SessionType type, string title, int hours = 2) =>
        SessionSeed.SessionAsync(app, strand, capacity: 30, start: day.At(new LocalTime(14, 0)), hours: hours, type: type, title: title,
            venue: type == SessionType.Residential ? "Hilltop Conference Centre" : null);

    public static Task MarkAsync(UponApp app, Session session, Participant participant, AttendanceMark mark) =>
        app.WithDbAsync(async db =>
        {
            db.AttendanceRecords.Add(new AttendanceRecord { SessionId = session.Id, ParticipantId = participant.Id, Mark = mark, Source = AttendanceSource.Register, RecordedAt = session.EndUtc });
            await db.SaveChangesAsync();
        });

    public static Task BookAsync(UponApp app, Session session, Participant participant, BookingStatus status = BookingStatus.Booked) =>
        app.WithDbAsync(async db =>
        {
            db.Bookings.Add(new Booking { SessionId = session.Id, ParticipantId = participant.Id, Status = status, Queue = 1, RequestedAt = session.StartUtc - Duration.FromDays(20), BookedAt = session.StartUtc - Duration.FromDays(20) });
            await db.SaveChangesAsync();
        });

    /// <summary>An invitation for the director's appointment, as the planner would make it, in the given state.</summary>
    public static async Task<DirectorInvitation> InvitationAsync(UponApp app, Person person, Appointment appointment, InvitationStatus status = InvitationStatus.Pending,
        LocalDate? sendOn = null)
    {
        var invitation = new DirectorInvitation
        {
            PersonKey = person.Id,
            AppointmentId = appointment.Id,
            AuthorityCode = appointment.AuthorityCode,
            StartDate = appointment.StartDate,
            RecordedOn = sendOn ?? appointment.StartDate,
            SendOn = sendOn ?? appointment.StartDate,
            DueBy = appointment.StartDate.PlusDays(14),
            Status = status,
            CreatedAt = app.Clock.GetCurrentInstant(),
        };
        await app.WithDbAsync(async db => { db.DirectorInvitations.Add(invitation); await db.SaveChangesAsync(); });
        return invitation;
    }

    public static Task<T> DbAsync<T>(UponApp app, Func<UponDbContext, Task<T>> read) =>
        app.WithScopeAsync(s => read(s.GetRequiredService<UponDbContext>()));

    public static Task<Enrolment> EnrolmentAsync(UponApp app, int enrolmentId) =>
        DbAsync(app, db => db.Enrolments.AsNoTracking().Include(e => e.History).SingleAsync(e => e.Id == enrolmentId));

    public static Task<JourneyRunResult> RunAsync(UponApp app, LocalDate today) =>
        app.WithScopeAsync(s => s.GetRequiredService<JourneyService>().AdvanceStagesAsync(today));
}
