using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>
/// The booking rules enforced by <see cref="BookingService"/> itself, on the real host and database, whoever calls it
/// (a page, the API, the command line): apologies only before the session starts.
/// </summary>
public abstract class BookingServiceTests(UponApp app)
{
    private Task<ApologyOutcome?> SendApologiesAsync(int sessionId, int participantId, string reason) =>
        app.WithScopeAsync(s => s.GetRequiredService<BookingService>().SendApologiesAsync(sessionId, participantId, reason));

    [SkippableFact]
    public async Task SendApologies_AfterTheSessionStarted_IsRefused_AndKeepsTheSeat()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        // Under way: it started half an hour before the fixture's clock.
        var started = app.Clock.GetCurrentInstant().InZone(Time.London).LocalDateTime.PlusMinutes(-30);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1, start: started);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        await SessionSeed.PlacesAsync(app, session, people.Take(1));
        await SessionSeed.PlacesAsync(app, session, people.Skip(1), BookingStatus.Waitlisted);

        var outcome = await SendApologiesAsync(session.Id, people[0].Id, "Stuck on a train");

        Assert.NotNull(outcome);
        Assert.Null(outcome.Apology);
        Assert.Equal(ApologiesRule.Started, outcome.Refused);
        await app.WithDbAsync(async db => Assert.False(await db.Apologies.AnyAsync(a => a.SessionId == session.Id)));
        var bookings = await SessionSeed.BookingsAsync(app, session.Id);
        Assert.Equal([BookingStatus.Booked, BookingStatus.Waitlisted], bookings.OrderBy(b => b.Queue).Select(b => b.Status));
    }

    [SkippableFact]
    public async Task SendApologies_BeforeTheSessionStarts_IsRecorded_AndTheSeatGoesToTheFirstWaiting()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        await SessionSeed.PlacesAsync(app, session, people.Take(1));
        await SessionSeed.PlacesAsync(app, session, people.Skip(1), BookingStatus.Waitlisted);

        var outcome = await SendApologiesAsync(session.Id, people[0].Id, " Stuck on a train ");

        Assert.NotNull(outcome?.Apology);
        Assert.Null(outcome.Refused);
        Assert.Equal("Stuck on a train", outcome.Apology.Reason);
        var bookings = (await SessionSeed.BookingsAsync(app, session.Id)).ToDictionary(b => b.ParticipantId, b => b.Status);
        Assert.Equal(BookingStatus.Cancelled, bookings[people[0].Id]);
        Assert.Equal(BookingStatus.Booked, bookings[people[1].Id]);
        Assert.Equal(BookingStatus.Waitlisted, bookings[people[2].Id]);
        // Given up like a cancellation: the person is told, with the calendar's cancellation at a newer SEQUENCE.
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(session.Sequence + 1, (await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == session.Id)).Sequence);
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.To == people[0].Email && m.Subject == $"Cancelled: your booking for {session.Title}"));
        });
    }

    [SkippableFact]
    public async Task Cancel_AfterTheSessionStarted_KeepsTheSeat_AndGivesNoPlace_ButTheWaitingListCanBeLeft()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var started = app.Clock.GetCurrentInstant().InZone(Time.London).LocalDateTime.PlusMinutes(-30);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1, start: started);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        await SessionSeed.PlacesAsync(app, session, people.Take(1));
        await SessionSeed.PlacesAsync(app, session, people.Skip(1), BookingStatus.Waitlisted);

        var seat = await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().CancelAsync(session.Id, people[0].Id));
        var queue = await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().CancelAsync(session.Id, people[2].Id));

        Assert.Equal(BookingService.StartedRefusal, seat?.Refused);
        Assert.Null(queue?.Refused);
        var bookings = (await SessionSeed.BookingsAsync(app, session.Id)).ToDictionary(b => b.ParticipantId, b => b.Status);
        Assert.Equal(BookingStatus.Booked, bookings[people[0].Id]);
        Assert.Equal(BookingStatus.Waitlisted, bookings[people[1].Id]);
        Assert.Equal(BookingStatus.Cancelled, bookings[people[2].Id]);
    }

    [SkippableFact]
    public async Task SendApologies_NoSuchSession_IsNull()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];

        Assert.Null(await SendApologiesAsync(int.MaxValue, person.Id, "Away"));
    }
}

public sealed class BookingServiceTests_Sqlite(SqliteApp app) : BookingServiceTests(app), IClassFixture<SqliteApp>;

public sealed class BookingServiceTests_Postgres(PostgresApp app) : BookingServiceTests(app), IClassFixture<PostgresApp>;
