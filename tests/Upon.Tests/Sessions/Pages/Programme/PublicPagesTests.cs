using System.Net;
using Upon.Core.Sessions;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions.Pages.Programme;

/// <summary>
/// <c>/programme</c>, <c>/programme/sessions</c> and <c>/programme/sessions/{id}</c>: open to anyone, upcoming sessions by
/// strand, and never a video link or anyone booked.
/// </summary>
public abstract class PublicPagesTests(UponApp app)
{
    private const string SecretLink = "https://meet.example.org/secret-link-for-participants";

    [SkippableFact]
    public async Task Programme_IsOpenToAnyone_AndDescribesBothStrands()
    {
        app.RequireDatabase();

        var page = await app.CreateAnonymousClient().GetDocumentAsync("/programme");

        Assert.Equal("New Directors", page.QuerySelector("#new-directors").Text());
        Assert.Equal("Aspirant Directors", page.QuerySelector("#aspirant-directors").Text());
        Assert.Contains("annual cohort", page.Body.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/programme/sessions#new-directors']"));
        Assert.NotNull(page.QuerySelector(".upon-nav__link[href='/programme'][aria-current=page]"));
    }

    [SkippableFact]
    public async Task Sessions_ListsUpcomingByStrand_WithoutLinksOrPeople()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync("Public strand");
        var upcoming = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 7, 16, 14, 0), new LocalDateTime(2027, 7, 16, 16, 0), title: "Summer workshop", videoLink: SecretLink);
        var cancelled = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 2, 5, 14, 0), new LocalDateTime(2027, 2, 5, 16, 0), title: "Cancelled workshop", status: SessionStatus.Cancelled);
        await app.AddSessionAsync(strand.Id, new LocalDateTime(2026, 10, 16, 14, 0), new LocalDateTime(2026, 10, 16, 16, 0), title: "Last month's workshop");
        await app.BookAsync(upcoming.Id, booked: 1, name: "Privatename");

        var response = await app.CreateAnonymousClient().GetAsync(new Uri("/programme/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(SecretLink, html, StringComparison.Ordinal);
        Assert.DoesNotContain("meet.example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatename", html, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        var rows = page.QuerySelectorAll($"table[data-strand='{strand.Slug}'] tbody tr").ToList();
        Assert.Equal(["Cancelled workshop", "Summer workshop"], rows.Select(r => r.QuerySelector("th a").Text()));
        Assert.Equal("Friday 16 July 2027, 14:00 to 16:00", rows[1].QuerySelector("td").Text());
        Assert.Equal("Online", rows[1].QuerySelectorAll("td")[1].Text());
        Assert.Equal("Cancelled", rows[0].QuerySelector(".govuk-tag").Text());
        Assert.Equal($"/programme/sessions/{cancelled.Id}", rows[0].QuerySelector("th a")?.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task Session_ShowsWhenAndWhere_ButNeverTheVideoLink()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 3, 9, 10, 0), new LocalDateTime(2027, 3, 10, 16, 0),
            title: "Spring residential", type: SessionType.Residential, venue: "Conference Centre\n1 High Street", videoLink: SecretLink);
        await app.BookAsync(session.Id, booked: 1, name: "Privatename");

        var response = await app.CreateAnonymousClient().GetAsync(new Uri($"/programme/sessions/{session.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("meet.example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatename", html, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Spring residential", page.QuerySelector("h1").Text());
        Assert.Equal("Tuesday 9 March 2027, 10:00 to Wednesday 10 March 2027, 16:00 (UK time)", page.QuerySelector("#when").Text());
        Assert.Contains("Conference Centre", page.QuerySelector("#where").Text(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Session_MovedOnline_SaysSoWithoutTheLink()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 3, 9, 10, 0), new LocalDateTime(2027, 3, 9, 16, 0),
            venue: "Conference Centre", videoLink: SecretLink, status: SessionStatus.MovedOnline);

        var page = await app.CreateAnonymousClient().GetDocumentAsync($"/programme/sessions/{session.Id}");

        Assert.Equal("Online (moved online)", page.QuerySelector("#where").Text());
        Assert.Equal("Moved online", page.QuerySelector("#status").Text());
        Assert.DoesNotContain("meet.example.org", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Session_Unknown_IsNotFound()
    {
        app.RequireDatabase();

        var response = await app.CreateAnonymousClient().GetAsync(new Uri("/programme/sessions/987654", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task StaffPages_AreNotOpenToAnyone()
    {
        app.RequireDatabase();

        var response = await app.CreateAnonymousClient().GetAsync(new Uri("/sessions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}

public sealed class PublicPagesTests_Sqlite(SqliteApp app) : PublicPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PublicPagesTests_Postgres(PostgresApp app) : PublicPagesTests(app), IClassFixture<PostgresApp>;
