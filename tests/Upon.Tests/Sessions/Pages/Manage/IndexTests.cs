using Upon.Core.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions.Pages.Manage;

/// <summary><c>/sessions</c>: places booked and waiting, and the strand, cohort, type, status and time filters.</summary>
public abstract class IndexTests(UponApp app)
{
    [SkippableFact]
    public async Task Get_ShowsBookedOfCapacityAndWaiting_UpcomingFirst()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var later = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 2, 12, 14, 0), new LocalDateTime(2027, 2, 12, 16, 0), title: "Later", capacity: 3);
        var sooner = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0), title: "Sooner", capacity: 2);
        await app.AddSessionAsync(strand.Id, new LocalDateTime(2026, 10, 16, 14, 0), new LocalDateTime(2026, 10, 16, 16, 0), title: "Past");
        await app.BookAsync(sooner.Id, booked: 2, waiting: 2);
        await app.BookAsync(later.Id, booked: 1);

        var page = await app.CreateClient().GetDocumentAsync($"/sessions?strand={strand.Id}");

        var rows = page.QuerySelectorAll("#sessions tbody tr").ToList();
        Assert.Equal([sooner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), later.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows.Select(r => r.GetAttribute("data-session")));
        Assert.Equal("2 of 2", rows[0].QuerySelector("[data-booked]").Text());
        Assert.Equal("2", rows[0].QuerySelector("[data-waiting]").Text());
        Assert.Equal("1 of 3", rows[1].QuerySelector("[data-booked]").Text());
        Assert.Equal("0", rows[1].QuerySelector("[data-waiting]").Text());
        Assert.Equal("Upcoming sessions: 2", page.QuerySelector("#session-count").Text());
    }

    [SkippableFact]
    public async Task Get_Filters_ByTimeTypeStatusAndCohort()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync(hasCohorts: true);
        var cohort = await app.AddCohortAsync(strand.Id, "2026-27");
        await app.AddSessionAsync(strand.Id, new LocalDateTime(2026, 10, 16, 14, 0), new LocalDateTime(2026, 10, 16, 16, 0), title: "Past workshop");
        await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 10, 0), new LocalDateTime(2027, 1, 15, 16, 0), title: "Taught day", type: SessionType.TaughtDay, cohortId: cohort.Id);
        await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 22, 14, 0), new LocalDateTime(2027, 1, 22, 16, 0), title: "Cancelled webinar", type: SessionType.Webinar, status: SessionStatus.Cancelled);
        var client = app.CreateClient();

        async Task<IEnumerable<string>> TitlesAsync(string query) =>
            (await client.GetDocumentAsync($"/sessions?strand={strand.Id}&{query}")).QuerySelectorAll("#sessions tbody th a").Select(a => a.Text());

        Assert.Equal(["Past workshop"], await TitlesAsync("when=past"));
        Assert.Equal(["Past workshop", "Taught day", "Cancelled webinar"], await TitlesAsync("when=all"));
        Assert.Equal(["Taught day"], await TitlesAsync("type=taught-day"));
        Assert.Equal(["Cancelled webinar"], await TitlesAsync("status=cancelled"));
        Assert.Equal(["Taught day"], await TitlesAsync($"cohort={cohort.Id}"));
        var filtered = await client.GetDocumentAsync($"/sessions?strand={strand.Id}&status=cancelled");
        Assert.Equal("cancelled", filtered.QuerySelector("#status option[selected]")?.GetAttribute("value"));
        Assert.NotNull(filtered.QuerySelector("a[href='/sessions']"));
    }
}

public sealed class IndexTests_Sqlite(SqliteApp app) : IndexTests(app), IClassFixture<SqliteApp>;

public sealed class IndexTests_Postgres(PostgresApp app) : IndexTests(app), IClassFixture<PostgresApp>;
