using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Accounts;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Data;
using Upon.Feedback;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Feedback;

/// <summary>
/// The public report-a-problem form, the staff triage pages, and replies by email through a real SMTP server on loopback.
/// </summary>
public abstract class ReportAProblemTests(SmtpApp app)
{
    private static Dictionary<string, string> Form(string name = "Ada Lovelace", string? email = null, string page = "/register", string message = "The register page shows no authorities.") => new()
    {
        ["Name"] = name,
        ["Email"] = email ?? OutboxTesting.Address("reporter"),
        ["PageAbout"] = page,
        ["Message"] = message,
    };

    private async Task<ProblemReport> SubmitAsync(Dictionary<string, string>? fields = null)
    {
        fields ??= Form();
        var client = app.CreateAnonymousClient();
        var response = await client.PostFormAsync("/report-a-problem", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = fields["Email"];
        return await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReports.AsNoTracking().SingleAsync(r => r.Email == email));
    }

    private static async Task<IDocument> ErrorPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static string Text(IElement? element) => System.Text.RegularExpressions.Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    [SkippableFact]
    public async Task Post_ValidReport_IsStoredAndTheConfirmationShowsItsReference()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();
        var email = OutboxTesting.Address("stored");

        var response = await client.PostFormAsync("/report-a-problem", Form(email: email, message: "First line.\r\nSecond line."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/report-a-problem/confirmation", response.Headers.Location?.OriginalString);
        var report = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReports.AsNoTracking().SingleAsync(r => r.Email == email));
        Assert.Matches(@"^UPN-\d{6}$", report.Reference);
        Assert.Equal(ProblemReport.ReferenceFor(report.Id), report.Reference);
        Assert.Equal("Ada Lovelace", report.Name);
        Assert.Equal("/register", report.Page);
        Assert.Equal("First line.\nSecond line.", report.Message);
        Assert.Equal(ProblemStatus.New, report.Status);
        Assert.Equal(app.Clock.GetCurrentInstant(), report.ReceivedAt);
        Assert.Equal(report.ReceivedAt, report.UpdatedAt);

        var confirmation = await client.GetDocumentAsync("/report-a-problem/confirmation");
        Assert.Equal(report.Reference, Text(confirmation.QuerySelector("#reference")));
        Assert.Contains("Report sent", Text(confirmation.QuerySelector("h1")), StringComparison.Ordinal);

        // The reference is shown once: a second visit goes back to the form.
        var again = await client.GetAsync(new Uri("/report-a-problem/confirmation", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/report-a-problem", again.Headers.Location?.OriginalString);
    }

    [SkippableFact]
    public async Task Post_ValidReport_IsAudited()
    {
        app.RequireDatabase();
        var report = await SubmitAsync();

        var events = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(ProblemReport) && e.EntityId == report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(events, e => e.Action == AuditActions.Created && e.Actor == "anonymous");
    }

    [SkippableFact]
    public async Task Post_EmptyFields_AsksForEachInPageOrder()
    {
        app.RequireDatabase();

        var page = await ErrorPageAsync(await app.CreateAnonymousClient().PostFormAsync("/report-a-problem", Form(name: " ", email: "", page: "", message: "  \r\n ")));

        Assert.Equal(["Enter your name", "Enter your email address", "Enter details of the problem"], page.ErrorSummary());
        Assert.Equal("Error: Enter your name", Text(page.QuerySelector("#Name-error")));
        Assert.Equal("Error: Enter your email address", Text(page.QuerySelector("#Email-error")));
        Assert.Equal("Error: Enter details of the problem", Text(page.QuerySelector("#Message-error")));
        Assert.StartsWith("Error: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(["#Name", "#Email", "#Message"], page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")));
    }

    [SkippableTheory]
    [InlineData("not-an-email")]
    [InlineData("name@")]
    [InlineData("name@example")]
    [InlineData("two words@example.com")]
    public async Task Post_BadEmail_AsksForTheCorrectFormat(string email)
    {
        app.RequireDatabase();

        var page = await ErrorPageAsync(await app.CreateAnonymousClient().PostFormAsync("/report-a-problem", Form(email: email)));

        Assert.Equal(["Enter an email address in the correct format, like name@example.com"], page.ErrorSummary());
        Assert.Equal(email, page.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Equal("The register page shows no authorities.", page.QuerySelector("#Message")?.TextContent);
    }

    [SkippableFact]
    public async Task Post_MessageOver5000Characters_IsRefused_And5000IsAccepted()
    {
        app.RequireDatabase();
        var tooLong = await ErrorPageAsync(await app.CreateAnonymousClient().PostFormAsync("/report-a-problem", Form(message: new string('x', 5001))));
        Assert.Equal(["Details of the problem must be 5,000 characters or fewer"], tooLong.ErrorSummary());

        // A line break counts once, as the character count shows it, though the browser sends two characters.
        var report = await SubmitAsync(Form(message: new string('y', 4000) + "\r\n" + new string('z', 999)));
        Assert.Equal(5000, report.Message.Length);
    }

    [SkippableFact]
    public async Task Get_PrefillsThePage_FromTheQueryOrTheReferer()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();

        var fromQuery = await client.GetDocumentAsync("/report-a-problem?page=%2Fregister%2Fturnover");
        Assert.Equal("/register/turnover", fromQuery.QuerySelector("#PageAbout")?.GetAttribute("value"));

        var offSite = await client.GetDocumentAsync("/report-a-problem?page=https%3A%2F%2Fevil.example.org%2F");
        Assert.Equal("", offSite.FieldValue("#PageAbout"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/report-a-problem");
        request.Headers.Referrer = new Uri("http://localhost/account/tokens?secret=1");
        var fromReferer = await Html.ParseAsync(await client.SendAsync(request));
        Assert.Equal("/account/tokens", fromReferer.QuerySelector("#PageAbout")?.GetAttribute("value"));

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/report-a-problem");
        foreign.Headers.Referrer = new Uri("https://elsewhere.example.org/register");
        var fromForeign = await Html.ParseAsync(await client.SendAsync(foreign));
        Assert.Equal("", fromForeign.FieldValue("#PageAbout"));
    }

    [SkippableFact]
    public async Task EveryPage_HasAFooterLinkToReportAProblemAboutIt()
    {
        app.RequireDatabase();

        var signIn = await app.CreateAnonymousClient().GetDocumentAsync("/account/sign-in");
        var register = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/register");

        Assert.Equal("/report-a-problem?page=%2Faccount%2Fsign-in", signIn.QuerySelector("footer a#report-a-problem")?.GetAttribute("href"));
        Assert.Equal("Report a problem", Text(signIn.QuerySelector("footer a#report-a-problem")));
        Assert.Equal("/report-a-problem?page=%2Fregister", register.QuerySelector("footer a#report-a-problem")?.GetAttribute("href"));
    }

    [SkippableFact]
    public async Task StaffList_ShowsReportsWithCounts_AndFiltersByStatus()
    {
        app.RequireDatabase();
        var first = await SubmitAsync(Form(name: "List One"));
        var second = await SubmitAsync(Form(name: "List Two"));
        await app.WithDbAsync(async db =>
        {
            var stored = await db.ProblemReports.SingleAsync(r => r.Id == second.Id);
            stored.Status = ProblemStatus.Closed;
            await db.SaveChangesAsync();
        });
        var counts = await app.WithScopeAsync(s => s.GetRequiredService<ProblemReports>().CountsAsync());
        var client = app.CreateClient(Roles.PartnerStaff);

        var all = await client.GetDocumentAsync("/admin/problems");
        Assert.NotNull(all.QuerySelector($"tr[data-report='{first.Id}']"));
        Assert.NotNull(all.QuerySelector($"tr[data-report='{second.Id}']"));
        Assert.Equal(first.Reference, Text(all.QuerySelector($"tr[data-report='{first.Id}'] a")));
        Assert.Equal($"/admin/problems/{first.Id}", all.QuerySelector($"tr[data-report='{first.Id}'] a")?.GetAttribute("href"));
        Assert.Equal(counts.Values.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Text(all.QuerySelector("a[data-status='all'] [data-count]")));
        Assert.Equal(counts[ProblemStatus.New].ToString(System.Globalization.CultureInfo.InvariantCulture), Text(all.QuerySelector("a[data-status='new'] [data-count]")));
        Assert.Equal(counts[ProblemStatus.Closed].ToString(System.Globalization.CultureInfo.InvariantCulture), Text(all.QuerySelector("a[data-status='closed'] [data-count]")));
        Assert.Equal("page", all.QuerySelector("a[data-status='all']")?.GetAttribute("aria-current"));

        var closed = await client.GetDocumentAsync("/admin/problems?status=closed");
        Assert.Null(closed.QuerySelector($"tr[data-report='{first.Id}']"));
        Assert.NotNull(closed.QuerySelector($"tr[data-report='{second.Id}']"));
        Assert.Equal("page", closed.QuerySelector("a[data-status='closed']")?.GetAttribute("aria-current"));
        Assert.All(closed.QuerySelectorAll("#reports tbody tr"), row => Assert.Equal("Closed", Text(row.QuerySelector(".govuk-tag"))));

        var fresh = await client.GetDocumentAsync("/admin/problems?status=new");
        Assert.NotNull(fresh.QuerySelector($"tr[data-report='{first.Id}']"));
        Assert.Null(fresh.QuerySelector($"tr[data-report='{second.Id}']"));
    }

    [SkippableFact]
    public async Task StaffDetail_ChangesTheStatus()
    {
        app.RequireDatabase();
        var report = await SubmitAsync();
        var client = app.CreateClient(Roles.PartnerStaff);
        var url = $"/admin/problems/{report.Id}";
        var before = await client.GetDocumentAsync(url);
        Assert.Equal("New", Text(before.QuerySelector("#status")));
        Assert.Equal(report.Reference, Text(before.QuerySelector("h1")));
        Assert.Contains("The register page shows no authorities.", Text(before.QuerySelector("#message")), StringComparison.Ordinal);
        app.Clock.Advance(Duration.FromMinutes(3));

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Status"] = "in-progress" }, $"{url}?handler=Status");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
        var after = await client.GetDocumentAsync(url);
        Assert.Equal("In progress", Text(after.QuerySelector("#status")));
        Assert.Contains("Status changed to in progress", Text(after.QuerySelector(".govuk-notification-banner")), StringComparison.Ordinal);
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        Assert.Equal(ProblemStatus.InProgress, stored.Status);
        Assert.Equal(app.Clock.GetCurrentInstant(), stored.UpdatedAt);

        var closed = await client.PostFormAsync(url, new Dictionary<string, string> { ["Status"] = "closed" }, $"{url}?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(ProblemStatus.Closed, (await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReports.AsNoTracking().SingleAsync(r => r.Id == report.Id))).Status);

        var nonsense = await ErrorPageAsync(await client.PostFormAsync(url, new Dictionary<string, string> { ["Status"] = "lost" }, $"{url}?handler=Status"));
        Assert.Equal(["Select a status"], nonsense.ErrorSummary());
    }

    [SkippableFact]
    public async Task StaffDetail_Reply_IsStoredQueuedAndDeliveredOverSmtp()
    {
        app.RequireDatabase();
        var email = OutboxTesting.Address("reply");
        var report = await SubmitAsync(Form(email: email, message: "The export is empty."));
        var client = app.CreateClient(Roles.PartnerStaff);
        var url = $"/admin/problems/{report.Id}";

        var response = await client.PostFormAsync(url, new Dictionary<string, string> { ["Reply"] = "Thank you.\r\nWe have fixed the export." }, $"{url}?handler=Reply");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var reply = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReplies.AsNoTracking().Include(r => r.OutboxMessage).SingleAsync(r => r.ProblemReportId == report.Id));
        Assert.Equal("Thank you.\nWe have fixed the export.", reply.Body);
        Assert.Equal(UponApp.EmailFor(Roles.PartnerStaff), reply.SentBy);
        Assert.NotNull(reply.SentByUserId);
        var queued = Assert.IsType<Upon.Email.OutboxMessage>(reply.OutboxMessage);
        Assert.Null(queued.SentAt);
        Assert.Equal(email, queued.To);
        var stored = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReports.AsNoTracking().SingleAsync(r => r.Id == report.Id));
        Assert.Equal(ProblemStatus.InProgress, stored.Status);
        var waiting = await client.GetDocumentAsync(url);
        Assert.Contains("Waiting to be emailed", Text(waiting.QuerySelector($"[data-reply='{reply.Id}']")), StringComparison.Ordinal);

        await app.Sender().SendDueAsync();

        var mail = Assert.Single(app.Smtp.To(email));
        Assert.Equal(email, Assert.Single(mail.Message.To.Mailboxes).Address);
        Assert.Equal($"Re: your report {report.Reference}", mail.Message.Subject);
        var body = (mail.Message.TextBody ?? "").ReplaceLineEndings("\n");
        Assert.StartsWith("Thank you.\nWe have fixed the export.\n", body, StringComparison.Ordinal);
        Assert.Contains(report.Reference!, body, StringComparison.Ordinal);
        Assert.Contains("> The export is empty.", body, StringComparison.Ordinal);
        Assert.Equal($"outbox-{queued.Id}@upon.test", mail.Message.MessageId);
        var sent = await client.GetDocumentAsync(url);
        Assert.Contains("Emailed", Text(sent.QuerySelector($"[data-reply='{reply.Id}']")), StringComparison.Ordinal);
        Assert.Contains("Thank you.", Text(sent.QuerySelector($"[data-reply='{reply.Id}']")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task StaffDetail_EmptyOrTooLongReply_IsRefusedAndQueuesNothing()
    {
        app.RequireDatabase();
        var report = await SubmitAsync();
        var client = app.CreateClient(Roles.Administrator);
        var url = $"/admin/problems/{report.Id}";

        var empty = await ErrorPageAsync(await client.PostFormAsync(url, new Dictionary<string, string> { ["Reply"] = " " }, $"{url}?handler=Reply"));
        var tooLong = await ErrorPageAsync(await client.PostFormAsync(url, new Dictionary<string, string> { ["Reply"] = new string('x', 5001) }, $"{url}?handler=Reply"));

        Assert.Equal(["Enter your reply"], empty.ErrorSummary());
        Assert.Equal(["Your reply must be 5,000 characters or fewer"], tooLong.ErrorSummary());
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReplies.AnyAsync(r => r.ProblemReportId == report.Id)));
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AnyAsync(m => m.To == report.Email)));
    }

    [SkippableFact]
    public async Task StaffDetail_UnknownId_IsNotFound()
    {
        app.RequireDatabase();

        var response = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri("/admin/problems/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Coach)]
    [InlineData(Roles.Funder)]
    public async Task OtherRoles_AreRefusedTheStaffPages_AndCannotReply(string role)
    {
        app.RequireDatabase();
        var report = await SubmitAsync();
        var client = app.CreateClient(role);

        foreach (var url in new[] { "/admin/problems", $"/admin/problems/{report.Id}" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/error/403", response.Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
            var denied = await client.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
        var post = await client.PostAsync(new Uri($"/admin/problems/{report.Id}?handler=Reply", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Reply"] = "sneaky" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().ProblemReplies.AnyAsync(r => r.ProblemReportId == report.Id)));
    }

    [SkippableFact]
    public async Task Anonymous_IsSentToSignInForTheStaffPages()
    {
        app.RequireDatabase();

        var response = await app.CreateAnonymousClient().GetAsync(new Uri("/admin/problems", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

public sealed class ReportAProblemTests_Sqlite(SmtpSqliteApp app) : ReportAProblemTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class ReportAProblemTests_Postgres(SmtpPostgresApp app) : ReportAProblemTests(app), IClassFixture<SmtpPostgresApp>;
