using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Feedback;

/// <summary>An app that allows three public form submissions a minute.</summary>
public abstract class PublicFormsLimitedApp(DatabaseProvider provider) : UponApp(provider)
{
    public const int Limit = 3;

    protected override int PublicFormPermitsPerMinute => Limit;
}

public sealed class PublicFormsLimitedSqliteApp() : PublicFormsLimitedApp(DatabaseProvider.Sqlite);

public sealed class PublicFormsLimitedPostgresApp() : PublicFormsLimitedApp(DatabaseProvider.Postgres);

/// <summary>Report-a-problem submissions are limited per client: past the limit, 429 with Retry-After, and nothing stored.</summary>
public abstract class ReportAProblemRateLimitTests(PublicFormsLimitedApp app)
{
    [SkippableFact]
    public async Task Post_PastTheLimit_TooManyRequestsWithRetryAfter()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();
        Task<HttpResponseMessage> PostAsync(int i) => client.PostFormAsync("/report-a-problem", new Dictionary<string, string>
        {
            ["Name"] = $"Rate {i}",
            ["Email"] = $"rate{i}@example.org",
            ["PageAbout"] = "",
            ["Message"] = "Too many reports.",
        });

        for (var i = 0; i < PublicFormsLimitedApp.Limit; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(i)).StatusCode);
        }
        var refused = await PostAsync(PublicFormsLimitedApp.Limit);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/report-a-problem", UriKind.Relative))).StatusCode);
        var stored = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<UponDbContext>().ProblemReports.Count(r => r.Message == "Too many reports.")));
        Assert.Equal(PublicFormsLimitedApp.Limit, stored);
    }
}

public sealed class ReportAProblemRateLimitTests_Sqlite(PublicFormsLimitedSqliteApp app) : ReportAProblemRateLimitTests(app), IClassFixture<PublicFormsLimitedSqliteApp>;

public sealed class ReportAProblemRateLimitTests_Postgres(PublicFormsLimitedPostgresApp app) : ReportAProblemRateLimitTests(app), IClassFixture<PublicFormsLimitedPostgresApp>;
