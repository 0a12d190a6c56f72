using System.Net;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.People;

public abstract class DetailsTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_ShowsCareerAcrossTwoAuthorities()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("831", "people-career-1", new LocalDate(2016, 9, 1), new LocalDate(2021, 8, 31),
            reason: LeavingReason.MovedToAnotherDcsPost, givenName: "Sam", familyName: "Okoro", email: "sam.okoro@example.org");
        await app.SeedAppointmentAsync("830", "people-career-1", new LocalDate(2021, 9, 1), givenName: "Sam", familyName: "Okoro");
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register/people/people-career-1");

        Assert.Equal("Sam Okoro", doc.QuerySelector("h1").Text());
        var summary = doc.QuerySelector(".govuk-summary-list").Text();
        Assert.Contains("Identifier people-career-1", summary, StringComparison.Ordinal);
        Assert.Contains("Email sam.okoro@example.org", summary, StringComparison.Ordinal);
        Assert.Equal("10 years, 2 months", doc.QuerySelector("#total-time").Text());
        Assert.Equal("2", doc.QuerySelector("#authority-count").Text());
        var items = doc.QuerySelectorAll(".upon-timeline__item");
        Assert.Equal(2, items.Length);
        Assert.Equal("Derby", items[0].QuerySelector(".upon-timeline__title").Text());
        Assert.Equal("/register/authorities/831", items[0].QuerySelector(".upon-timeline__title a")?.GetAttribute("href"));
        Assert.Equal("Permanent, 1 September 2016 to 31 August 2021 (5 years)", items[0].QuerySelector(".upon-timeline__dates").Text());
        Assert.Contains("Left: Moved to another DCS post", items[0].Text(), StringComparison.Ordinal);
        Assert.Equal("Derbyshire", items[1].QuerySelector(".upon-timeline__title").Text());
        Assert.Equal("Permanent, since 1 September 2021 (5 years, 2 months so far)", items[1].QuerySelector(".upon-timeline__dates").Text());
    }

    [SkippableFact]
    public async Task Get_NoEmail_LeavesEmailOut()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("855", "people-no-email", new LocalDate(2024, 1, 8));
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register/people/people-no-email");

        Assert.DoesNotContain("Email", doc.QuerySelector(".govuk-summary-list").Text(), StringComparison.Ordinal);
        Assert.Equal("1", doc.QuerySelector("#authority-count").Text());
    }

    [SkippableFact]
    public async Task Get_IdentifierWithSlash_FindsThePerson()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("856", "DCS/0042", new LocalDate(2024, 1, 8), givenName: "Kim", familyName: "Ng");
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register/people/DCS%2F0042");

        Assert.Equal("Kim Ng", doc.QuerySelector("h1").Text());
    }

    [SkippableFact]
    public async Task Get_UnknownPerson_Returns404()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/register/people/nobody-at-all", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DetailsTests_Sqlite(SqliteApp app) : DetailsTests(app), IClassFixture<SqliteApp>;

public sealed class DetailsTests_Postgres(PostgresApp app) : DetailsTests(app), IClassFixture<PostgresApp>;
