using System.Net;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Authorities;

public abstract class DetailsTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_ShowsReferenceDataAndGssCodes()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register/authorities/815");

        Assert.Equal("North Yorkshire", doc.QuerySelector("h1").Text());
        var summary = doc.QuerySelector(".govuk-summary-list").Text();
        Assert.Contains("DfE number 815", summary, StringComparison.Ordinal);
        Assert.Contains("Yorkshire and The Humber", summary, StringComparison.Ordinal);
        Assert.Contains("Vacant", summary, StringComparison.Ordinal);
        var table = doc.QuerySelector("table.govuk-table");
        Assert.Equal("GSS codes", table?.QuerySelector("caption").Text());
        var rows = table!.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(["E10000023 North Yorkshire 1 January 2009 31 March 2023", "E06000065 North Yorkshire 1 April 2023 Still valid"], rows);
        Assert.Equal("/register/appointments/add?authority=815", doc.QuerySelector("a.govuk-button")?.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Get_OperatingPeriod_SaysSinceOrCeased()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var cumberland = await client.GetDocumentAsync("/register/authorities/942");
        var cumbria = await client.GetDocumentAsync("/register/authorities/909");

        Assert.Contains("Operating since 1 April 2023", cumberland.QuerySelector(".govuk-summary-list").Text(), StringComparison.Ordinal);
        Assert.Contains("Ceased 31 March 2023", cumbria.QuerySelector(".govuk-summary-list").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_ShowsHistoryNewestFirstWithVacancies()
    {
        app.RequireDatabase();
        var first = await app.SeedAppointmentAsync("203", "details-history-1", new LocalDate(2019, 4, 1), new LocalDate(2023, 3, 31),
            reason: LeavingReason.MovedToAnotherDcsPost, unplanned: true, givenName: "Ann", familyName: "Lee");
        var second = await app.SeedAppointmentAsync("203", "details-history-2", new LocalDate(2023, 5, 1), type: AppointmentType.Interim,
            givenName: "Bo", familyName: "Chan");
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register/authorities/203");

        var items = doc.QuerySelectorAll(".upon-timeline__item");
        Assert.Equal(3, items.Length);
        Assert.Equal($"appointment-{second}", items[0].Id);
        Assert.Equal("Bo Chan Interim", items[0].QuerySelector(".upon-timeline__title").Text());
        Assert.Equal("/register/people/details-history-2", items[0].QuerySelector(".upon-timeline__title a")?.GetAttribute("href"));
        Assert.Equal("Interim, since 1 May 2023 (3 years, 6 months so far)", items[0].QuerySelector(".upon-timeline__dates").Text());
        Assert.NotNull(items[0].QuerySelector($"a[href='/register/appointments/{second}/edit']"));
        Assert.NotNull(items[0].QuerySelector($"a[href='/register/appointments/{second}/end']"));

        Assert.Contains("upon-timeline__item--vacancy", items[1].ClassList);
        Assert.Equal("1 April 2023 to 30 April 2023 (30 days)", items[1].QuerySelector(".upon-timeline__dates").Text());

        Assert.Equal($"appointment-{first}", items[2].Id);
        Assert.Equal("Permanent, 1 April 2019 to 31 March 2023 (4 years)", items[2].QuerySelector(".upon-timeline__dates").Text());
        Assert.Contains("Left: Moved to another DCS post", items[2].Text(), StringComparison.Ordinal);
        Assert.Equal("Unplanned departure", items[2].QuerySelector(".govuk-tag").Text());
        Assert.NotNull(items[2].QuerySelector($"a[href='/register/appointments/{first}/edit']"));
        Assert.Null(items[2].QuerySelector($"a[href='/register/appointments/{first}/end']"));

        var summary = doc.QuerySelector(".govuk-summary-list").Text();
        Assert.Contains("Bo Chan Interim since 1 May 2023", summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_LastAppointmentEnded_ShowsVacancySoFar()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("204", "details-vacant-1", new LocalDate(2020, 1, 6), new LocalDate(2026, 10, 31));
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register/authorities/204");

        var items = doc.QuerySelectorAll(".upon-timeline__item");
        Assert.Equal(2, items.Length);
        Assert.Contains("upon-timeline__item--vacancy", items[0].ClassList);
        Assert.Equal("since 1 November 2026 (25 days so far)", items[0].QuerySelector(".upon-timeline__dates").Text());
        Assert.Contains("Vacant", doc.QuerySelector(".govuk-summary-list").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Get_UnknownAuthority_Returns404()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/register/authorities/999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app), IClassFixture<SqliteApp>;

public sealed class DetailsTests_Postgres(PostgresApp app) : DetailsTests(app), IClassFixture<PostgresApp>;
