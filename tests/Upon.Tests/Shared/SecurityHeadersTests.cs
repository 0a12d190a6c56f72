using System.Net;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared;

/// <summary>Every kind of response carries the security headers: pages, API, errors and static files.</summary>
public sealed class SecurityHeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/authorities", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/authorities/999", HttpStatusCode.NotFound)]
    [InlineData("/js/upon.js", HttpStatusCode.OK)]
    public async Task Response_HasSecurityHeaders(string url, HttpStatusCode expected)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Page_IsNotCached_StaticFileMayBe()
    {
        var client = app.CreateClient();
        var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(page.Headers.CacheControl?.NoStore);
        var script = await client.GetAsync(new Uri("/js/upon.js", UriKind.Relative));
        Assert.NotEqual(true, script.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task NotFoundPage_IsFriendlyAndHasNoStackTrace()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/register/nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }
}
