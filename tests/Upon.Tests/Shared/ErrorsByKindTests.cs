using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Upon.Shared.Security;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared;

/// <summary>
/// A host that logs into <see cref="Logs"/> and fails as a bug would on any request marked <c>?test-failure</c>: its clock,
/// which every page and endpoint reads, throws (<c>/api/sessions?test-failure</c>, <c>/?test-failure</c>).
/// </summary>
public abstract class FailingApp(DatabaseProvider provider) : UponApp(provider)
{
    /// <summary>The query-string mark that makes a request fail.</summary>
    public const string Marker = "test-failure";

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Logs);
        services.RemoveAll<IClock>();
        services.AddSingleton<IClock>(s => new FailingClock(Clock, s.GetRequiredService<IHttpContextAccessor>()));
    }

    private sealed class FailingClock(IClock clock, IHttpContextAccessor http) : IClock
    {
        public Instant GetCurrentInstant() => http.HttpContext?.Request.Query.ContainsKey(Marker) == true
            ? throw new InvalidOperationException("A bug: secret detail that must not be shown.")
            : clock.GetCurrentInstant();
    }
}

public sealed class FailingSqliteApp() : FailingApp(DatabaseProvider.Sqlite);

public sealed class FailingPostgresApp() : FailingApp(DatabaseProvider.Postgres);

