using System.Net;
using System.Net.Http.Json;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Accounts;

/// <summary>
/// A write to the API signed in with the sign-in cookie needs the page's antiforgery token in the
/// <c>RequestVerificationToken</c> header, so another site cannot make a signed-in browser book someone; an API token needs none.
/// </summary>
public abstract class ApiAntiforgeryTests(UponApp app)
{
    private static Task<HttpResponseMessage> BookAsync(HttpClient client, int sessionId, int participantId, string? antiforgery = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/sessions/{sessionId}/bookings", UriKind.Relative))
        {
            Content = JsonContent.Create(new { participantId }),
        };
        if (antiforgery is not null)
        {
            request.Headers.Add("RequestVerificationToken", antiforgery);
        }
        return client.SendAsync(request);
    }

    [SkippableFact]
    public async Task CookieBooking_WithoutTheAntiforgeryToken_Is400ProblemAndBooksNothing()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        var cookie = app.CreateClient(Roles.PartnerStaff);

        var refused = await BookAsync(cookie, session.Id, people[0].Id);
        var forged = await BookAsync(cookie, session.Id, people[0].Id, antiforgery: "not-a-token");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (refused.StatusCode, forged.StatusCode));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("antiforgery", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await SessionSeed.BookingsAsync(app, session.Id));

        // The page's token in the header, as the app's own pages would send it.
        var page = await cookie.GetDocumentAsync("/report-a-problem");
        var antiforgery = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(cookie, session.Id, people[1].Id, antiforgery)).StatusCode);
        // A program with an API token needs no antiforgery token.
        Assert.Equal(HttpStatusCode.Created, (await BookAsync(app.CreateApiClient(Roles.PartnerStaff), session.Id, people[2].Id)).StatusCode);
        Assert.Equal([people[1].Id, people[2].Id], (await SessionSeed.BookingsAsync(app, session.Id)).Select(b => b.ParticipantId).Order());
    }

    [SkippableFact]
    public async Task CookieBooking_ByARoleThatMayNot_IsStill403()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 5);
        var person = Assert.Single(await SessionSeed.ParticipantsAsync(app, strand, 1));

        var response = await BookAsync(app.CreateClient(Roles.Funder), session.Id, person.Id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await SessionSeed.BookingsAsync(app, session.Id));
    }
}

public sealed class ApiAntiforgeryTests_Sqlite(SqliteApp app) : ApiAntiforgeryTests(app), IClassFixture<SqliteApp>;

public sealed class ApiAntiforgeryTests_Postgres(PostgresApp app) : ApiAntiforgeryTests(app), IClassFixture<PostgresApp>;
