using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>Strands, sessions and participants written straight to the database, each test with its own.</summary>
public static class SessionSeed
{
    public static async Task<Strand> StrandAsync(UponApp app, string? name = null)
    {
        var slug = $"test-{Guid.NewGuid():N}"[..20];
        var strand = new Strand { Slug = slug, Name = name ?? $"Strand {slug}" };
        await app.WithDbAsync(async db => { db.Strands.Add(strand); await db.SaveChangesAsync(); });
        return strand;
    }

    public static async Task<Session> SessionAsync(UponApp app, Strand strand, int capacity, LocalDateTime? start = null, int hours = 2,
        string? venue = null, string? videoLink = "https://meet.example.org/upon-test", SessionType type = SessionType.VirtualWorkshop, string title = "Leading through inspection",
        Cohort? cohort = null, SessionStatus status = SessionStatus.Scheduled)
    {
        var from = start ?? new LocalDateTime(2027, 1, 15, 14, 0);
        var to = from.PlusHours(hours);
        var session = new Session
        {
            Uid = $"{Guid.NewGuid():N}@upon.test",
            StrandId = strand.Id,
            CohortId = cohort?.Id,
            Title = title,
            Type = type,
            Start = from,
            End = to,
            StartUtc = SessionTimes.ToInstant(from),
            EndUtc = SessionTimes.ToInstant(to),
            Capacity = capacity,
            Venue = venue,
            VideoLink = videoLink,
            Status = status,
            MovedOnline = status == SessionStatus.MovedOnline,
            CreatedAt = app.Clock.GetCurrentInstant(),
            UpdatedAt = app.Clock.GetCurrentInstant(),
        };
        await app.WithDbAsync(async db => { db.Sessions.Add(session); await db.SaveChangesAsync(); });
        return session;
    }

    /// <summary>Participants enrolled on the strand from a year ago, with made-up names and unique emails.</summary>
    public static async Task<List<Participant>> ParticipantsAsync(UponApp app, Strand strand, int count)
    {
        var batch = Guid.NewGuid().ToString("N")[..8];
        var participants = Enumerable.Range(1, count).Select(i => new Participant
        {
            GivenName = $"Sam{i}",
            FamilyName = $"Example-{batch}",
            Email = $"sam{i}.{batch}@example.org",
            CreatedAt = app.Clock.GetCurrentInstant(),
            Enrolments = [new Enrolment { StrandId = strand.Id, StartsOn = new LocalDate(2026, 1, 1) }],
        }).ToList();
        await app.WithDbAsync(async db => { db.Participants.AddRange(participants); await db.SaveChangesAsync(); });
        return participants;
    }

    /// <summary>The participant record of the fixture's Participant test account, enrolled on <paramref name="strand"/>.</summary>
    public static async Task<Participant> TestParticipantAsync(UponApp app, Strand strand) =>
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var user = await s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(UponApp.EmailFor(Roles.Participant));
            var participant = await db.Participants.Include(p => p.Enrolments).FirstOrDefaultAsync(p => p.UserId == user!.Id);
            if (participant is null)
            {
                participant = new Participant { UserId = user!.Id, GivenName = "Test", FamilyName = "Participant", Email = user.Email!, CreatedAt = app.Clock.GetCurrentInstant() };
                db.Participants.Add(participant);
            }
            if (!participant.Enrolments.Any(e => e.StrandId == strand.Id))
            {
                participant.Enrolments.Add(new Enrolment { StrandId = strand.Id, StartsOn = new LocalDate(2026, 1, 1) });
            }
            await db.SaveChangesAsync();
            return participant;
        });

    public static async Task<Cohort> CohortAsync(UponApp app, Strand strand, string name)
    {
        var cohort = new Cohort { StrandId = strand.Id, Name = name, StartsOn = new LocalDate(2026, 9, 1), EndsOn = new LocalDate(2027, 8, 31) };
        await app.WithDbAsync(async db => { db.Cohorts.Add(cohort); await db.SaveChangesAsync(); });
        return cohort;
    }

    /// <summary>
    /// Seats written straight to the database, whenever the session is (the booking service refuses sessions that
    /// have started), or places on the waiting list with <paramref name="status"/>.
    /// </summary>
    public static Task PlacesAsync(UponApp app, Session session, IEnumerable<Participant> people, BookingStatus status = BookingStatus.Booked) =>
        app.WithDbAsync(async db =>
        {
            var queue = await db.Bookings.Where(b => b.SessionId == session.Id).MaxAsync(b => (long?)b.Queue) ?? 0;
            foreach (var person in people)
            {
                db.Bookings.Add(new Booking
                {
                    SessionId = session.Id,
                    ParticipantId = person.Id,
                    Status = status,
                    Queue = ++queue,
                    RequestedAt = session.StartUtc - Duration.FromDays(10),
                    BookedAt = status == BookingStatus.Booked ? session.StartUtc - Duration.FromDays(10) : null,
                });
            }
            await db.SaveChangesAsync();
        });

    /// <summary>Apologies sent in advance, written straight to the database (no booking held).</summary>
    public static Task ApologyAsync(UponApp app, Session session, Participant person, string reason) =>
        app.WithDbAsync(async db =>
        {
            db.Apologies.Add(new Apology { SessionId = session.Id, ParticipantId = person.Id, Reason = reason, SentAt = session.StartUtc - Duration.FromDays(3) });
            await db.SaveChangesAsync();
        });

    /// <summary>A mark written straight to the database, as if the register had been saved the day after the session.</summary>
    public static Task MarkAsync(UponApp app, Session session, Participant person, AttendanceMark mark, AttendanceSource source = AttendanceSource.Register, int? minutes = null) =>
        app.WithDbAsync(async db =>
        {
            db.AttendanceRecords.Add(new AttendanceRecord
            {
                SessionId = session.Id,
                ParticipantId = person.Id,
                Mark = mark,
                Minutes = minutes,
                Source = source,
                RecordedAt = session.EndUtc + Duration.FromDays(1),
                RecordedBy = "seed@upon.test",
            });
            await db.SaveChangesAsync();
        });

    public static Task<List<AttendanceRecord>> MarksAsync(UponApp app, int sessionId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AttendanceRecords.AsNoTracking().Where(r => r.SessionId == sessionId).OrderBy(r => r.ParticipantId).ToListAsync());

    public static Task<List<Booking>> BookingsAsync(UponApp app, int sessionId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Bookings.AsNoTracking().Where(b => b.SessionId == sessionId).OrderBy(b => b.Queue).ToListAsync());

    public static Task<List<Upon.Email.OutboxMessage>> EmailsToAsync(UponApp app, string address) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());
}
