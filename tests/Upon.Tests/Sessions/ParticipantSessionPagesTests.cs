using System.Net;
using NodaTime;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>A participant's own session pages: book, join the waiting list, cancel, send apologies.</summary>
public abstract class ParticipantSessionPagesTests(UponApp app)
{
    [SkippableFact]
    public async Task AParticipantBooksCancelsAndSendsApologies_FromTheirPages()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1, start: new LocalDateTime(2027, 4, 16, 14, 0), title: "Finance for directors");
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var client = app.CreateClient(Roles.Participant);

        var list = await client.GetDocumentAsync("/my/sessions");
        Assert.NotNull(list.QuerySelector($"tr[data-session-id='{session.Id}']"));
        var page = $"/my/sessions/{session.Id}";
        Assert.Null((await client.GetDocumentAsync(page)).QuerySelector("#video-link"));

        var booked = await client.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Book");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var after = await client.GetDocumentAsync(page);
        Assert.Contains("Booked", after.QuerySelector("#booking-state")!.TextContent);
        Assert.Equal("https://meet.example.org/upon-test", after.QuerySelector("#video-link")?.TextContent.Trim());

        var empty = await Html.ParseAsync(await client.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = "  " }, $"{page}?handler=Apologies"));
        Assert.Equal(["Enter why you cannot come"], empty.ErrorSummary());

        var waiting = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await app.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Upon.Sessions.BookingService>(s)
            .BookAsync(session.Id, waiting.Id, null, onBehalf: true));
        var apologies = await client.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = "Ofsted inspection that week" }, $"{page}?handler=Apologies");
        Assert.Equal(HttpStatusCode.Redirect, apologies.StatusCode);

        var bookings = await SessionSeed.BookingsAsync(app, session.Id);
        Assert.Equal(BookingStatus.Cancelled, bookings.Single(b => b.ParticipantId == me.Id).Status);
        Assert.Equal(BookingStatus.Booked, bookings.Single(b => b.ParticipantId == waiting.Id).Status);
        Assert.Contains("Ofsted inspection that week", (await client.GetDocumentAsync(page)).QuerySelector("#apology")!.TextContent);
    }

    [SkippableFact]
    public async Task Apologies_AfterTheSessionStarted_ShowTheRule_AndKeepMyPlace()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var started = app.Clock.GetCurrentInstant().InZone(Upon.Core.Time.London).LocalDateTime.PlusMinutes(-30);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 2, start: started);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        await SessionSeed.PlacesAsync(app, session, [me]);
        var client = app.CreateClient(Roles.Participant);
        var page = $"/my/sessions/{session.Id}";

        var late = await Html.ParseAsync(await client.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = "Running late" }, $"{page}?handler=Apologies"));

        Assert.Equal([ApologiesRule.Started], late.ErrorSummary());
        Assert.Equal(BookingStatus.Booked, (await SessionSeed.BookingsAsync(app, session.Id)).Single(b => b.ParticipantId == me.Id).Status);
    }

    [SkippableFact]
    public async Task AFullSession_OffersTheWaitingList_AndShowsMyPlaceInIt()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 1);
        await SessionSeed.TestParticipantAsync(app, strand);
        var other = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        await app.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Upon.Sessions.BookingService>(s)
            .BookAsync(session.Id, other.Id, null, onBehalf: true));
        var client = app.CreateClient(Roles.Participant);
        var page = $"/my/sessions/{session.Id}";

        Assert.Equal("Join the waiting list", (await client.GetDocumentAsync(page)).QuerySelector("#book")!.TextContent.Trim());
        await client.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Book");

        var after = await client.GetDocumentAsync(page);
        Assert.Contains("Waiting list: number 1", after.QuerySelector("#booking-state")!.TextContent);
        Assert.Equal("Leave the waiting list", after.QuerySelector("#cancel")!.TextContent.Trim());
    }

    [SkippableFact]
    public async Task APastSession_ShowsAsHeld_NeverScheduledOrOpenToBook()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var yesterday = app.Clock.GetCurrentInstant().InZone(Upon.Core.Time.London).LocalDateTime.PlusDays(-1);
        var held = await SessionSeed.SessionAsync(app, strand, capacity: 5, start: yesterday, title: "Held yesterday");
        var missed = await SessionSeed.SessionAsync(app, strand, capacity: 5, start: yesterday.PlusHours(-3), title: "Not booked");
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        await SessionSeed.PlacesAsync(app, held, [me]);
        var client = app.CreateClient(Roles.Participant);

        var mine = (await client.GetDocumentAsync($"/my/sessions/{held.Id}")).QuerySelector("#booking-state");
        var other = (await client.GetDocumentAsync($"/my/sessions/{missed.Id}")).QuerySelector("#booking-state");

        Assert.NotNull(mine);
        Assert.Equal("Held", mine.QuerySelector("[data-session-status]")?.TextContent.Trim());
        Assert.Contains("Booked", mine.TextContent, StringComparison.Ordinal);
        Assert.NotNull(other);
        Assert.Equal("Held", other.QuerySelector("[data-session-status]")?.TextContent.Trim());
        Assert.DoesNotContain("places left", other.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Scheduled", other.TextContent, StringComparison.Ordinal);

        var record = await app.CreateClient(Roles.Administrator).GetDocumentAsync($"/participants/{me.Id}");
        Assert.Null(record.QuerySelector($"#upcoming tr[data-session-id='{held.Id}']")); // sessions to come only
        Assert.DoesNotContain("Scheduled", record.QuerySelector("main")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ASessionOutsideMyProgramme_IsNotFound()
    {
        app.RequireDatabase();
        var mine = await SessionSeed.StrandAsync(app);
        var other = await SessionSeed.StrandAsync(app);
        await SessionSeed.TestParticipantAsync(app, mine);
        var elsewhere = await SessionSeed.SessionAsync(app, other, capacity: 5);
        var client = app.CreateClient(Roles.Participant);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/my/sessions/{elsewhere.Id}")).StatusCode);
        Assert.Null((await client.GetDocumentAsync("/my/sessions")).QuerySelector($"tr[data-session-id='{elsewhere.Id}']"));
    }
}

public sealed class ParticipantSessionPagesTests_Sqlite(SqliteApp app) : ParticipantSessionPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ParticipantSessionPagesTests_Postgres(PostgresApp app) : ParticipantSessionPagesTests(app), IClassFixture<PostgresApp>;
