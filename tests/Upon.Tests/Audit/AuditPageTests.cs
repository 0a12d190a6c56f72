using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Upon.Audit;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Audit;

/// <summary>Issue 10, "The audit log": readable changes, pages of results, GOV.UK date inputs, an export of everything found.</summary>
public abstract class AuditPageTests(UponApp app)
{
    private Task<bool> RecordAsync(string entityType, int count) => app.WithScopeAsync(async s =>
    {
        var log = s.GetRequiredService<AuditLog>();
        for (var i = 1; i <= count; i++)
        {
            await log.RecordAsync(AuditActions.Viewed, entityType, $"E-{i}", $"event {i}");
        }
        return true;
    });

    [SkippableFact]
    public async Task Changes_AreAListOfFieldOldAndNew_NotJson()
    {
        app.RequireDatabase();
        var strand = await app.AddStrandAsync("Before the change");
        await app.WithDbAsync(async db =>
        {
            var saved = await db.Strands.FindAsync(strand.Id);
            saved!.Name = "After the change";
            await db.SaveChangesAsync();
        });

        var page = await app.CreateClient().GetDocumentAsync($"/admin/audit?EntityType=Strand&EntityId={strand.Id}&Action={AuditActions.Updated}");

        var row = page.QuerySelector("tbody tr")!;
        Assert.DoesNotContain("{", row.TextContent, StringComparison.Ordinal);
        var change = row.QuerySelectorAll(".govuk-summary-list__row").Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Name");
        Assert.StartsWith("Before the change", change.QuerySelector(".audit-old")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("After the change", change.QuerySelector(".audit-new")!.TextContent);
    }

    [SkippableFact]
    public async Task Secrets_ShowOnlyThatTheyChanged()
    {
        Assert.Equal([new AuditFieldChange("PasswordHash", null, null, true), new AuditFieldChange("Email", null, "a@example.org", false)],
            AuditFieldChange.Parse("""{"PasswordHash":{"changed":true},"Email":{"old":null,"new":"a@example.org"}}"""));
        Assert.Equal([new AuditFieldChange("changes", null, "not json", false)], AuditFieldChange.Parse("not json"));
        await Task.CompletedTask;
    }

    [SkippableFact]
    public async Task Results_ArePaged_AndTheExportHasEverythingFound()
    {
        app.RequireDatabase();
        await RecordAsync("Paged", 120);
        var client = app.CreateClient();

        var first = await client.GetDocumentAsync("/admin/audit?EntityType=Paged");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("120 events, 1 to 50 shown, newest first", first.QuerySelector("caption")!.TextContent.Trim());
        Assert.Equal("/admin/audit?EntityType=Paged&page=2", first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href"));

        var last = await client.GetDocumentAsync("/admin/audit?EntityType=Paged&page=3");
        Assert.Equal(20, last.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("event 1", last.QuerySelector("tbody tr:last-child")!.TextContent, StringComparison.Ordinal);
        Assert.Null(last.QuerySelector(".govuk-pagination__next"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/admin/audit?EntityType=Paged&page=4", UriKind.Relative))).StatusCode);

        Assert.Equal("/admin/audit/export?EntityType=Paged", first.QuerySelector("a[href^='/admin/audit/export']")!.GetAttribute("href"));
        var csv = await client.GetStringAsync(new Uri("/admin/audit/export?EntityType=Paged", UriKind.Relative));
        Assert.Equal(121, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [SkippableFact]
    public async Task DateFilter_UsesTheGovukDateInput()
    {
        app.RequireDatabase();
        await RecordAsync("Dated", 3);
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync("/admin/audit?EntityType=Dated");
        Assert.NotNull(page.QuerySelector("input#From-day[name='From.day']"));
        Assert.NotNull(page.QuerySelector("input#To-year[name='To.year']"));

        var today = await client.GetDocumentAsync("/admin/audit?EntityType=Dated&From.day=25&From.month=11&From.year=2026&To.day=25&To.month=11&To.year=2026");
        Assert.Equal(3, today.QuerySelectorAll("tbody tr").Length);
        var tomorrow = await client.GetDocumentAsync("/admin/audit?EntityType=Dated&From.day=26&From.month=11&From.year=2026");
        Assert.Empty(tomorrow.QuerySelectorAll("tbody tr"));
        var csv = await client.GetStringAsync(new Uri("/admin/audit/export?EntityType=Dated&From.day=26&From.month=11&From.year=2026", UriKind.Relative));
        Assert.Single(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var bad = await client.GetAsync(new Uri("/admin/audit?From.day=31&From.month=2&From.year=2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errorPage = await Html.ParseAsync(bad);
        Assert.Equal(["From date must be a real date"], errorPage.ErrorSummary());
        Assert.Equal("#From-day", errorPage.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }
}

public sealed class AuditPageTests_Sqlite(SqliteApp app) : AuditPageTests(app), IClassFixture<SqliteApp>;

public sealed class AuditPageTests_Postgres(PostgresApp app) : AuditPageTests(app), IClassFixture<PostgresApp>;
