using System.Net;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary><c>/sessions/{id}</c>: every detail, who is booked, the waiting list in queue order, apologies with reasons.</summary>
public abstract class DetailsTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_ListsBookedWaitingInQueueOrderAndApologies()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0), capacity: 2,
            type: SessionType.Residential, venue: "Conference Centre, Leeds");
        var people = await app.BookAsync(session.Id, booked: 2, waiting: 3, name: "Ada");
        // The queue, not the order rows were added, decides the waiting list: Ada5 joined first.
        await app.WithDbAsync(async db =>
        {
            foreach (var booking in db.Bookings.Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted))
            {
                booking.Queue = 100 - booking.Queue;
            }
            db.Apologies.Add(new Apology { SessionId = session.Id, ParticipantId = people[0].Id, Reason = "Ofsted inspection that week", SentAt = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
        });

        var page = await app.CreateClient().GetDocumentAsync($"/sessions/{session.Id}");

        Assert.Equal("2 booked of 2 (0 left)", page.QuerySelector("#places").Text());
        Assert.Equal("3 people", page.QuerySelector("#waiting").Text());
        Assert.Equal(["Ada1 Example", "Ada2 Example"], page.QuerySelectorAll("#booked tbody th").Select(th => th.Text()));
        Assert.Equal(["Ada5 Example", "Ada4 Example", "Ada3 Example"], page.QuerySelectorAll("#waiting-list tbody th").Select(th => th.Text()));
        Assert.Equal(["1", "2", "3"], page.QuerySelectorAll("#waiting-list tbody td.govuk-table__cell--numeric").Select(td => td.Text()));
        Assert.Equal("Ada1 Example Ofsted inspection that week 25 November 2026 at 12:00", page.QuerySelector("#apologies tbody tr").Text());
        Assert.Equal("Scheduled", page.QuerySelector("#status").Text());
        Assert.Equal("0", page.QuerySelector("#sequence").Text()[..1]);
        Assert.Equal("https://meet.example.org/abc-defg-hij", page.QuerySelector("#video-link a")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='/sessions/{session.Id}/move-online']"));
        Assert.NotNull(page.QuerySelector($"a[href='/sessions/{session.Id}/postpone']"));
        Assert.NotNull(page.QuerySelector($"a[href='/sessions/{session.Id}/cancel']"));
        Assert.NotNull(page.QuerySelector($"a[href='/sessions/{session.Id}/copy']"));
        Assert.Equal($"/admin/audit?EntityType=Session&EntityId={session.Id}", page.QuerySelector("#audit-link")?.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Get_OnlineSession_AsPartnerStaff_HasNoAuditLinkAndNothingToMoveOnline()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));

        var page = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"/sessions/{session.Id}");

        Assert.Null(page.QuerySelector("#audit-link"));
        Assert.Equal("Nobody has booked yet.", page.QuerySelector("#booked td").Text());
        // Already online: there is nothing to move, only the link to edit.
        Assert.Null(page.QuerySelector($"a[href='/sessions/{session.Id}/move-online']"));
        Assert.NotNull(page.QuerySelector($"a[href='/sessions/{session.Id}/postpone']"));
    }

    [SkippableFact]
    public async Task Get_UnknownSession_IsNotFound()
    {
        app.RequireDatabase();

        var response = await app.CreateClient().GetAsync(new Uri("/sessions/987654", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app), IClassFixture<SqliteApp>;

public sealed class DetailsTests_Postgres(PostgresApp app) : DetailsTests(app), IClassFixture<PostgresApp>;
