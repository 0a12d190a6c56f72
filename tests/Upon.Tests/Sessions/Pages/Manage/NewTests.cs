using System.Net;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Sessions.SessionTesting;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary><c>/sessions/new</c>: one session, validated at the edge, times kept in London and in UTC, bank holidays a warning.</summary>
public abstract class NewTests(UponApp app)
{
    private const string Url = "/sessions/new";

    private async Task<AngleSharp.Dom.IDocument> PostExpectingPageAsync(Dictionary<string, string> fields)
    {
        var response = await app.CreateClient().PostFormAsync(Url, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [SkippableFact]
    public async Task Get_OffersEveryStrandAndCohortAndEveryType()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync("Cohorted", hasCohorts: true);
        var cohort = await app.AddCohortAsync(strand.Id, "2026-27");

        var doc = await app.CreateClient().GetDocumentAsync($"{Url}?strand={strand.Id}");

        var groups = doc.QuerySelectorAll("#Group option").ToDictionary(o => o.GetAttribute("value") ?? "", o => o.TextContent.Trim());
        Assert.Contains("New Directors", groups.Values);
        Assert.Contains("Aspirant Directors (every cohort)", groups.Values);
        Assert.Equal($"{strand.Name}: 2026-27", groups[Group(strand.Id, cohort.Id)]);
        Assert.Equal(Group(strand.Id), doc.QuerySelector("#Group option[selected]")?.GetAttribute("value"));
        Assert.Equal(SessionCodes.AllTypes.Select(t => t.ToCode()), doc.QuerySelectorAll("input[name=Type]").Select(i => i.GetAttribute("value")));
        Assert.NotNull(doc.QuerySelector("#Date-day"));
        Assert.NotNull(doc.QuerySelector("#EndDate-year"));
    }

    [SkippableFact]
    public async Task Post_Valid_CreatesAScheduledSessionWithItsOwnUid()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var client = app.CreateClient();

        var response = await client.PostFormAsync(Url, SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = await app.SessionAsync(SessionIdFrom(response));
        Assert.Equal("Leading through inspection", session.Title);
        Assert.Equal(SessionType.VirtualWorkshop, session.Type);
        Assert.Equal(strand.Id, session.StrandId);
        Assert.Null(session.CohortId);
        Assert.Equal(new LocalDateTime(2027, 1, 15, 14, 0), session.Start);
        Assert.Equal(new LocalDateTime(2027, 1, 15, 16, 0), session.End);
        Assert.Equal(Instant.FromUtc(2027, 1, 15, 14, 0), session.StartUtc);
        Assert.Equal(Instant.FromUtc(2027, 1, 15, 16, 0), session.EndUtc);
        Assert.Equal(20, session.Capacity);
        Assert.Equal("https://meet.example.org/abc-defg-hij", session.VideoLink);
        Assert.Null(session.Venue);
        Assert.Equal(SessionStatus.Scheduled, session.Status);
        Assert.Equal(0, session.Sequence);
        Assert.Matches("^[0-9a-f]{32}@upon$", session.Uid);
        Assert.Equal(app.Clock.GetCurrentInstant(), session.CreatedAt);

        var page = await client.GetDocumentAsync($"/sessions/{session.Id}");
        Assert.Equal("Session created", page.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Contains("Friday 15 January 2027, 14:00 to 16:00", page.QuerySelector("#when").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_JulyAfternoon_IsAnHourEarlierInUtc()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var client = app.CreateClient();

        var response = await client.PostFormAsync(Url, SessionFields(Group(strand.Id), new LocalDate(2027, 7, 16)));

        var session = await app.SessionAsync(SessionIdFrom(response));
        Assert.Equal(new LocalDateTime(2027, 7, 16, 14, 0), session.Start);
        Assert.Equal(Instant.FromUtc(2027, 7, 16, 13, 0), session.StartUtc);
        Assert.Equal(Instant.FromUtc(2027, 7, 16, 15, 0), session.EndUtc);
        var page = await client.GetDocumentAsync($"/sessions/{session.Id}");
        Assert.Contains("16 July 2027, 13:00 to 15:00 UTC", page.QuerySelector("#when").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_TwoDayResidential_EndsOnTheEndDate()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 3, 9), start: "10:00", end: "16:00");
        fields["Type"] = "residential";
        fields["Venue"] = "Conference Centre\r\n1 High Street\r\nLeeds";
        fields["VideoLink"] = "";
        fields["CircumstancesPermitting"] = "true";
        fields.SetDate("EndDate", new LocalDate(2027, 3, 10));

        var response = await app.CreateClient().PostFormAsync(Url, fields);

        var session = await app.SessionAsync(SessionIdFrom(response));
        Assert.Equal(new LocalDateTime(2027, 3, 10, 16, 0), session.End);
        Assert.Equal("Conference Centre\n1 High Street\nLeeds", session.Venue);
        Assert.True(session.CircumstancesPermitting);
        Assert.Null(session.VideoLink);
    }

    [SkippableFact]
    public async Task Post_Empty_NamesEachMissingFieldInPageOrder()
    {
        app.RequireDatabase();

        var doc = await PostExpectingPageAsync(new Dictionary<string, string>());

        Assert.Equal(
            ["Enter a title", "Select the type of session", "Select the strand or cohort", "Enter a date", "Enter a start time", "Enter an end time", "Enter the number of places"],
            doc.ErrorSummary());
        Assert.Equal(["#Title", "#Type", "#Group", "#Date-day", "#StartTime", "#EndTime", "#Capacity"], doc.ErrorLinks());
        Assert.Equal("Error: Enter a title", doc.QuerySelector("#Title-error").Text());
        Assert.Equal("Error: Enter a start time", doc.QuerySelector("#StartTime-error").Text());
        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_MalformedValues_NameTheirFields()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15), start: "25:00");
        fields["Capacity"] = "0";
        fields["VideoLink"] = "teams meeting";
        fields["Title"] = new string('x', 201);
        fields["Date.day"] = "31";
        fields["Date.month"] = "2";

        var doc = await PostExpectingPageAsync(fields);

        Assert.Equal(
            ["Title must be 200 characters or fewer", "Date must be a real date", "Enter the start time as a time of day, like 14:00",
             "Number of places must be between 1 and 1,000", "Enter the video link as a full web address, like https://meet.example.org/abc-defg-hij"],
            doc.ErrorSummary());
        Assert.Equal(["#Title", "#Date-day", "#StartTime", "#Capacity", "#VideoLink"], doc.ErrorLinks());
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Post_EndBeforeStart_IsRejected()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();

        var doc = await PostExpectingPageAsync(SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15), start: "16:00", end: "14:00"));

        Assert.Equal(["End time must be after the start time"], doc.ErrorSummary());
        Assert.Equal(["#EndTime"], doc.ErrorLinks());
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Post_TimeInTheSpringClockChangeGap_IsRejected()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();

        var doc = await PostExpectingPageAsync(SessionFields(Group(strand.Id), new LocalDate(2027, 3, 28), start: "01:30", end: "03:00"));

        Assert.Equal(["There is no 01:30 on Sunday 28 March 2027 in London: the clocks go forward from 01:00 to 02:00"], doc.ErrorSummary());
        Assert.Equal(["#StartTime"], doc.ErrorLinks());
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Post_TimeInTheAutumnOverlap_IsRejected()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();

        var doc = await PostExpectingPageAsync(SessionFields(Group(strand.Id), new LocalDate(2027, 10, 31), start: "00:30", end: "01:30"));

        Assert.Equal(["01:30 on Sunday 31 October 2027 happens twice in London: the clocks go back from 02:00 to 01:00"], doc.ErrorSummary());
        Assert.Equal(["#EndTime"], doc.ErrorLinks());
    }

    [SkippableFact]
    public async Task Post_OnGoodFriday_WarnsAndCreatesOnlyOnceConfirmed()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var client = app.CreateClient();
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 3, 26));

        var warned = await client.PostFormAsync(Url, fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var doc = await Html.ParseAsync(warned);
        Assert.Empty(doc.ErrorSummary());
        Assert.DoesNotContain("Error", doc.Title, StringComparison.Ordinal);
        Assert.Equal("Friday 26 March 2027 is a bank holiday in England and Wales (Good Friday)", doc.QuerySelector("[data-warning='holiday:2027-03-26']").Text());
        Assert.Equal("Create session anyway", doc.QuerySelector("main form button[type=submit]").Text());
        var confirmation = doc.QuerySelector("input[name=Confirmed]")?.GetAttribute("value");
        Assert.Equal("holiday:2027-03-26", confirmation);
        Assert.Empty(await app.SessionsOfAsync(strand.Id));

        fields["Confirmed"] = confirmation!;
        var created = await client.PostFormAsync(Url, fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(new LocalDateTime(2027, 3, 26, 14, 0), Assert.Single(await app.SessionsOfAsync(strand.Id)).Start);
    }

    [SkippableFact]
    public async Task Post_ConfirmationOfAnotherDate_WarnsAgain()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 3, 29));
        fields["Confirmed"] = "holiday:2027-03-26";

        var doc = await PostExpectingPageAsync(fields);

        Assert.Contains("Easter Monday", doc.QuerySelector("#warnings").Text(), StringComparison.Ordinal);
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Post_SameTimeAsAnotherSessionOfTheStrand_Warns()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 2, 5, 13, 0), new LocalDateTime(2027, 2, 5, 15, 0), title: "Already there");

        var doc = await PostExpectingPageAsync(SessionFields(Group(strand.Id), new LocalDate(2027, 2, 5)));

        Assert.Contains("Already there (Friday 5 February 2027, 13:00 to 15:00) is at the same time for the same people", doc.QuerySelector("#warnings").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        using var content = new FormUrlEncodedContent(SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15)));

        var response = await app.CreateClient().PostAsync(new Uri(Url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }
}

public sealed class NewTests_Sqlite(SqliteApp app) : NewTests(app), IClassFixture<SqliteApp>;

public sealed class NewTests_Postgres(PostgresApp app) : NewTests(app), IClassFixture<PostgresApp>;
