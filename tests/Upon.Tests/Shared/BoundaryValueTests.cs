using System.Net;
using System.Net.Http.Json;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using static Upon.Tests.Sessions.SessionTesting;

namespace Upon.Tests.Shared;

/// <summary>
/// Issue 9, item 6: values at and beyond the edges of what is plausible answer 400 (ProblemDetails under /api, a GOV.UK
/// error message on pages), never a 500 or a broken download.
/// </summary>
public abstract class BoundaryValueTests(UponApp app)
{
    [SkippableTheory]
    [InlineData("to=9999-12-31")]
    [InlineData("from=-0001-01-01")]
    [InlineData("from=0001-01-01")]
    [InlineData("from=9999-12-31")]
    public async Task SessionsApi_ImplausibleDate_Answers400ProblemDetails(string query)
    {
        app.RequireDatabase();
        var client = app.CreateApiClient(Roles.PartnerStaff);

        var response = await client.GetAsync(new Uri($"/api/sessions?{query}", UriKind.Relative));

        var problem = await ApiTesting.AssertProblemAsync(response, 400);
        Assert.Contains("2000-01-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("/sessions/attendance.csv")]
    [InlineData("/sessions/attendance.xlsx")]
    [InlineData("/sessions/attendance/marks.csv")]
    public async Task AttendanceExports_ImplausibleDates_Answer400(string path)
    {
        app.RequireDatabase();
        var client = app.CreateClient(Roles.PartnerStaff);
        foreach (var query in new[] { "to=9999-12-31", "from=-0001-01-01", "from=0001-01-01&to=0002-01-01", "from=9999-12-30&to=9999-12-31" })
        {
            var response = await client.GetAsync(new Uri($"{path}?{query}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}?{query} answered {(int)response.StatusCode}");
        }
    }

    [SkippableFact]
    public async Task AttendancePage_Year9999_ShowsAnError()
    {
        app.RequireDatabase();
        var page = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/sessions/attendance?From.day=1&From.month=1&From.year=2026&To.day=31&To.month=12&To.year=9999");
        Assert.True(page.ErrorSummary().Any(e => e.StartsWith("End date must be between 1 January 2000 and", StringComparison.Ordinal)), string.Join("|", page.ErrorSummary()));
    }

    [SkippableTheory]
    [InlineData("To.day=31&To.month=12&To.year=9999")]
    [InlineData("From.day=1&From.month=1&From.year=0001")]
    [InlineData("From.day=1&From.month=1&From.year=2026&To.day=1&To.month=1&To.year=2025")]
    [InlineData("page=0")]
    [InlineData("page=99999999999")]
    public async Task AuditLogAndExport_BoundaryValues_Answer400WithTheReason(string query)
    {
        app.RequireDatabase();
        var client = app.CreateClient();

        var page = await client.GetAsync(new Uri($"/admin/audit?{query}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        // Html.ParseAsync also checks that every error in the summary links to something on the page (for the address's
        // page number, the page's content).
        Assert.NotEmpty((await Html.ParseAsync(page)).ErrorSummary());

        if (!query.StartsWith("page", StringComparison.Ordinal))
        {
            var export = await client.GetAsync(new Uri($"/admin/audit/export?{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        }
    }

    [SkippableFact]
    public async Task NewSession_Year9999_IsAFieldError()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = SessionFields(Group(strand.Id), new LocalDate(2027, 1, 15));
        fields["Date.year"] = "9999";
        fields["Date.month"] = "12";
        fields["Date.day"] = "31";

        var response = await app.CreateClient().PostFormAsync("/sessions/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.True(page.ErrorSummary().Any(e => e.StartsWith("Date must be between 1 January 2000 and", StringComparison.Ordinal)), string.Join("|", page.ErrorSummary()));
        Assert.Contains("#Date-day", page.ErrorLinks());
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task Postpone_Year9999_IsAFieldError()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var session = await app.AddSessionAsync(strand.Id, new LocalDateTime(2027, 1, 15, 14, 0), new LocalDateTime(2027, 1, 15, 16, 0));
        var fields = new Dictionary<string, string> { ["StartTime"] = "14:00", ["EndTime"] = "16:00", ["Reason"] = "" };
        fields.SetDate("Date", new LocalDate(9999, 12, 31));

        var response = await app.CreateClient().PostFormAsync($"/sessions/{session.Id}/postpone", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await Html.ParseAsync(response)).ErrorSummary(), e => e.StartsWith("Date must be between", StringComparison.Ordinal));
        Assert.Equal(new LocalDateTime(2027, 1, 15, 14, 0), (await app.SessionAsync(session.Id)).Start);
    }

    [SkippableTheory]
    [InlineData("Preview")]
    [InlineData("Create")]
    public async Task BulkCreate_Year9999_IsAFieldError(string handler)
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync();
        var fields = new Dictionary<string, string>
        {
            ["Title"] = "Workshop", ["Type"] = "virtual-workshop", ["Group"] = Group(strand.Id), ["Repeat"] = "weeks", ["Interval"] = "1",
            ["WeeklyDay"] = "friday", ["StartTime"] = "14:00", ["EndTime"] = "16:00", ["Capacity"] = "24", ["VideoLink"] = "https://meet.example.org/x",
        };
        fields.SetDate("From", new LocalDate(9999, 12, 1));
        fields.SetDate("To", new LocalDate(9999, 12, 31));

        var response = await app.CreateClient().PostFormAsync("/sessions/bulk", fields, $"/sessions/bulk?handler={handler}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await Html.ParseAsync(response)).ErrorSummary(), e => e.StartsWith("First date must be between", StringComparison.Ordinal));
        Assert.Empty(await app.SessionsOfAsync(strand.Id));
    }

    [SkippableFact]
    public async Task SessionsApi_CreateInYear9999_IsAValidationProblem()
    {
        app.RequireDatabase();
        var client = app.CreateApiClient(Roles.PartnerStaff);
        var response = await client.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new
        {
            title = "Far future", type = "virtual-workshop", strand = "new-directors", startLocal = "9999-12-31T14:00:00", endLocal = "9999-12-31T16:00:00", capacity = 10,
        });
        var problem = await ApiTesting.AssertProblemAsync(response, 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("startLocal", out _));
    }
}

public sealed class BoundaryValueTests_Sqlite(SqliteApp app) : BoundaryValueTests(app), IClassFixture<SqliteApp>;

public sealed class BoundaryValueTests_Postgres(PostgresApp app) : BoundaryValueTests(app), IClassFixture<PostgresApp>;
