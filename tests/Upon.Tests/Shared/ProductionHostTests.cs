using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared;

/// <summary>
/// The host in Production behind a proxy that ends TLS: requests arrive over plain HTTP from 10.20.30.40, which
/// <c>ForwardedHeaders:KnownProxies</c> trusts. (A test server has no connection, so the peer's address is taken from
/// the test-only <c>X-Test-Peer</c> header, before the app sees the request.)
/// </summary>
public abstract class ProductionApp(DatabaseProvider provider) : FailingApp(provider)
{
    public const string Proxy = "10.20.30.40";

    protected override string EnvironmentName => "Production";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ForwardedHeaders:KnownProxies", Proxy),
        new("Accounts:RequireTwoFactorForStaff", "false"),
    ];

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<IStartupFilter, PeerAddress>();
    }

    /// <summary>Secure cookies over the plain-HTTP hop: the tests sign in through the proxy themselves.</summary>
    protected override bool SignsInEveryRole => false;

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>Adds what a TLS-ending proxy at <paramref name="peer"/> adds: its address and X-Forwarded-Proto: https.</summary>
public sealed class ThroughProxy(string peer, bool https = true) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Test-Peer", peer);
        if (https)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
        }
        return base.SendAsync(request, cancellationToken);
    }
}

public sealed class ProductionSqliteApp() : ProductionApp(DatabaseProvider.Sqlite);

public sealed class ProductionPostgresApp() : ProductionApp(DatabaseProvider.Postgres);

/// <summary>Issue 9, item 11: Production over plain HTTP behind a TLS-ending proxy.</summary>
public abstract class ProductionHostTests(ProductionApp app)
{
    /// <summary>A browser behind the proxy: cookies kept by hand, since they are Secure and the hop to Upon is plain HTTP.</summary>
    private sealed class Browser(ProductionApp app, string peer, bool https)
    {
        private readonly Dictionary<string, string> _cookies = [];
        private readonly HttpClient _client = app.Factory.CreateDefaultClient(new Uri("http://upon.internal"), new ThroughProxy(peer, https));

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await _client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }

    private static async Task<HttpResponseMessage> ReportAProblemAsync(Browser browser, HttpResponseMessage? formPage = null)
    {
        var page = await Html.ParseAsync(formPage ?? await browser.SendAsync(HttpMethod.Get, "/report-a-problem"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "A Person", ["Email"] = "person@example.org", ["PageAbout"] = "", ["Message"] = "The page did not load.", ["__RequestVerificationToken"] = token,
        });
        return await browser.SendAsync(HttpMethod.Post, "/report-a-problem", form);
    }

    [SkippableFact]
    public async Task FormPost_ThroughTrustedProxy_Works()
    {
        app.RequireDatabase();
        var browser = new Browser(app, ProductionApp.Proxy, https: true);

        var response = await ReportAProblemAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/report-a-problem/confirmation", response.Headers.Location?.OriginalString);
    }

    private static async Task SignInAsync(Browser browser)
    {
        var signInPage = await Html.ParseAsync(await browser.SendAsync(HttpMethod.Get, "/account/sign-in"));
        using var signIn = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = UponApp.EmailFor(Upon.Shared.Security.Roles.Administrator), ["Password"] = UponApp.Password,
            ["__RequestVerificationToken"] = signInPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(HttpMethod.Post, "/account/sign-in", signIn)).StatusCode);
    }

    [SkippableFact]
    public async Task SignedInStaffPost_ThroughTrustedProxy_Works()
    {
        app.RequireDatabase();
        var browser = new Browser(app, ProductionApp.Proxy, https: true);
        await SignInAsync(browser);

        var home = await browser.SendAsync(HttpMethod.Get, "/admin/audit");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.NotNull((await Html.ParseAsync(home)).QuerySelector("form[action='/account/sign-out'] input[name=__RequestVerificationToken]"));
    }

    [SkippableTheory]
    [InlineData("10.20.30.40", false)]
    [InlineData("192.0.2.9", true)]
    public async Task FormPost_OverPlainHttpOrFromAnUntrustedProxy_IsA400PageNotA500(string peer, bool forwarded)
    {
        app.RequireDatabase();
        var browser = new Browser(app, peer, forwarded);

        var get = await browser.SendAsync(HttpMethod.Get, "/report-a-problem");
        Assert.Equal(HttpStatusCode.PermanentRedirect, get.StatusCode);
        Assert.Equal("https://upon.internal/report-a-problem", get.Headers.Location?.OriginalString);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "A" });
        var post = await browser.SendAsync(HttpMethod.Post, "/report-a-problem", form);

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("only over HTTPS", (await Html.ParseAsync(post)).QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.True(post.Headers.Contains("Content-Security-Policy"));
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ErrorPage_AfterAnException_RendersWithSecurityHeaders(bool https)
    {
        app.RequireDatabase();
        var browser = new Browser(app, ProductionApp.Proxy, https);
        if (https)
        {
            await SignInAsync(browser);
        }

        var response = await browser.SendAsync(https ? HttpMethod.Get : HttpMethod.Post, $"/?{FailingApp.Marker}");

        Assert.Equal(https ? HttpStatusCode.InternalServerError : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("h1"));
        foreach (var header in https ? ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Strict-Transport-Security"] : new[] { "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options" })
        {
            Assert.True(response.Headers.Contains(header), $"no {header}");
        }
    }
}

public sealed class ProductionHostTests_Sqlite(ProductionSqliteApp app) : ProductionHostTests(app), IClassFixture<ProductionSqliteApp>;

public sealed class ProductionHostTests_Postgres(ProductionPostgresApp app) : ProductionHostTests(app), IClassFixture<ProductionPostgresApp>;
