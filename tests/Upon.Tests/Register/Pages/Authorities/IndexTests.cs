using AngleSharp.Dom;
using Upon.Core.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register.Pages.Authorities;

public abstract class IndexTests(UponApp app)
{
    private const int InOperationToday = 153;

    private static IElement? Row(IDocument doc, string code) => doc.QuerySelector($"tr[data-authority='{code}']");

    [SkippableFact]
    public async Task Get_ListsEveryAuthorityInOperationWithItsDirector()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("202", "index-list-1", new LocalDate(2020, 4, 1), givenName: "Priya", familyName: "Shah");
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register");

        Assert.Equal("Register", doc.QuerySelector(".upon-nav__link[aria-current=page]").Text());
        Assert.Equal($"{InOperationToday} authorities", doc.QuerySelector(".govuk-table__caption").Text());
        Assert.Equal(InOperationToday, doc.QuerySelectorAll("tbody tr").Length);
        var camden = Row(doc, "202");
        Assert.NotNull(camden);
        Assert.Equal("/register/authorities/202", camden.QuerySelector("th a")?.GetAttribute("href"));
        Assert.Equal("Camden", camden.QuerySelector("th a").Text());
        Assert.Contains("London", camden.Text(), StringComparison.Ordinal);
        var person = camden.QuerySelector("td a");
        Assert.Equal("Priya Shah", person.Text());
        Assert.Equal("/register/people/index-list-1", person?.GetAttribute("href"));
        Assert.Contains("1 April 2020", camden.Text(), StringComparison.Ordinal);
        Assert.Null(camden.QuerySelector(".govuk-tag"));
        Assert.Equal("Vacant", Row(doc, "201")?.QuerySelector(".govuk-tag--red").Text());
        Assert.Null(Row(doc, "909")); // Cumbria ceased on 31 March 2023
        Assert.NotNull(doc.QuerySelector("a[href='/register/appointments/add']"));
        Assert.NotNull(doc.QuerySelector("a[href='/register/upload']"));
    }

    [SkippableFact]
    public async Task Get_FilterRegion_ShowsOnlyThatRegion()
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register?region=E12000001");

        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.Equal(12, rows.Length);
        Assert.All(rows, row => Assert.Equal("North East", row.QuerySelector("td").Text()));
        Assert.NotNull(Row(doc, "390"));
        Assert.Null(Row(doc, "202"));
        Assert.Equal("12 authorities", doc.QuerySelector(".govuk-table__caption").Text());
        Assert.Equal("E12000001", doc.QuerySelector("#region option[selected]")?.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task Get_FilterInterim_ShowsOnlyInterimOrActingDirectors()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("330", "index-interim-1", new LocalDate(2025, 1, 6), type: AppointmentType.Interim);
        await app.SeedAppointmentAsync("331", "index-interim-2", new LocalDate(2025, 2, 3), type: AppointmentType.Acting);
        await app.SeedAppointmentAsync("332", "index-interim-3", new LocalDate(2025, 3, 3));
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register?interim=true");

        Assert.Equal("Interim", Row(doc, "330")?.QuerySelector(".govuk-tag").Text());
        Assert.Equal("Acting", Row(doc, "331")?.QuerySelector(".govuk-tag").Text());
        Assert.Null(Row(doc, "332"));
        Assert.Null(Row(doc, "333"));
        Assert.All(doc.QuerySelectorAll("tbody tr"), row => Assert.NotNull(row.QuerySelector("td a")));
        Assert.True(doc.QuerySelector("#interim")?.HasAttribute("checked"));
        Assert.Equal(
            $"{doc.QuerySelectorAll("tbody tr").Length} {(doc.QuerySelectorAll("tbody tr").Length == 1 ? "authority" : "authorities")}",
            doc.QuerySelector(".govuk-table__caption").Text());
    }

    [SkippableFact]
    public async Task Get_FilterVacant_ShowsOnlyVacantAuthorities()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("340", "index-vacant-1", new LocalDate(2024, 9, 1));
        await app.SeedAppointmentAsync("341", "index-vacant-2", new LocalDate(2018, 9, 1), new LocalDate(2025, 8, 31));
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register?vacant=true");

        Assert.Null(Row(doc, "340"));
        Assert.Equal("Vacant", Row(doc, "341")?.QuerySelector(".govuk-tag").Text());
        Assert.All(doc.QuerySelectorAll("tbody tr"), row => Assert.Equal("Vacant", row.QuerySelector(".govuk-tag--red").Text()));
        Assert.True(doc.QuerySelector("#vacant")?.HasAttribute("checked"));
    }

    [SkippableFact]
    public async Task Get_FilterRegionAndVacant_CombinesFilters()
    {
        app.RequireDatabase();
        await app.SeedAppointmentAsync("391", "index-combined-1", new LocalDate(2024, 9, 1));
        var client = app.CreateClient();

        var doc = await client.GetDocumentAsync("/register?region=E12000001&vacant=true");

        Assert.Null(Row(doc, "391"));
        Assert.NotNull(Row(doc, "392"));
        Assert.Null(Row(doc, "202"));
    }
}

public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class IndexTests_Postgres(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;
