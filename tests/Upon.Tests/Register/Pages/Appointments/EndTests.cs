using System.Net;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Appointments;

public abstract class EndTests(UponApp app)
{
    private static Dictionary<string, string> Fields(string day, string month, string year, string reason, string unplanned) => new()
    {
        ["End.day"] = day,
        ["End.month"] = month,
        ["End.year"] = year,
        ["Reason"] = reason,
        ["Unplanned"] = unplanned,
    };

    [SkippableFact]
    public async Task Get_ShowsTheAppointment()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("305", "end-get-1", new LocalDate(2022, 5, 3), givenName: "Ada", familyName: "Ross");
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync($"/register/appointments/{id}/end");

        var summary = doc.QuerySelector(".govuk-summary-list").Text();
        Assert.Contains("Ada Ross", summary, StringComparison.Ordinal);
        Assert.Contains("Bromley", summary, StringComparison.Ordinal);
        Assert.Contains("since 3 May 2022", summary, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#End-day"));
        Assert.NotNull(doc.QuerySelector("#Reason"));
        Assert.NotNull(doc.QuerySelector("#Unplanned"));
    }

    [SkippableFact]
    public async Task Post_Valid_EndsTheAppointment()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("306", "end-valid-1", new LocalDate(2022, 5, 3));
        var client = app.CreateClient();

        var response = await client.PostFormAsync($"/register/appointments/{id}/end", Fields("14", "11", "2026", "ill_health", "yes"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/register/authorities/306", response.Headers.Location?.OriginalString);
        var saved = await app.AppointmentAsync(id);
        Assert.Equal(new LocalDate(2026, 11, 14), saved!.EndDate);
        Assert.Equal(LeavingReason.IllHealth, saved.LeavingReason);
        Assert.True(saved.Unplanned);
        var page = await client.GetDocumentAsync("/register/authorities/306");
        Assert.Equal("Appointment ended", page.QuerySelector(".govuk-notification-banner__heading").Text());
        Assert.Contains("Ill health", page.QuerySelector(".upon-timeline").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_MissingReason_RendersError()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("307", "end-no-reason", new LocalDate(2022, 5, 3));
        var client = app.CreateClient();

        var response = await client.PostFormAsync($"/register/appointments/{id}/end", Fields("14", "11", "2026", "", "no"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Select a leaving reason"], doc.ErrorSummary());
        Assert.Equal("#Reason", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal("Error: Select a leaving reason", doc.QuerySelector("#Reason-error").Text());
        Assert.Null((await app.AppointmentAsync(id))!.EndDate);
    }

    [SkippableFact]
    public async Task Post_Empty_RendersEveryError()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("308", "end-empty", new LocalDate(2022, 5, 3));
        var client = app.CreateClient();

        var response = await client.PostFormAsync($"/register/appointments/{id}/end", new Dictionary<string, string>());

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["Enter an end date", "Select a leaving reason", "Select yes if the departure was unplanned"], doc.ErrorSummary());
        Assert.Equal(["#End-day", "#Reason", "#Unplanned"], doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
    }

    [SkippableFact]
    public async Task Post_EndBeforeStart_RendersTheServiceError()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("309", "end-before-start", new LocalDate(2022, 5, 3));
        var client = app.CreateClient();

        var response = await client.PostFormAsync($"/register/appointments/{id}/end", Fields("1", "1", "2022", "retired", "no"));

        var doc = await Html.ParseAsync(response);
        Assert.Equal(["The end date must be on or after the start date"], doc.ErrorSummary());
        Assert.Equal("#End-day", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Null((await app.AppointmentAsync(id))!.EndDate);
    }

    [SkippableFact]
    public async Task Post_UnknownAppointment_Returns404()
    {
        app.RequireDatabase();
        var id = await app.SeedAppointmentAsync("310", "end-unknown", new LocalDate(2022, 5, 3));
        var client = app.CreateClient();

        var response = await client.PostFormAsync($"/register/appointments/{id}/end", Fields("14", "11", "2026", "retired", "no"),
            postUrl: "/register/appointments/987654/end");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/register/appointments/987654/end", UriKind.Relative))).StatusCode);
    }
}

public sealed class EndTests_Sqlite(SqliteApp app) : EndTests(app), IClassFixture<SqliteApp>;

public sealed class EndTests_Postgres(PostgresApp app) : EndTests(app), IClassFixture<PostgresApp>;