/// <summary>
/// Issue 10, "Errors by kind", and issue 9, item 9: under /api every error is ProblemDetails JSON, pages get the HTML
/// error page; an oversized request answers 413, logged as a warning.
/// </summary>
public abstract class ErrorsByKindTests(FailingApp app)
{
    [SkippableFact]
    public async Task Api_EveryKindOfError_IsProblemDetails()
    {
        app.RequireDatabase();
        var anonymous = app.CreateAnonymousClient();
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var funder = app.CreateApiClient(Roles.Funder);

        var exception = await ApiTesting.AssertProblemAsync(await staff.GetAsync(new Uri($"/api/sessions?{FailingApp.Marker}", UriKind.Relative)), 500);
        Assert.DoesNotContain("secret detail", exception.ToString(), StringComparison.Ordinal);
        await ApiTesting.AssertProblemAsync(await staff.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative)), 404);
        await ApiTesting.AssertProblemAsync(await staff.DeleteAsync(new Uri("/api/strands", UriKind.Relative)), 405);
        await ApiTesting.AssertProblemAsync(await staff.GetAsync(new Uri("/api/sessions?from=2026-13-01", UriKind.Relative)), 400);
        using var malformed = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        await ApiTesting.AssertProblemAsync(await staff.PostAsync(new Uri("/api/sessions", UriKind.Relative), malformed), 400);
        await ApiTesting.AssertProblemAsync(await anonymous.GetAsync(new Uri("/api/strands", UriKind.Relative)), 401);
        await ApiTesting.AssertProblemAsync(await funder.GetAsync(new Uri("/api/strands", UriKind.Relative)), 403);
        using var huge = new StringContent("{\"title\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", System.Text.Encoding.UTF8, "application/json");
        var tooLarge = await ApiTesting.AssertProblemAsync(await staff.PostAsync(new Uri("/api/sessions", UriKind.Relative), huge), 413);
        Assert.Contains("1 MB", tooLarge.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Pages_Exception_GetTheHtmlErrorPageWithAReference()
    {
        app.RequireDatabase();
        var response = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri($"/?{FailingApp.Marker}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await Html.ParseAsync(response);
        Assert.Equal("Sorry, there is a problem with the service", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.DoesNotContain("secret detail", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    /// <summary>
    /// The error page takes its status from its address only, and only an error status: a re-executed request keeps its
    /// form and query string, whose "status" once became the response's status (-1 broke the response line).
    /// </summary>
    [SkippableFact]
    public async Task ErrorPage_StatusComesOnlyFromAnErrorAddress()
    {
        app.RequireDatabase();
        var anonymous = app.CreateAnonymousClient();
        foreach (var address in new[] { "/error/-1", "/error/99999", "/error/200", "/error/302" })
        {
            var response = await anonymous.GetAsync(new Uri(address, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Page not found", (await Html.ParseAsync(response)).QuerySelector("h1")?.TextContent.Trim());
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.GetAsync(new Uri("/error/503", UriKind.Relative))).StatusCode);

        foreach (var status in new[] { "-1", "200", "302" })
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = status });
            var notFound = await anonymous.PostAsync(new Uri($"/no/such/page?status={status}", UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Equal("Page not found", (await Html.ParseAsync(notFound)).QuerySelector("h1")?.TextContent.Trim());
        }

        var failed = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri($"/?{FailingApp.Marker}&status=200", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
    }

    [SkippableFact]
    public async Task CalendarFeed_UnknownSecret_Is404WithoutAPage()
    {
        app.RequireDatabase();
        var response = await app.CreateAnonymousClient().GetAsync(new Uri("/calendars/private/not-a-real-secret.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    private static MultipartFormDataContent FileForm(string field, string fileName, int bytes, string token)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(new byte[bytes]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, field, fileName);
        return form;
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetDocumentAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private async Task AssertTooLargePageAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);
        Assert.True(page.QuerySelector("h1")?.TextContent.Trim() == "The file or form you sent is too large", body[..Math.Min(body.Length, 3000)]);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("oversized request", StringComparison.Ordinal) && e.Message.Contains(path, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Level >= LogLevel.Error && e.Message.Contains(path, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task RegisterUpload_60MB_Answers413Page()
    {
        app.RequireDatabase();
        var client = app.CreateClient(Roles.PartnerStaff);
        using var form = FileForm("CsvFile", "register.csv", 60 * 1024 * 1024, await TokenAsync(client, "/register/upload"));
        await AssertTooLargePageAsync(await client.PostAsync(new Uri("/register/upload", UriKind.Relative), form), "/register/upload");
    }

    [SkippableFact]
    public async Task AttendanceReport_11MB_Answers413Page()
    {
        app.RequireDatabase();
        var strand = await Sessions.SessionTesting.AddStrandAsync(app);
        var session = await Sessions.SessionTesting.AddSessionAsync(app, strand.Id, new LocalDateTime(2026, 11, 20, 14, 0), new LocalDateTime(2026, 11, 20, 16, 0));
        var client = app.CreateClient(Roles.PartnerStaff);
        var path = $"/sessions/{session.Id}/register/import";
        using var form = FileForm("ReportFile", "teams.csv", 11 * 1024 * 1024, await TokenAsync(client, path));
        await AssertTooLargePageAsync(await client.PostAsync(new Uri(path, UriKind.Relative), form), path);
    }

    [SkippableFact]
    public async Task FormField_5MB_Answers413Page()
    {
        app.RequireDatabase();
        var client = app.CreateClient(Roles.PartnerStaff);
        var strand = await Sessions.SessionTesting.AddStrandAsync(app);
        var fields = Sessions.SessionTesting.SessionFields(Sessions.SessionTesting.Group(strand.Id), new LocalDate(2027, 1, 15));
        fields["Description"] = new string('a', 5 * 1024 * 1024);
        await AssertTooLargePageAsync(await client.PostFormAsync("/sessions/new", fields), "/sessions/new");
    }

    [SkippableFact]
    public async Task ReportAProblem_40MBAnonymously_Answers413Page()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();
        var fields = new Dictionary<string, string> { ["Name"] = "A", ["Email"] = "a@example.org", ["Message"] = new string('m', 40 * 1024 * 1024) };
        await AssertTooLargePageAsync(await client.PostFormAsync("/report-a-problem", fields), "/report-a-problem");
    }
}

public sealed class ErrorsByKindTests_Sqlite(FailingSqliteApp app) : ErrorsByKindTests(app), IClassFixture<FailingSqliteApp>;

public sealed class ErrorsByKindTests_Postgres(FailingPostgresApp app) : ErrorsByKindTests(app), IClassFixture<FailingPostgresApp>;
