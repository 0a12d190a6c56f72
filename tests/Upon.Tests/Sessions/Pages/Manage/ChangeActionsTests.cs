using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Sessions.SessionTesting;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary>
/// Moving a session online, postponing it and cancelling it: each raises the SEQUENCE, sets the status and change note, and
/// puts one email per person booked or waiting in the outbox in the same transaction, saying what changed. The app writes
/// its email to a pickup directory, so the messages can be read back as sent.
/// </summary>
public abstract class ChangeActionsTests(PickupApp app)
{
    private const string Venue = "Conference Centre, 1 High Street, Leeds";
    private const string Link = "https://meet.example.org/moved-online";

    private Task<Upon.Sessions.Session> InPersonAsync(Upon.Sessions.Strand strand) =>
        app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0),
            title: "Winter residential", type: SessionType.Residential, venue: Venue, videoLink: null);

    private Task<int> OutboxCountAsync() => app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.CountAsync());

    /// <summary>The .eml the pickup directory holds for an outbox message, once the background sender has written it.</summary>
    private async Task<MimeMessage> SentAsync(long outboxId)
    {
        var path = Path.Combine(app.PickupDirectory, $"{outboxId}.eml");
        for (var waited = 0; !File.Exists(path) && waited < 20_000; waited += 100)
        {
            await app.Sender().SendDueAsync();
            await Task.Delay(100);
        }
        Assert.True(File.Exists(path), $"{path} was not written");
        return await MimeMessage.LoadAsync(path);
    }

    [SkippableFact]
    public async Task MoveOnline_EmailsEachPersonBookedOrWaiting_AndKeepsTheVenue()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await InPersonAsync(strand);
        var people = await app.BookAsync(session.Id, booked: 2, waiting: 1);
        var client = app.CreateClient();

        var form = await client.GetDocumentAsync($"/sessions/{session.Id}/move-online");
        var response = await client.PostFormAsync($"/sessions/{session.Id}/move-online", new Dictionary<string, string> { ["VideoLink"] = Link, ["Reason"] = "Rail strikes that week." });

        Assert.Contains("3 people will be emailed: 2 booked and 1 on the waiting list", form.QuerySelector("#who-is-told").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(SessionStatus.MovedOnline, saved.Status);
        Assert.Equal(1, saved.Sequence);
        Assert.Equal(Link, saved.VideoLink);
        Assert.Equal(Venue, saved.Venue);
        Assert.Equal(session.Start, saved.Start);
        Assert.Equal("Moved online. Rail strikes that week.", saved.ChangeNote);

        var mail = await app.OutboxToAsync(people.Select(p => p.Email));
        Assert.Equal(people.Select(p => p.Email).Order(), mail.Select(m => m.To).Order());
        Assert.All(mail, m =>
        {
            Assert.Equal("Moved online: Winter residential, Friday 15 January 2027, 14:00 to 16:00", m.Subject);
            Assert.Contains("Winter residential on Friday 15 January 2027, 14:00 to 16:00 has moved online. The date and time are the same.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"Where\n  Was: {Venue}\n", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Why: Rail strikes that week.", m.TextBody, StringComparison.Ordinal);
        });
        var booked = mail.Single(m => m.To == people[0].Email);
        Assert.Contains($"Now: online at {Link}", booked.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Dear Person1,", booked.TextBody, StringComparison.Ordinal);
        var waiting = mail.Single(m => m.To == people[2].Email);
        Assert.DoesNotContain(Link, waiting.TextBody, StringComparison.Ordinal);
        Assert.Contains("You are number 1 on the waiting list", waiting.TextBody, StringComparison.Ordinal);
        Assert.Contains("Now: online (the video link is sent to people with a place)", waiting.TextBody, StringComparison.Ordinal);

        var sent = await SentAsync(booked.Id);
        Assert.Equal(people[0].Email, Assert.Single(sent.To.Mailboxes).Address);
        Assert.Equal(booked.Subject, sent.Subject);
        Assert.Contains($"Now: online at {Link}", sent.TextBody, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync($"/sessions/{session.Id}");
        Assert.Equal("Session moved online. 3 people will be emailed about it", page.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Equal("Moved online", page.QuerySelector("#status").Text());
        Assert.Contains("Moved online. Rail strikes that week.", page.QuerySelector("#change-note").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"a[href='/sessions/{session.Id}/move-online']"));
    }

    [SkippableFact]
    public async Task MoveOnline_NobodyBooked_ChangesTheSessionAndSendsNoEmail()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await InPersonAsync(strand);
        var before = await OutboxCountAsync();
        var client = app.CreateClient();

        var response = await client.PostFormAsync($"/sessions/{session.Id}/move-online", new Dictionary<string, string> { ["VideoLink"] = Link });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, (await app.SessionAsync(session.Id)).Sequence);
        Assert.Equal(before, await OutboxCountAsync());
        var page = await client.GetDocumentAsync($"/sessions/{session.Id}");
        Assert.Equal("Session moved online. Nobody was booked or waiting, so no emails were sent", page.QuerySelector(".govuk-notification-banner__heading").Text());
    }

    [SkippableFact]
    public async Task MoveOnline_WithoutALink_NamesTheFieldAndChangesNothing()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await InPersonAsync(strand);
        var people = await app.BookAsync(session.Id, booked: 1);

        var response = await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/move-online", new Dictionary<string, string> { ["VideoLink"] = "" });

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Enter the video link"], doc.ErrorSummary());
        Assert.Equal(["#VideoLink"], doc.ErrorLinks());
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(SessionStatus.Scheduled, saved.Status);
        Assert.Equal(0, saved.Sequence);
        Assert.Empty(await app.OutboxToAsync(people.Select(p => p.Email)));
    }

    [SkippableFact]
    public async Task Postpone_MovesTheSessionAndEmailsTheOldAndNewTimes()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var people = await app.BookAsync(session.Id, booked: 1, waiting: 1);
        var fields = new Dictionary<string, string> { ["StartTime"] = "14:00", ["EndTime"] = "16:00", ["Reason"] = "The speaker is unwell." };
        fields.SetDate("Date", new LocalDate(2027, 4, 16));

        var response = await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/postpone", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(SessionStatus.Postponed, saved.Status);
        Assert.Equal(1, saved.Sequence);
        Assert.Equal(new LocalDateTime(2027, 4, 16, 14, 0), saved.Start);
        Assert.Equal(Instant.FromUtc(2027, 4, 16, 13, 0), saved.StartUtc);
        Assert.Equal(Instant.FromUtc(2027, 4, 16, 15, 0), saved.EndUtc);
        Assert.Equal("Postponed from Friday 15 January 2027, 14:00 to 16:00. The speaker is unwell.", saved.ChangeNote);
        var mail = await app.OutboxToAsync(people.Select(p => p.Email));
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m =>
        {
            Assert.Equal("Postponed: Leading through inspection, now Friday 16 April 2027, 14:00 to 16:00", m.Subject);
            Assert.Contains("Time\n  Was: Friday 15 January 2027, 14:00 to 16:00\n  Now: Friday 16 April 2027, 14:00 to 16:00", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("When: Friday 16 April 2027, 14:00 to 16:00 (UK time)", m.TextBody, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task Postpone_ToThePast_IsRejected()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var fields = new Dictionary<string, string> { ["StartTime"] = "14:00", ["EndTime"] = "16:00" };
        fields.SetDate("Date", new LocalDate(2026, 11, 20));

        var response = await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/postpone", fields);

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["The new date and time must be in the future"], doc.ErrorSummary());
        Assert.Equal(["#Date-day"], doc.ErrorLinks());
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(SessionStatus.Scheduled, saved.Status);
        Assert.Equal(0, saved.Sequence);
    }

    [SkippableFact]
    public async Task Postpone_ToEasterMonday_WarnsBeforeMoving()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var fields = new Dictionary<string, string> { ["StartTime"] = "14:00", ["EndTime"] = "16:00" };
        fields.SetDate("Date", new LocalDate(2027, 3, 29));
        var client = app.CreateClient();

        var warned = await Html.ParseAsync(await client.PostFormAsync($"/sessions/{session.Id}/postpone", fields));

        Assert.Contains("Monday 29 March 2027 is a bank holiday in England and Wales (Easter Monday)", warned.QuerySelector("#warnings").Text(), StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Scheduled, (await app.SessionAsync(session.Id)).Status);

        fields["Confirmed"] = warned.QuerySelector("input[name=Confirmed]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/sessions/{session.Id}/postpone", fields)).StatusCode);
        Assert.Equal(new LocalDateTime(2027, 3, 29, 14, 0), (await app.SessionAsync(session.Id)).Start);
    }

    [SkippableFact]
    public async Task MoveOnlineThenPostpone_StaysOnline_InTheEmailTheFeedAndThePublicPage()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await InPersonAsync(strand);
        var person = (await app.BookAsync(session.Id, booked: 1))[0];
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/sessions/{session.Id}/move-online", new Dictionary<string, string> { ["VideoLink"] = Link })).StatusCode);
        var fields = new Dictionary<string, string> { ["StartTime"] = "14:00", ["EndTime"] = "16:00" };
        fields.SetDate("Date", new LocalDate(2027, 2, 19));

        var response = await client.PostFormAsync($"/sessions/{session.Id}/postpone", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal((SessionStatus.Postponed, true, Venue), (saved.Status, saved.MovedOnline, saved.Venue));
        var postponed = (await app.OutboxToAsync([person.Email])).Single(m => m.Subject.StartsWith("Postponed: ", StringComparison.Ordinal));
        Assert.Contains($"Where: online at {Link}\n", postponed.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Venue, postponed.TextBody, StringComparison.Ordinal);
        var feed = Ical.Net.Calendar.Load(await app.CreateAnonymousClient().GetStringAsync($"/calendars/strands/{strand.Slug}.ics"))!;
        var calendarEvent = feed.Events.Single(e => e.Uid == session.Uid);
        Assert.Equal(("Online", "TENTATIVE"), (calendarEvent.Location, calendarEvent.Status));
        var publicPage = await app.CreateAnonymousClient().GetDocumentAsync($"/programme/sessions/{session.Id}");
        Assert.Equal("Online (moved online)", publicPage.QuerySelector("#where").Text());
        Assert.Equal("Online (moved online)", (await client.GetDocumentAsync($"/sessions/{session.Id}")).QuerySelector("#format").Text());
    }

    [SkippableFact]
    public async Task Cancel_EmailsEveryoneBookedOrWaiting_ButNotCancelledBookings()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var people = await app.BookAsync(session.Id, booked: 2, waiting: 1);
        await app.WithDbAsync(async db =>
        {
            var gone = await db.Bookings.SingleAsync(b => b.SessionId == session.Id && b.ParticipantId == people[1].Id);
            gone.Status = BookingStatus.Cancelled;
            await db.SaveChangesAsync();
        });

        var response = await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/cancel", new Dictionary<string, string> { ["Reason"] = "Too few people could come." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(SessionStatus.Cancelled, saved.Status);
        Assert.Equal(1, saved.Sequence);
        Assert.Equal("Cancelled. Too few people could come.", saved.ChangeNote);
        var mail = await app.OutboxToAsync(people.Select(p => p.Email));
        Assert.Equal([people[0].Email, people[2].Email], mail.Select(m => m.To).Order());
        Assert.All(mail, m =>
        {
            Assert.Equal("Cancelled: Leading through inspection, Friday 15 January 2027, 14:00 to 16:00", m.Subject);
            Assert.Contains("has been cancelled. It will not take place.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("Why: Too few people could come.", m.TextBody, StringComparison.Ordinal);
        });

        var again = await app.CreateClient().GetDocumentAsync($"/sessions/{session.Id}/cancel");
        Assert.Contains("already been cancelled", again.QuerySelector("#cannot-change").Text(), StringComparison.Ordinal);
        var refused = await Html.ParseAsync(await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/postpone",
            new Dictionary<string, string> { ["StartTime"] = "14:00", ["EndTime"] = "16:00", ["Date.day"] = "5", ["Date.month"] = "2", ["Date.year"] = "2027" }));
        Assert.Equal(["This session has been cancelled, so it cannot be postponed"], refused.ErrorSummary());
        Assert.Equal(1, (await app.SessionAsync(session.Id)).Sequence);
    }

    [SkippableFact]
    public async Task Cancel_WithoutAReason_AsksForOne()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));

        var response = await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/cancel", new Dictionary<string, string> { ["Reason"] = " " });

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Enter why the session is cancelled"], doc.ErrorSummary());
        Assert.Equal(["#Reason"], doc.ErrorLinks());
        Assert.Equal(SessionStatus.Scheduled, (await app.SessionAsync(session.Id)).Status);
    }

    [SkippableFact]
    public async Task Actions_OfAnEndedSession_AreNotOffered()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2026, 11, 20, 14, 0), new LocalDateTime(2026, 11, 20, 16, 0));

        var page = await app.CreateClient().GetDocumentAsync($"/sessions/{session.Id}");

        Assert.Equal("This session has ended.", page.QuerySelector("#no-changes").Text());
        Assert.Null(page.QuerySelector($"a[href='/sessions/{session.Id}/cancel']"));
    }
}

public sealed class ChangeActionsTests_Sqlite(PickupSqliteApp app) : ChangeActionsTests(app), IClassFixture<PickupSqliteApp>;

public sealed class ChangeActionsTests_Postgres(PickupPostgresApp app) : ChangeActionsTests(app), IClassFixture<PickupPostgresApp>;
