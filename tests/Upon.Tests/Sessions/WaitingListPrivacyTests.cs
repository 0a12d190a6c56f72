using System.Text;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Email;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>
/// Only people with a place ever see a session's video link. Someone only waiting gets every email a waiting person can
/// get (joining the list, the session moved online, postponed, cancelled, leaving the list) and a private calendar feed,
/// and none of them holds the link, in its text or its attachments.
/// </summary>
public abstract class WaitingListPrivacyTests(UponApp app)
{
    private const string Link = "https://meet.example.org/secret-room-4471";

    private static string Everything(OutboxMessage message) =>
        message.Subject + "\n" + message.TextBody + "\n" + message.HtmlBody + "\n" +
        string.Join("\n", message.Attachments.Select(a => Encoding.UTF8.GetString(a.Content)));

    [SkippableFact]
    public async Task EveryEmailAndFeedAWaitingPersonGets_LeavesOutTheVideoLink()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var online = await SessionSeed.SessionAsync(app, strand, capacity: 1, videoLink: Link, title: "Online workshop");
        var hybrid = await SessionSeed.SessionAsync(app, strand, capacity: 1, venue: "1 High Street, Leeds", videoLink: Link, title: "Hybrid workshop",
            type: SessionType.Residential);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        var (booked, waiting) = (people[0], people[1]);
        foreach (var session in new[] { online, hybrid })
        {
            await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().BookAsync(session.Id, booked.Id, null, onBehalf: true));
            var outcome = await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().BookAsync(session.Id, waiting.Id, null, onBehalf: true));
            Assert.Equal(BookingStatus.Waitlisted, outcome.Booking!.Status);
        }

        var later = new LocalDateTime(2027, 2, 1, 10, 0);
        Assert.True((await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().MoveOnlineAsync(hybrid.Id, Link + "-new", "Snow"))).Succeeded);
        Assert.True((await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().PostponeAsync(online.Id, later, later.PlusHours(2), "Illness"))).Succeeded);
        Assert.True((await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().CancelAsync(hybrid.Id, "No venue"))).Succeeded);
        await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().CancelAsync(online.Id, waiting.Id));
        var secret = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Upon.Data.UponDbContext>();
            return await s.GetRequiredService<CalendarFeeds>().NewPrivateFeedAsync(await db.Participants.FindAsync(waiting.Id) ?? throw new InvalidOperationException());
        });
        var feed = await app.CreateAnonymousClient().GetStringAsync(CalendarFeeds.PrivateFeedPath(secret));

        var toWaiting = await SessionSeed.EmailsToAsync(app, waiting.Email);
        Assert.Equal(6, toWaiting.Count);
        Assert.All(toWaiting, m => Assert.DoesNotContain("meet.example.org", Everything(m), StringComparison.Ordinal));
        Assert.Contains(toWaiting, m => m.Subject == "On the waiting list: Online workshop" && m.TextBody.Contains("Where: Online (the link is sent to people with a place)", StringComparison.Ordinal));
        Assert.DoesNotContain("meet.example.org", feed, StringComparison.Ordinal);
        // Those with a place do get it, so the check above can fail.
        Assert.Contains(await SessionSeed.EmailsToAsync(app, booked.Email), m => Everything(m).Contains(Link, StringComparison.Ordinal));
    }
}

public sealed class WaitingListPrivacyTests_Sqlite(SqliteApp app) : WaitingListPrivacyTests(app), IClassFixture<SqliteApp>;

public sealed class WaitingListPrivacyTests_Postgres(PostgresApp app) : WaitingListPrivacyTests(app), IClassFixture<PostgresApp>;

/// <summary>
/// Cancelling takes the event out of people's calendars: the email carries METHOD:CANCEL with the session's UID and a
/// SEQUENCE higher than the one they were sent.
/// </summary>
public abstract class CalendarCancellationTests(UponApp app)
{
    private static Calendar Attached(OutboxMessage message, string fileName)
    {
        var attachment = Assert.Single(message.Attachments, a => a.FileName == fileName);
        return Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!;
    }

    /// <summary>The address every email comes from, which the emailed events name as their ORGANIZER.</summary>
    private Uri Organizer() =>
        new("mailto:" + MimeKit.MailboxAddress.Parse(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.From).Address);

    [SkippableFact]
    public async Task CancellingABooking_EmailsACancelOfTheSameEvent_WithAHigherSequence()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5);
        var person = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().BookAsync(session.Id, person.Id, null, onBehalf: true));

        await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().CancelAsync(session.Id, person.Id));

        var mails = await SessionSeed.EmailsToAsync(app, person.Email);
        var sent = Assert.Single(Attached(mails[0], "session.ics").Events);
        var cancel = Attached(mails[1], "cancelled.ics");
        Assert.Equal("CANCEL", cancel.Method);
        var cancelled = Assert.Single(cancel.Events);
        Assert.Equal(session.Uid, cancelled.Uid);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > sent.Sequence, $"SEQUENCE {cancelled.Sequence} is not above {sent.Sequence}");
        // RFC 5546: a CANCEL names its ORGANIZER, the same as the event it cancels, and the ATTENDEE it is for.
        Assert.Equal(Organizer(), cancelled.Organizer?.Value);
        Assert.Equal(sent.Organizer?.Value, cancelled.Organizer?.Value);
        Assert.Equal(new Uri("mailto:" + person.Email), Assert.Single(cancelled.Attendees).Value);
    }

    [SkippableFact]
    public async Task StaffCancellingASession_EmailsACancelToEveryoneBookedOrWaiting()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        foreach (var person in people)
        {
            await app.WithScopeAsync(s => s.GetRequiredService<BookingService>().BookAsync(session.Id, person.Id, null, onBehalf: true));
        }

        Assert.True((await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().CancelAsync(session.Id, "The speaker is ill"))).Succeeded);

        foreach (var person in people)
        {
            var last = (await SessionSeed.EmailsToAsync(app, person.Email))[^1];
            var cancel = Attached(last, "cancelled.ics");
            Assert.Equal("CANCEL", cancel.Method);
            Assert.Equal((session.Uid, 1), (cancel.Events.Single().Uid, cancel.Events.Single().Sequence));
            Assert.Equal(Organizer(), cancel.Events.Single().Organizer?.Value);
            Assert.Equal(new Uri("mailto:" + person.Email), Assert.Single(cancel.Events.Single().Attendees).Value);
            Assert.DoesNotContain("meet.example.org", Encoding.UTF8.GetString(last.Attachments.Single().Content), StringComparison.Ordinal);
        }
    }
}

public sealed class CalendarCancellationTests_Sqlite(SqliteApp app) : CalendarCancellationTests(app), IClassFixture<SqliteApp>;

public sealed class CalendarCancellationTests_Postgres(PostgresApp app) : CalendarCancellationTests(app), IClassFixture<PostgresApp>;
