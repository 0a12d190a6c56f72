using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Upon.Accounts;
using Upon.Audit;
using Upon.Tests.Accounts;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Figures;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Figures;

/// <summary>The figure cache through the real host: keyed by the data version, ETags and 304s, staff and funder side by side.</summary>
public abstract class FigureCacheTests(UponApp app)
{
    private async Task ImportAsync(params string[] rows)
    {
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines([CsvFiles.Header, .. rows]))));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    private Task<long> VersionAsync() =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().DataVersions.AsNoTracking().Select(v => v.Version).SingleAsync());

    private long Computations => app.Services.GetRequiredService<FigureCache>().Computations;

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, EntityTagHeaderValue? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }
        return await client.SendAsync(request);
    }

    private static async Task<int?> FirstTimeDirectorsAsync(HttpResponseMessage response, string year)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var figures = json.RootElement.EnumerateArray().Single(y => y.GetProperty("financialYear").GetString() == year);
        return figures.GetProperty("firstTimeDirectors").ValueKind == JsonValueKind.Null ? null : figures.GetProperty("firstTimeDirectors").GetInt32();
    }

    [SkippableFact]
    public async Task TurnoverApi_SendsAnETag_Answers304_UntilTheRegisterChanges()
    {
        app.RequireDatabase();
        await ImportAsync("301,FC-1,Ada,Fern,permanent,2019-05-01,,,");
        var client = app.CreateApiClient();

        var first = await GetAsync(client, "/api/reports/turnover");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.Private);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.NotEqual(true, first.Headers.CacheControl?.NoStore);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        var before = await FirstTimeDirectorsAsync(first, "2025-26");

        var computations = Computations;
        var unchanged = await GetAsync(client, "/api/reports/turnover", etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        var again = await GetAsync(client, "/api/reports/turnover");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(computations, Computations);

        await ImportAsync("302,FC-2,Bea,Holt,permanent,2025-06-01,,,");
        var changed = await GetAsync(client, "/api/reports/turnover", etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal((before ?? 0) + 1, await FirstTimeDirectorsAsync(changed, "2025-26"));
    }

    [SkippableFact]
    public async Task StaffAndFunderViews_AreCachedSideBySide()
    {
        app.RequireDatabase();
        await ImportAsync("303,FC-3,Cal,Reed,interim,2018-04-01,,,");
        var staff = app.CreateApiClient();
        var funder = app.CreateApiClient(Roles.Funder);

        var exact = await (await GetAsync(staff, "/api/reports/turnover")).Content.ReadAsStringAsync();
        var suppressed = await (await GetAsync(funder, "/api/reports/turnover")).Content.ReadAsStringAsync();
        var computations = Computations;
        Assert.Equal(exact, await (await GetAsync(staff, "/api/reports/turnover")).Content.ReadAsStringAsync());
        Assert.Equal(suppressed, await (await GetAsync(funder, "/api/reports/turnover")).Content.ReadAsStringAsync());
        Assert.Equal(computations, Computations);

        Assert.DoesNotContain("\"suppressed\"", exact, StringComparison.Ordinal);
        Assert.Contains("\"suppressed\"", suppressed, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OneYear_And_UnknownYear_AsBefore()
    {
        app.RequireDatabase();
        await ImportAsync("304,FC-4,Dee,Lark,permanent,2017-09-01,,,");
        var client = app.CreateApiClient();
        var year = await GetAsync(client, "/api/reports/turnover?year=2023-24");
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);
        using (var json = JsonDocument.Parse(await year.Content.ReadAsStringAsync()))
        {
            Assert.Equal("2023-24", json.RootElement.GetProperty("financialYear").GetString());
        }
        var missing = await GetAsync(client, "/api/reports/turnover?year=1990-91");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var invitations = await GetAsync(client, "/api/reports/invitations");
        Assert.Equal(HttpStatusCode.OK, invitations.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, "/api/reports/invitations", invitations.Headers.ETag)).StatusCode);
    }

    [SkippableTheory]
    [InlineData("/register/turnover", Roles.Administrator, "310")]
    [InlineData("/register/turnover", Roles.Funder, "311")]
    [InlineData("/new-directors/figures", Roles.Administrator, "312")]
    [InlineData("/sessions/attendance", Roles.PartnerStaff, "313")]
    public async Task FigurePages_Answer304_UntilTheDataChanges(string url, string role, string authority)
    {
        app.RequireDatabase();
        await ImportAsync("305,FC-5,Eve,Moss,permanent,2021-01-04,,,");
        var client = app.CreateClient(role);
        var first = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);

        // Another person's page is not theirs to reuse.
        var other = await GetAsync(app.CreateClient(role == Roles.Funder ? Roles.Administrator : Roles.Funder), url, first.Headers.ETag);
        Assert.NotEqual(HttpStatusCode.NotModified, other.StatusCode);

        await ImportAsync($"{authority},FC-6-{authority},Fay,Nash,interim,2024-02-01,,,");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);
    }

    [SkippableTheory]
    [InlineData("/register/turnover/changes.svg", Roles.Administrator, "314")]
    [InlineData("/register/turnover/changes.svg", Roles.Funder, "315")]
    [InlineData("/register/turnover/survival.svg?year=2023-24", Roles.Funder, "316")]
    [InlineData("/impact/retention/chart.svg", Roles.Administrator, "317")]
    [InlineData("/impact/retention/chart.svg?asOf=2025-05-14", Roles.Funder, "318")]
    public async Task Charts_AreDrawnOncePerView_AndAnswer304_UntilTheDataChanges(string url, string role, string authority)
    {
        app.RequireDatabase();
        await ImportAsync("319,FC-C,Ida,Ross,permanent,2019-01-07,,,");
        var client = app.CreateClient(role);
        var first = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/svg+xml", first.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(first.Headers.ETag);
        var computations = Computations;
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);
        var again = await GetAsync(client, url);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(computations, Computations);

        // The other view's chart is another figure: a staff tag never matches the funder's chart, nor the other way.
        var other = await GetAsync(app.CreateClient(role == Roles.Funder ? Roles.Administrator : Roles.Funder), url, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);

        await ImportAsync($"{authority},FC-D-{authority},Jo,Vale,interim,2024-03-04,,,");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);
    }

    [SkippableFact]
    public async Task RefusedSignIns_KeepTheDataVersion_AndTheCachedFigures_ButAChangeToAnAccountDoesNot()
    {
        app.RequireDatabase();
        var user = await app.CreateAccountAsync(Roles.PartnerStaff, "refused-sign-in");
        var client = app.CreateApiClient();
        var first = await GetAsync(client, "/api/reports/turnover");
        var start = await VersionAsync();

        // A wrong password (Identity counts the failure), and the work a refused sign-in does for a locked or disabled account.
        var refused = await app.CreateAnonymousClient().PostSignInAsync(user.Email!, "not the password at all");
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(start, await VersionAsync());
        await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<UponUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            Assert.Equal(1, await users.GetAccessFailedCountAsync(account));
            await users.AccessFailedAsync(account);
            Assert.Equal(start, await VersionAsync());
            await s.GetRequiredService<FailedSignInWork>().RefuseAsync(account, "still not it");
            Assert.Equal(start, await VersionAsync());
            await users.ResetAccessFailedCountAsync(account);
            return true;
        });
        Assert.Equal(start, await VersionAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, "/api/reports/turnover", first.Headers.ETag)).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.DisplayName = "Renamed";
            await db.SaveChangesAsync();
        });
        Assert.True(await VersionAsync() > start);
    }

    [SkippableFact]
    public async Task AnonymousRecordsCountAsFigureData_AnAccountsSignInBookkeepingDoesNot()
    {
        app.RequireDatabase();
        await app.WithDbAsync(async db =>
        {
            // Not audited (the response is anonymous), yet the feedback figures are computed from it.
            Assert.True(DataVersions.AffectsFigures(db.Add(new Upon.SessionFeedback.FeedbackResponse { Id = Guid.NewGuid(), SessionId = 1, FormId = 1 })));
            var account = await db.Users.OrderBy(u => u.Id).FirstAsync();
            account.AccessFailedCount += 1;
            account.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            Assert.False(DataVersions.AffectsFigures(db.Entry(account)));
            account.DisplayName = "Someone else";
            Assert.True(DataVersions.AffectsFigures(db.Entry(account)));
        });
    }

    [SkippableFact]
    public async Task PublicSessionsPage_Answers304()
    {
        app.RequireDatabase();
        var client = app.CreateAnonymousClient();
        var first = await GetAsync(client, "/programme/sessions");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, "/programme/sessions", first.Headers.ETag)).StatusCode);
    }

    [SkippableFact]
    public async Task DataVersion_RisesWithEveryChange_NotWithAuditedViews_NorRolledBackWork()
    {
        app.RequireDatabase();
        var start = await VersionAsync();

        await ImportAsync("307,FC-7,Gil,Park,permanent,2016-06-01,,,");
        var afterBulkImport = await VersionAsync();
        Assert.True(afterBulkImport > start);

        await app.WithScopeAsync(async s => { await s.GetRequiredService<AuditLog>().RecordViewAsync("Participant", "1", "equality information"); return true; });
        Assert.Equal(afterBulkImport, await VersionAsync());

        await app.WithDbAsync(async db =>
        {
            var person = await db.People.SingleAsync(p => p.PersonId == "FC-7");
            person.GivenName = "Gill";
            await db.SaveChangesAsync();
        });
        var afterSave = await VersionAsync();
        Assert.True(afterSave > afterBulkImport);

        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var person = await db.People.SingleAsync(p => p.PersonId == "FC-7");
            person.GivenName = "Gillian";
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        Assert.Equal(afterSave, await VersionAsync());

        var rejected = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(
            new StringReader(CsvFiles.Lines(CsvFiles.Header, "307,FC-8,Hal,Vine,permanent,not-a-date,,,"))));
        Assert.False(rejected.Succeeded);
        Assert.Equal(afterSave, await VersionAsync());
    }
}

public sealed class FigureCacheTests_Sqlite(SqliteApp app) : FigureCacheTests(app), IClassFixture<SqliteApp>;

public sealed class FigureCacheTests_Postgres(PostgresApp app) : FigureCacheTests(app), IClassFixture<PostgresApp>;
