using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Sessions.SessionTesting;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary>
/// <c>/sessions/{id}/edit</c>: the capacity never goes below the number booked; a new time, place, link or title raises the
/// SEQUENCE and emails everyone booked or waiting; other edits do neither. A cancelled session cannot be edited.
/// </summary>
public abstract class EditTests(UponApp app)
{
    private static string Url(int id) => $"/sessions/{id}/edit";

    private async Task<(Upon.Sessions.Session Session, Dictionary<string, string> Fields)> SeedAsync(int capacity = 20)
    {
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0), capacity: capacity);
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15));
        fields["Capacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Facilitators"] = "";
        fields["Description"] = "";
        return (session, fields);
    }

    [SkippableFact]
    public async Task Get_FillsInTheFormFromTheSession()
    {
        app.RequireDatabase();
        var (session, _) = await SeedAsync();

        var doc = await app.CreateClient().GetDocumentAsync(Url(session.Id));

        Assert.Equal("Leading through inspection", doc.QuerySelector("#Title")?.GetAttribute("value"));
        Assert.Equal("15", doc.QuerySelector("#Date-day")?.GetAttribute("value"));
        Assert.Equal("2027", doc.QuerySelector("#Date-year")?.GetAttribute("value"));
        Assert.Equal("", doc.FieldValue("#EndDate-day"));
        Assert.Equal("14:00", doc.QuerySelector("#StartTime")?.GetAttribute("value"));
        Assert.Equal("16:00", doc.QuerySelector("#EndTime")?.GetAttribute("value"));
        Assert.Equal("virtual-workshop", doc.QuerySelector("input[name=Type][checked]")?.GetAttribute("value"));
        Assert.Equal("20", doc.QuerySelector("#Capacity")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Get_UnknownSession_IsNotFound()
    {
        app.RequireDatabase();

        var response = await app.CreateClient().GetAsync(new Uri(Url(999_999), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task Post_NewDescriptionOnly_KeepsTheSequenceAndEmailsNobody()
    {
        app.RequireDatabase();
        var (session, fields) = await SeedAsync();
        var people = await app.BookAsync(session.Id, booked: 2);
        fields["Description"] = "Bring a case study.";

        var response = await app.CreateClient().PostFormAsync(Url(session.Id), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal("Bring a case study.", saved.Description);
        Assert.Equal(0, saved.Sequence);
        Assert.Null(saved.ChangeNote);
        Assert.Empty(await app.OutboxToAsync(people.Select(p => p.Email)));
    }

    [SkippableFact]
    public async Task Post_NewTime_RaisesTheSequenceAndEmailsEveryoneBookedOrWaiting()
    {
        app.RequireDatabase();
        var (session, fields) = await SeedAsync(capacity: 2);
        var people = await app.BookAsync(session.Id, booked: 2, waiting: 1);
        fields["StartTime"] = "15:00";
        fields["EndTime"] = "17:00";
        var client = app.CreateClient();

        var response = await client.PostFormAsync(Url(session.Id), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(new LocalDateTime(2027, 1, 15, 15, 0), saved.Start);
        Assert.Equal(Instant.FromUtc(2027, 1, 15, 15, 0), saved.StartUtc);
        Assert.Equal(Instant.FromUtc(2027, 1, 15, 17, 0), saved.EndUtc);
        Assert.Equal(1, saved.Sequence);
        Assert.Equal(SessionStatus.Scheduled, saved.Status);
        Assert.Contains("time", saved.ChangeNote, StringComparison.Ordinal);
        var mail = await app.OutboxToAsync(people.Select(p => p.Email));
        Assert.Equal(people.Select(p => p.Email).Order(), mail.Select(m => m.To).Order());
        Assert.All(mail, m =>
        {
            Assert.Equal("Changed: Leading through inspection, Friday 15 January 2027, 14:00 to 16:00", m.Subject);
            Assert.Contains("Time\n  Was: Friday 15 January 2027, 14:00 to 16:00\n  Now: Friday 15 January 2027, 15:00 to 17:00", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Contains("You are number 1 on the waiting list", mail.Single(m => m.To == people[2].Email).TextBody, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync($"/sessions/{session.Id}");
        Assert.Equal("Session updated. 3 people will be emailed about the change", page.QuerySelector(".govuk-notification-banner__heading").Text());
    }

    /// <summary>
    /// A link stored before links had to be https addresses was never emailed: correcting it tells people with a place the
    /// new link as one added ("none" before), never the old text, and people waiting are not told the link at all.
    /// </summary>
    [SkippableFact]
    public async Task Post_CorrectingAStoredLinkThatIsNotHttps_EmailsTheNewLinkAsAdded_NeverTheOldText()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0), capacity: 1,
            videoLink: "meet.example.org/no-scheme");
        var people = await app.BookAsync(session.Id, booked: 1, waiting: 1);
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15));
        fields["Capacity"] = "1";
        fields["Facilitators"] = "";
        fields["Description"] = "";
        fields["VideoLink"] = "https://meet.example.org/corrected";

        var response = await app.CreateClient().PostFormAsync(Url(session.Id), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = await app.OutboxToAsync(people.Select(p => p.Email));
        Assert.All(mail, m => Assert.DoesNotContain("no-scheme", m.TextBody, StringComparison.Ordinal));
        var booked = mail.Single(m => m.To == people[0].Email).TextBody;
        Assert.Contains("Video link\n  Was: none\n  Now: https://meet.example.org/corrected", booked, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.org", mail.Single(m => m.To == people[1].Email).TextBody, StringComparison.Ordinal);
    }

    /// <summary>
    /// A residential with neither venue nor link has its place to be confirmed; made a virtual workshop, still without
    /// either, it is online: a new type alone changes where it is held, so everyone booked or waiting is told.
    /// </summary>
    [SkippableFact]
    public async Task Post_NewTypeAlone_ThatMakesASessionOnline_EmailsWhereItIsNowHeld()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0), capacity: 1,
            videoLink: null, type: SessionType.Residential);
        var people = await app.BookAsync(session.Id, booked: 1, waiting: 1);
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15));
        fields["Capacity"] = "1";
        fields["Facilitators"] = "";
        fields["Description"] = "";
        fields["VideoLink"] = "";

        var response = await app.CreateClient().PostFormAsync(Url(session.Id), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal((SessionType.VirtualWorkshop, 1), (saved.Type, saved.Sequence));
        var mail = await app.OutboxToAsync(people.Select(p => p.Email));
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m => Assert.Contains("Where\n  Was: place to be confirmed\n  Now: online (the link will follow)", m.TextBody, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task CancelledSession_OffersNoEdit_AndAPostIsRefusedWithAnError_WritingNothing()
    {
        app.RequireDatabase();
        var (session, fields) = await SeedAsync();
        var people = await app.BookAsync(session.Id, booked: 1);
        Assert.True((await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().CancelAsync(session.Id, "Too few people could come."))).Succeeded);
        var mailBefore = (await app.OutboxToAsync(people.Select(p => p.Email))).Count;
        fields["StartTime"] = "15:00";
        fields["EndTime"] = "17:00";
        fields["Capacity"] = "30";
        var client = app.CreateClient();

        var details = await client.GetDocumentAsync($"/sessions/{session.Id}");
        var form = await client.GetDocumentAsync(Url(session.Id));
        var response = await client.PostFormAsync(Url(session.Id), fields);

        Assert.Null(details.QuerySelector($"a[href='{Url(session.Id)}']"));
        Assert.NotNull(details.QuerySelector($"a[href='/sessions/{session.Id}/copy']"));
        Assert.Contains("This session has been cancelled, so it cannot be changed", form.QuerySelector("#cannot-change").Text(), StringComparison.Ordinal);
        Assert.Null(form.QuerySelector("#Title"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([SessionService.CancelledCannotChange], (await Html.ParseAsync(response)).ErrorSummary());
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal((SessionStatus.Cancelled, session.Start, 20, 1), (saved.Status, saved.Start, saved.Capacity, saved.Sequence));
        Assert.Equal(mailBefore, (await app.OutboxToAsync(people.Select(p => p.Email))).Count);
    }

    [SkippableFact]
    public async Task EditAsync_CancelledSession_IsRefusedByTheService_WritingNothing()
    {
        app.RequireDatabase();
        var (session, _) = await SeedAsync();
        Assert.True((await app.WithScopeAsync(s => s.GetRequiredService<SessionChanges>().CancelAsync(session.Id, "No venue."))).Succeeded);
        var details = new SessionDetails("A new title", SessionType.VirtualWorkshop, session.StrandId, null,
            session.Start.PlusHours(1), session.End.PlusHours(1), 30, null, "https://meet.example.org/abc-defg-hij", false, null, null);

        var result = await app.WithScopeAsync(s => s.GetRequiredService<SessionService>().EditAsync(session.Id, details));

        Assert.False(result.Succeeded);
        Assert.Equal(SessionService.CancelledCannotChange, result.Errors[""]);
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(("Leading through inspection", session.Start, 20, 1), (saved.Title, saved.Start, saved.Capacity, saved.Sequence));
    }

    [SkippableFact]
    public async Task Post_CapacityBelowTheNumberBooked_IsRejectedAndExplained()
    {
        app.RequireDatabase();
        var (session, fields) = await SeedAsync(capacity: 5);
        await app.BookAsync(session.Id, booked: 3);
        fields["Capacity"] = "2";
        var client = app.CreateClient();

        var form = await client.GetDocumentAsync(Url(session.Id));
        var response = await client.PostFormAsync(Url(session.Id), fields);

        Assert.Contains("The number of places cannot go below 3, the number booked", form.QuerySelector("#people-notice").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(["3 people are booked, so the capacity must be at least 3. To offer fewer places, cancel bookings first"], doc.ErrorSummary());
        Assert.Equal(["#Capacity"], doc.ErrorLinks());
        var saved = await app.SessionAsync(session.Id);
        Assert.Equal(5, saved.Capacity);
        Assert.Equal(0, saved.Sequence);

        fields["Capacity"] = "3";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Url(session.Id), fields)).StatusCode);
        Assert.Equal(3, (await app.SessionAsync(session.Id)).Capacity);
    }

    [SkippableFact]
    public async Task Post_EmptyTitle_NamesTheField()
    {
        app.RequireDatabase();
        var (session, fields) = await SeedAsync();
        fields["Title"] = "  ";

        var response = await app.CreateClient().PostFormAsync(Url(session.Id), fields);

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Enter a title"], doc.ErrorSummary());
        Assert.Equal("Leading through inspection", (await app.SessionAsync(session.Id)).Title);
    }
}

public sealed class EditTests_Sqlite(SqliteApp app) : EditTests(app), IClassFixture<SqliteApp>;

public sealed class EditTests_Postgres(PostgresApp app) : EditTests(app), IClassFixture<PostgresApp>;
