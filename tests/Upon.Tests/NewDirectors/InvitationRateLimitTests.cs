using System.Net;
using Upon.Tests.Feedback;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.NewDirectors;

/// <summary>Answers to an invitation link are limited per client like the other public forms: past the limit, 429 with Retry-After.</summary>
public abstract class InvitationRateLimitTests(PublicFormsLimitedApp app)
{
    [SkippableFact]
    public async Task Post_PastTheLimit_TooManyRequestsWithRetryAfter()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();
        // Guessing secrets: each answer is 404 until the limit, then 429. Any page's antiforgery token will do.
        Task<HttpResponseMessage> GuessAsync(int i) => client.PostFormAsync("/report-a-problem", new Dictionary<string, string>(), $"/invitations/guess-{i}?handler=Accept");

        for (var i = 0; i < PublicFormsLimitedApp.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await GuessAsync(i)).StatusCode);
        }
        var refused = await GuessAsync(PublicFormsLimitedApp.Limit);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // Opening the link is not limited.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/invitations/guess-0", UriKind.Relative))).StatusCode);
    }
}

public sealed class InvitationRateLimitTests_Sqlite(PublicFormsLimitedSqliteApp app) : InvitationRateLimitTests(app), IClassFixture<PublicFormsLimitedSqliteApp>;

public sealed class InvitationRateLimitTests_Postgres(PublicFormsLimitedPostgresApp app) : InvitationRateLimitTests(app), IClassFixture<PublicFormsLimitedPostgresApp>;
