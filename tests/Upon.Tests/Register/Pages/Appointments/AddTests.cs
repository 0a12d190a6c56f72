using System.Net;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Register.Pages.RegisterPageTesting;

namespace Upon.Tests.Register.Pages.Appointments;

public abstract class AddTests(UponApp app)
{
    private const string Url = "/register/appointments/add";

    private static async Task<AngleSharp.Dom.IDocument> PostWithErrorsAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.PostFormAsync(Url, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    [SkippableFact]
    public async Task Get_WithAuthority_PreselectsItAndListsCeasedAuthorities()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync($"{Url}?authority=202");

        Assert.Equal("202", doc.QuerySelector("#AuthorityCode option[selected]")?.GetAttribute("value"));
        var options = doc.QuerySelectorAll("#AuthorityCode option").ToDictionary(o => o.GetAttribute("value") ?? "", o => o.Text());
        Assert.Equal("Cumbria (ceased 2023)", options["909"]);
        Assert.Equal("Dorset (ceased 2019)", options["835"]);
        Assert.Equal("Dorset", options["838"]);
        Assert.Equal(161, options.Count); // a blank option and 160 authorities
        Assert.Contains("Use an existing identifier", doc.QuerySelector("#PersonId-hint").Text(), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#Start-day"));
        Assert.NotNull(doc.QuerySelector("#End-year"));
        Assert.Equal(["permanent", "interim", "acting"], doc.QuerySelectorAll("input[name=Type]").Select(i => i.GetAttribute("value")));
    }

    [SkippableFact]
    public async Task Post_Valid_SavesAndRedirectsToTheAuthority()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("205", "add-valid-1", new LocalDate(2025, 6, 2));
        fields["Email"] = "alex.jones@example.org";
        fields["Type"] = "interim";

        var response = await client.PostFormAsync($"{Url}?authority=205", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/register/authorities/205", response.Headers.Location?.OriginalString);
        var saved = Assert.Single(await app.AppointmentsAsync("205"));
        Assert.Equal(AppointmentType.Interim, saved.Type);
        Assert.Equal(new LocalDate(2025, 6, 2), saved.StartDate);
        Assert.Null(saved.EndDate);
        Assert.Equal("Alex Jones", saved.Person!.FullName);
        Assert.Equal("alex.jones@example.org", saved.Person.Email);
        var page = await client.GetDocumentAsync("/register/authorities/205");
        Assert.Equal("Appointment added", page.QuerySelector(".govuk-notification-banner__heading").Text());
    }

    [SkippableFact]
    public async Task Post_EndedAppointment_SavesEnding()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("206", "add-ended-1", new LocalDate(2015, 1, 5), new LocalDate(2019, 12, 31));
        fields["Reason"] = "resigned";
        fields["Unplanned"] = "yes";

        var response = await client.PostFormAsync(Url, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = Assert.Single(await app.AppointmentsAsync("206"));
        Assert.Equal(new LocalDate(2019, 12, 31), saved.EndDate);
        Assert.Equal(LeavingReason.Resigned, saved.LeavingReason);
        Assert.True(saved.Unplanned);
    }

    [SkippableFact]
    public async Task Post_Empty_RendersEveryRequiredError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var doc = await PostWithErrorsAsync(client, new Dictionary<string, string>());

        Assert.Equal(
            ["Select an authority", "Enter the person's identifier", "Enter a given name", "Enter a family name", "Select the type of appointment", "Enter a start date"],
            doc.ErrorSummary());
        var links = doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#AuthorityCode", "#PersonId", "#GivenName", "#FamilyName", "#Type", "#Start-day"], links);
        Assert.Equal("Error: Enter a start date", doc.QuerySelector("#Start-error").Text());
        Assert.Equal("Error: Select an authority", doc.QuerySelector("#AuthorityCode-error").Text());
        Assert.StartsWith("Error: ", doc.Title, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Post_NoStartDate_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("207", "add-no-start", new LocalDate(2025, 1, 1));
        fields["Start.day"] = fields["Start.month"] = fields["Start.year"] = "";

        var doc = await PostWithErrorsAsync(client, fields);

        Assert.Equal(["Enter a start date"], doc.ErrorSummary());
        Assert.Equal("#Start-day", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal(3, doc.QuerySelectorAll("#Start .govuk-input--error").Length);
        Assert.Equal("Alex", doc.QuerySelector("#GivenName")?.GetAttribute("value"));
        Assert.Empty(await app.AppointmentsAsync("207"));
    }

    [SkippableTheory]
    [InlineData("31", "2", "2025", "Start date must be a real date", "#Start-day")]
    [InlineData("1", "13", "2025", "Start date must be a real date", "#Start-month")]
    [InlineData("x", "1", "2025", "Start date must be a real date", "#Start-day")]
    [InlineData("1", "", "2025", "Start date must include a month", "#Start-month")]
    [InlineData("", "", "2025", "Start date must include a day and month", "#Start-day")]
    [InlineData("1", "4", "25", "The year of the start date must include 4 numbers", "#Start-year")]
    public async Task Post_StartNotARealDate_RendersError(string day, string month, string year, string message, string link)
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("208", "add-bad-date", new LocalDate(2025, 1, 1));
        (fields["Start.day"], fields["Start.month"], fields["Start.year"]) = (day, month, year);

        var doc = await PostWithErrorsAsync(client, fields);

        Assert.Equal([message], doc.ErrorSummary());
        Assert.Equal(link, doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Equal(day, doc.QuerySelector("#Start-day")?.GetAttribute("value") ?? "");
        Assert.Empty(await app.AppointmentsAsync("208"));
    }

    [SkippableFact]
    public async Task Post_EndNotARealDate_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("209", "add-bad-end", new LocalDate(2020, 1, 1), new LocalDate(2021, 1, 1));
        fields["End.day"] = "30";
        fields["End.month"] = "2";
        fields["Reason"] = "retired";
        fields["Unplanned"] = "no";

        var doc = await PostWithErrorsAsync(client, fields);

        Assert.Equal(["End date must be a real date"], doc.ErrorSummary());
        Assert.Equal("#End-day", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Empty(await app.AppointmentsAsync("209"));
    }

    [SkippableFact]
    public async Task Post_TooLongAndMalformed_RendersErrors()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("210", new string('x', 65), new LocalDate(2025, 1, 1));
        fields["GivenName"] = new string('a', 101);
        fields["Email"] = "not-an-email";
        fields["Type"] = "temporary";
        fields["Reason"] = "bored";

        var doc = await PostWithErrorsAsync(client, fields);

        Assert.Equal(
            ["Identifier must be 64 characters or fewer", "Given name must be 100 characters or fewer",
             "Enter an email address in the correct format, like name@example.org", "Select the type of appointment",
             "Select a leaving reason from the list"],
            doc.ErrorSummary());
        Assert.Empty(await app.AppointmentsAsync("210"));
    }

    [SkippableFact]
    public async Task Post_EndWithoutReason_RendersTheServiceErrors()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("211", "add-no-reason", new LocalDate(2020, 1, 1), new LocalDate(2019, 1, 1));

        var doc = await PostWithErrorsAsync(client, fields);

        var errors = doc.ErrorSummary();
        Assert.Equal(3, errors.Count);
        Assert.Contains("end date must be on or after the start date", errors[0], StringComparison.Ordinal);
        Assert.Contains("leaving reason", errors[1], StringComparison.Ordinal);
        Assert.Contains("unplanned", errors[2], StringComparison.Ordinal);
        Assert.Equal(["#End-day", "#Reason", "#Unplanned"], doc.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.All(errors, e => Assert.False(e.EndsWith('.'), e));
        Assert.Empty(await app.AppointmentsAsync("211"));
    }

    [SkippableFact]
    public async Task Post_OverlapWithAnotherPerson_RendersErrorAndSavesNothing()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("212", "add-overlap-holder", new LocalDate(2022, 1, 10), givenName: "Jo", familyName: "Bloggs");
        var client = app.CreateClient();
        var fields = AppointmentFields("212", "add-overlap-newcomer", new LocalDate(2025, 1, 1));

        var doc = await PostWithErrorsAsync(client, fields);

        var error = Assert.Single(doc.ErrorSummary());
        Assert.Contains("Jo Bloggs is DCS of Wandsworth from 10 January 2022", error, StringComparison.Ordinal);
        Assert.Equal("#Start-day", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Single(await app.AppointmentsAsync("212"));
        Assert.False(await app.PersonExistsAsync("add-overlap-newcomer"));
    }

    [SkippableFact]
    public async Task Post_OutsideOperatingPeriod_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("942", "add-outside-1", new LocalDate(2020, 1, 1));

        var doc = await PostWithErrorsAsync(client, fields);

        var error = Assert.Single(doc.ErrorSummary());
        Assert.Contains("Cumberland operated from 1 April 2023", error, StringComparison.Ordinal);
        Assert.Equal("#Start-day", doc.QuerySelector(".govuk-error-summary__list a")?.GetAttribute("href"));
        Assert.Empty(await app.AppointmentsAsync("942"));
        Assert.False(await app.PersonExistsAsync("add-outside-1"));
    }

    [SkippableFact]
    public async Task Post_UnknownAuthority_RendersError()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = AppointmentFields("999", "add-unknown-authority", new LocalDate(2020, 1, 1));

        var doc = await PostWithErrorsAsync(client, fields);

        Assert.Equal(["Select an authority"], doc.ErrorSummary());
        Assert.False(await app.PersonExistsAsync("add-unknown-authority"));
    }

    [SkippableFact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        using var content = new FormUrlEncodedContent(AppointmentFields("213", "add-no-token", new LocalDate(2025, 1, 1)));

        var response = await client.PostAsync(new Uri(Url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.AppointmentsAsync("213"));
    }
}

public sealed class AddTests_Sqlite(SqliteApp app) : AddTests(app), IClassFixture<SqliteApp>;

public sealed class AddTests_Postgres(PostgresApp app) : AddTests(app), IClassFixture<PostgresApp>;
