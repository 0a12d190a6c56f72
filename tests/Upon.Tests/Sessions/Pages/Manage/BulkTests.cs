using System.Net;
using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Sessions.SessionTesting;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary>
/// <c>/sessions/bulk</c>: a recurrence gives every date, bank holidays are flagged in the preview, unticked dates are left
/// out, and the rest are created together.
/// </summary>
public abstract class BulkTests(UponApp app)
{
    private const string Url = "/sessions/bulk";

    /// <summary>"Every 4 weeks on Friday, 14:00 to 16:00, from 1 January to 30 June 2027".</summary>
    private static Dictionary<string, string> EveryFourthFriday(int strandId)
    {
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "New Directors workshop",
            ["Type"] = "virtual-workshop",
            ["Group"] = Group(strandId),
            ["Repeat"] = "weeks",
            ["Interval"] = "4",
            ["WeeklyDay"] = "friday",
            ["StartTime"] = "14:00",
            ["EndTime"] = "16:00",
            ["Capacity"] = "24",
            ["VideoLink"] = "https://meet.example.org/new-directors",
        };
        fields.SetDate("From", new LocalDate(2027, 1, 1));
        fields.SetDate("To", new LocalDate(2027, 6, 30));
        return fields;
    }

    private static readonly string[] FourthFridays = ["2027-01-01", "2027-01-29", "2027-02-26", "2027-03-26", "2027-04-23", "2027-05-21", "2027-06-18"];

    private static async Task<AngleSharp.Dom.IDocument> PreviewAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync(Url, fields, $"{Url}?handler=Preview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>The preview's hidden fields and the dates left ticked, as the browser would send them.</summary>
    private static List<KeyValuePair<string, string>> PreviewForm(AngleSharp.Dom.IDocument preview, IEnumerable<string> ticked) =>
    [
        .. preview.QuerySelectorAll("main form input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")),
        .. ticked.Select(d => new KeyValuePair<string, string>("Dates", d)),
    ];

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, AngleSharp.Dom.IDocument preview, IEnumerable<string> ticked)
    {
        using var content = new FormUrlEncodedContent(PreviewForm(preview, ticked));
        return await client.PostAsync(new Uri($"{Url}?handler=Create", UriKind.Relative), content);
    }

    [SkippableFact]
    public async Task Preview_EveryFourthFriday_ListsEachDateTickedAndFlagsTheBankHolidays()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();

        var preview = await PreviewAsync(app.CreateClient(), EveryFourthFriday(strand.Id));

        Assert.Empty(preview.ErrorSummary());
        Assert.Equal("Every 4 weeks on Friday, from 1 January 2027 to 30 June 2027", preview.QuerySelector("#rule").Text());
        var dates = preview.QuerySelectorAll("#dates input[name=Dates]").ToList();
        Assert.Equal(FourthFridays, dates.Select(d => d.GetAttribute("value")));
        Assert.All(dates, d => Assert.True(d.HasAttribute("checked")));
        Assert.Equal("Friday 1 January 2027, 14:00 to 16:00", preview.QuerySelector("[data-date='2027-01-01'] label").Text());
        Assert.Equal("Bank holiday Friday 1 January 2027 is a bank holiday in England and Wales (New Year’s Day)",
            preview.QuerySelector("[data-date='2027-01-01'] [data-warning]").Text());
        Assert.Equal("Bank holiday Friday 26 March 2027 is a bank holiday in England and Wales (Good Friday)",
            preview.QuerySelector("[data-date='2027-03-26'] [data-warning]").Text());
        Assert.Equal(2, preview.QuerySelectorAll("[data-warning^='holiday:']").Length);
        Assert.Contains("2 dates are bank holidays in England and Wales", preview.QuerySelector("#holiday-warning").Text(), StringComparison.Ordinal);
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Create_WithTheBankHolidaysUnticked_CreatesTheOtherFiveTogether()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var client = app.CreateClient();
        var preview = await PreviewAsync(client, EveryFourthFriday(strand.Id));

        var response = await CreateAsync(client, preview, FourthFridays.Except(["2027-01-01", "2027-03-26"]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/sessions?strand={strand.Id}", response.Headers.Location?.OriginalString);
        var sessions = await app.SessionsOfAsync(strand.Id);
        Assert.Equal(["2027-01-29", "2027-02-26", "2027-04-23", "2027-05-21", "2027-06-18"], sessions.Select(s => s.Start.Date.ToString("yyyy-MM-dd", null)));
        Assert.All(sessions, s =>
        {
            Assert.Equal("New Directors workshop", s.Title);
            Assert.Equal(new LocalTime(14, 0), s.Start.TimeOfDay);
            Assert.Equal(new LocalTime(16, 0), s.End.TimeOfDay);
            Assert.Equal(24, s.Capacity);
            Assert.Equal(SessionStatus.Scheduled, s.Status);
            Assert.Equal(0, s.Sequence);
        });
        Assert.Equal(Instant.FromUtc(2027, 1, 29, 14, 0), sessions[0].StartUtc);
        Assert.Equal(Instant.FromUtc(2027, 4, 23, 13, 0), sessions[2].StartUtc);
        Assert.Equal(5, sessions.Select(s => s.Uid).Distinct().Count());
        var list = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("5 sessions created, from 29 January 2027 to 18 June 2027", list.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Equal(5, list.QuerySelectorAll("#sessions tbody tr").Length);
    }

    [SkippableFact]
    public async Task Create_NothingTicked_AsksForADateAndCreatesNothing()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var client = app.CreateClient();
        var preview = await PreviewAsync(client, EveryFourthFriday(strand.Id));

        var response = await CreateAsync(client, preview, []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Select at least one date to create a session on"], doc.ErrorSummary());
        Assert.Equal(["#Dates"], doc.ErrorLinks());
        Assert.Equal(7, doc.QuerySelectorAll("#dates input[name=Dates]").Length);
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Preview_LastFridayOfEachMonth_GivesOneDateAMonth()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = EveryFourthFriday(strand.Id);
        fields["Repeat"] = "month";
        fields["Ordinal"] = "last";
        fields["MonthlyDay"] = "friday";

        var preview = await PreviewAsync(app.CreateClient(), fields);

        Assert.Equal("The last Friday of each month, from 1 January 2027 to 30 June 2027", preview.QuerySelector("#rule").Text());
        Assert.Equal(["2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30", "2027-05-28", "2027-06-25"],
            preview.QuerySelectorAll("#dates input[name=Dates]").Select(d => d.GetAttribute("value")));
    }

    [SkippableFact]
    public async Task Preview_Empty_NamesEachMissingField()
    {
        app.RequireDatabase();

        var preview = await PreviewAsync(app.CreateClient(), new Dictionary<string, string>());

        Assert.Equal(
            ["Enter a title", "Select the type of session", "Select the strand or cohort", "Select how often the sessions repeat",
             "Enter a first date", "Enter a last date", "Enter a start time", "Enter an end time", "Enter the number of places"],
            preview.ErrorSummary());
        Assert.Equal(["#Title", "#Type", "#Group", "#Repeat", "#From-day", "#To-day", "#StartTime", "#EndTime", "#Capacity"], preview.ErrorLinks());
        Assert.Null(preview.QuerySelector("#dates"));
    }

    [SkippableFact]
    public async Task Preview_BadRule_NamesItsFields()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = EveryFourthFriday(strand.Id);
        fields["Interval"] = "0";
        fields["WeeklyDay"] = "";
        fields.SetDate("To", new LocalDate(2026, 12, 1));

        var preview = await PreviewAsync(app.CreateClient(), fields);

        Assert.Equal(["Weeks apart must be between 1 and 52", "Select the day of the week", "Last date must be on or after the first date"], preview.ErrorSummary());
        Assert.Equal(["#Interval", "#WeeklyDay", "#To-day"], preview.ErrorLinks());
    }

    [SkippableFact]
    public async Task Change_GoesBackToTheFormAsFilledIn()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var client = app.CreateClient();
        var preview = await PreviewAsync(client, EveryFourthFriday(strand.Id));
        using var content = new FormUrlEncodedContent(PreviewForm(preview, FourthFridays));

        var response = await client.PostAsync(new Uri($"{Url}?handler=Change", UriKind.Relative), content);

        var form = await Html.ParseAsync(response);
        Assert.Empty(form.ErrorSummary());
        Assert.Equal("New Directors workshop", form.QuerySelector("#Title")?.GetAttribute("value"));
        Assert.Equal("4", form.QuerySelector("#Interval")?.GetAttribute("value"));
        Assert.Equal("friday", form.QuerySelector("#WeeklyDay option[selected]")?.GetAttribute("value"));
        Assert.Equal("30", form.QuerySelector("#To-day")?.GetAttribute("value"));
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }
}

public sealed class BulkTests_Sqlite(SqliteApp app) : BulkTests(app), IClassFixture<SqliteApp>;

public sealed class BulkTests_Postgres(PostgresApp app) : BulkTests(app), IClassFixture<PostgresApp>;
