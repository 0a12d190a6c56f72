using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Audit;
using Upon.Coaching;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Figures;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.SessionFeedback;

namespace Upon.Tests.Shared.Figures;

/// <summary>
/// The impact (retention, equality, DfE return), coaching and feedback figures through the figure cache, on the real
/// host: ETags and 304s, a change of data changing the tag and the figure, the funder's view and the staff view cached
/// side by side without one leaking into the other, and the coaching figures' reads of requests audited on every request.
/// </summary>
public abstract class ImpactCoachingFeedbackFigureTests(UponApp app)
{
    /// <summary>The fake clock's financial year (25 November 2026).</summary>
    private const string ThisYear = "2026-27";

    public static TheoryData<string> Apis => new()
    {
        "/api/reports/retention",
        "/api/reports/retention?asOf=2025-03-31",
        $"/api/reports/dfe-return?period={ThisYear}",
        "/api/reports/coaching",
        "/api/reports/feedback",
    };

    public static TheoryData<string, string> Pages => new()
    {
        { "/impact/retention", Roles.Administrator },
        { "/impact/retention", Roles.Funder },
        { "/reports/equality", Roles.PartnerStaff },
        { "/reports/equality", Roles.Funder },
        { "/reports/equality/chart.svg?year=2025-26&group=white", Roles.Funder },
        { $"/reports/dfe-return?period={ThisYear}", Roles.Administrator },
        { $"/reports/dfe-return?period={ThisYear}", Roles.Funder },
        { "/coaching/figures", Roles.Administrator },
        { "/coaching/figures", Roles.Funder },
        { "/feedback/figures", Roles.PartnerStaff },
        { "/feedback/figures", Roles.Funder },
        { "/feedback", Roles.Administrator },
        { "/feedback/chart.svg", Roles.Administrator },
    };

    /// <summary>A first-time director's running permanent appointment from <paramref name="start"/>, at an authority of its own.</summary>
    private async Task ImportDirectorAsync(string start = "2023-01-02")
    {
        var la = await Upon.Tests.NewDirectors.InvitationSeed.FreeAuthorityAsync(app);
        var row = $"{la},{$"FB-{Guid.NewGuid():N}"[..20]},Given,Family,permanent,{start},,,";
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines(CsvFiles.Header, row))));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

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

    private static async Task<int> ComparisonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "comparison").GetProperty("n").GetInt32();
    }

    /// <summary>A coach in the pool; its id.</summary>
    private Task<int> AddCoachAsync() => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<UponDbContext>();
        var coach = new CoachProfile { Email = $"cache-{Guid.NewGuid():N}@coach.test", GivenName = "Cached", FamilyName = "Coach", Capacity = 2, OffersOnline = true };
        db.CoachProfiles.Add(coach);
        await db.SaveChangesAsync();
        return coach.Id;
    });

    /// <summary>At least one coach in the pool and fewer than the threshold, so that the funder's pool count is suppressed.</summary>
    private async Task SmallPoolAsync()
    {
        var pool = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().CoachProfiles.CountAsync(c => c.Status != CoachStatus.Retired));
        if (pool == 0)
        {
            await AddCoachAsync();
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Apis))]
    public async Task Api_SendsAnETag_Answers304_UntilTheDataChanges(string url)
    {
        app.RequireDatabase();
        var client = app.CreateApiClient();
        var first = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Headers.CacheControl?.Private);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);

        var computations = Computations;
        var unchanged = await GetAsync(client, url, etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await (await GetAsync(client, url)).Content.ReadAsStringAsync());
        Assert.Equal(computations, Computations);

        await ImportDirectorAsync();
        var changed = await GetAsync(client, url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [SkippableFact]
    public async Task Retention_ADataChange_ChangesTheFigure_OnTheApiAndThePage()
    {
        app.RequireDatabase();
        var client = app.CreateApiClient();
        var before = await ComparisonAsync(await GetAsync(client, "/api/reports/retention"));
        var page = app.CreateClient(Roles.PartnerStaff);
        var firstPage = await GetAsync(page, "/impact/retention");
        Assert.Equal(HttpStatusCode.OK, firstPage.StatusCode);

        await ImportDirectorAsync("2022-06-01");

        Assert.Equal(before + 1, await ComparisonAsync(await GetAsync(client, "/api/reports/retention")));
        var changedPage = await GetAsync(page, "/impact/retention", firstPage.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changedPage.StatusCode);
        Assert.NotEqual(await firstPage.Content.ReadAsStringAsync(), await changedPage.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.Funder)]
    public async Task RetentionPage_ShowsItsViewersCachedFigures_DisclosedOncePerChange(string role)
    {
        app.RequireDatabase();
        var page = await GetAsync(app.CreateClient(role), "/impact/retention");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The page's figures are its viewer's view in the cache (the staff's exact view beside the funder's), so asking the
        // cache for them computes nothing; they are not disclosed again on every request.
        var computations = Computations;
        await app.WithScopeAsync(s =>
        {
            var rule = role == Roles.Funder ? s.GetRequiredService<Upon.Disclosure.FigureDisclosure>().Suppression : Upon.Core.Disclosure.DisclosureRule.None;
            var today = s.GetRequiredService<Upon.Impact.RetentionEvaluation>().ParseAsOf(null).AsOf;
            return s.GetRequiredService<Upon.Impact.ImpactFigureCache>().DisclosedRetentionAsync(today, rule);
        });
        Assert.Equal(computations, Computations);
    }

    [SkippableFact]
    public async Task Coaching_ADataChange_ChangesTheFigure()
    {
        app.RequireDatabase();
        var client = app.CreateApiClient();
        async Task<int> PoolAsync()
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/reports/coaching", UriKind.Relative)));
            return json.RootElement.GetProperty("coachesInPool").GetInt32();
        }
        var before = await PoolAsync();
        var coach = await AddCoachAsync();
        Assert.Equal(before + 1, await PoolAsync());
        await app.WithDbAsync(async db =>
        {
            (await db.CoachProfiles.SingleAsync(c => c.Id == coach)).Status = CoachStatus.Retired;
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, await PoolAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Apis))]
    public async Task FunderAndStaffViews_Differ_AreCachedSideBySide_AndNeitherLeaksIntoTheOther(string url)
    {
        app.RequireDatabase();
        await SmallPoolAsync();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 2, title: "Cached figures session");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 4);
        var staff = app.CreateApiClient(Roles.PartnerStaff);
        var funder = app.CreateApiClient(Roles.Funder);

        var exact = await GetAsync(staff, url);
        var suppressed = await GetAsync(funder, url);
        var exactJson = await exact.Content.ReadAsStringAsync();
        var suppressedJson = await suppressed.Content.ReadAsStringAsync();
        Assert.NotEqual(exactJson, suppressedJson);
        Assert.NotEqual(exact.Headers.ETag, suppressed.Headers.ETag);

        var computations = Computations;
        Assert.Equal(exactJson, await (await GetAsync(staff, url)).Content.ReadAsStringAsync());
        Assert.Equal(suppressedJson, await (await GetAsync(funder, url)).Content.ReadAsStringAsync());
        Assert.Equal(computations, Computations);

        // Neither's tag names the other's answer: each gets its own figures.
        var funderWithStaffTag = await GetAsync(funder, url, exact.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, funderWithStaffTag.StatusCode);
        Assert.Equal(suppressedJson, await funderWithStaffTag.Content.ReadAsStringAsync());
        var staffWithFunderTag = await GetAsync(staff, url, suppressed.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, staffWithFunderTag.StatusCode);
        Assert.Equal(exactJson, await staffWithFunderTag.Content.ReadAsStringAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_Answers304_UntilTheDataChanges_AndIsNotAnotherViewersToReuse(string url, string role)
    {
        app.RequireDatabase();
        var client = app.CreateClient(role);
        var first = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);

        var other = await GetAsync(app.CreateClient(role == Roles.Funder ? Roles.Administrator : Roles.Funder), url, first.Headers.ETag);
        Assert.NotEqual(HttpStatusCode.NotModified, other.StatusCode);

        await ImportDirectorAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);
    }

    [SkippableTheory]
    [InlineData("/feedback/chart.svg")]
    [InlineData("/feedback/chart.svg?strand=1")]
    [InlineData("/reports/equality/chart.svg?year=2025-26&group=white")]
    public async Task Chart_IsDrawnOncePerChange_AndServedToEveryoneOfTheSameViewWithItsETag(string url)
    {
        app.RequireDatabase();
        var client = app.CreateClient(Roles.Administrator);
        var first = await GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/svg+xml", first.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(first.Headers.ETag);

        var computations = Computations;
        var again = await GetAsync(app.CreateClient(Roles.PartnerStaff), url);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);
        Assert.Equal(computations, Computations);

        await ImportDirectorAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, first.Headers.ETag)).StatusCode);
    }

    [SkippableFact]
    public async Task CoachingFigures_FromTheCache_StillAuditTheReadOfEachPublishedRoundsRequests()
    {
        app.RequireDatabase();
        var roundId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var round = new MatchingRound { Name = $"Audited {Guid.NewGuid():N}"[..30], Status = RoundStatus.Published, PublishedAt = Instant.FromUtc(2026, 8, 1, 9, 0) };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id.ToString(CultureInfo.InvariantCulture);
        });
        Task<int> ViewsAsync() => app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .CountAsync(e => e.Action == AuditActions.Viewed && e.EntityType == nameof(MatchingRound) && e.EntityId == roundId));

        var api = app.CreateApiClient();
        var first = await GetAsync(api, "/api/reports/coaching");
        Assert.Equal(1, await ViewsAsync());
        var computations = Computations;
        await GetAsync(api, "/api/reports/coaching");
        await GetAsync(app.CreateApiClient(Roles.Funder), "/api/reports/coaching");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app.CreateClient(Roles.Funder), "/coaching/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(api, "/api/reports/coaching", first.Headers.ETag)).StatusCode);
        Assert.Equal(5, await ViewsAsync());
        // The funder's views were worked out from the staff view's cached figures, so the requests were read only once.
        Assert.True(Computations - computations <= 3);
    }

    [SkippableFact]
    public async Task CoachingFigures_ManyRequestsAtOnce_EachAuditsItsReads_AndEachLineIsWrittenBeforeItsAnswer()
    {
        app.RequireDatabase();
        var roundId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var round = new MatchingRound { Name = $"Grouped {Guid.NewGuid():N}"[..30], Status = RoundStatus.Published, PublishedAt = Instant.FromUtc(2026, 8, 2, 9, 0) };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return round.Id.ToString(CultureInfo.InvariantCulture);
        });
        Task<int> ViewsAsync() => app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .CountAsync(e => e.Action == AuditActions.Viewed && e.EntityType == nameof(MatchingRound) && e.EntityId == roundId));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app.CreateApiClient(Roles.Funder), "/api/reports/coaching")).StatusCode);
        Assert.Equal(1, await ViewsAsync());

        // Twenty requests at once (staff and funder, API and page): each answer comes after its own line is committed.
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var response = i % 4 == 3
                ? await GetAsync(app.CreateClient(Roles.Funder), "/coaching/figures")
                : await GetAsync(app.CreateApiClient(i % 2 == 0 ? Roles.Funder : Roles.Administrator), "/api/reports/coaching");
            return response.StatusCode;
        }));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(21, await ViewsAsync());
        Assert.True(app.Services.GetRequiredService<AuditGroupWriter>().Writes >= 1);
    }

    [SkippableFact]
    public async Task DataVersion_Rises_WithStatementsThatBypassTheChangeTracker_NotWithLeases()
    {
        app.RequireDatabase();
        Task<long> VersionAsync() => app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().DataVersions.AsNoTracking().Select(v => v.Version).SingleAsync());
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Version session");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        var start = await VersionAsync();

        // On its own, outside a transaction.
        await app.WithDbAsync(db => db.FeedbackRequests.Where(q => q.SessionId == held.Session.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.RemindersStopped, true)));
        var afterUpdate = await VersionAsync();
        Assert.True(afterUpdate > start);

        // In a transaction: raised when it commits, not when it rolls back.
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.FeedbackRequests.Where(q => q.SessionId == held.Session.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.RemindersStopped, false));
            await transaction.RollbackAsync();
        });
        Assert.Equal(afterUpdate, await VersionAsync());
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.FeedbackRequests.Where(q => q.SessionId == held.Session.Id).ExecuteUpdateAsync(s => s.SetProperty(q => q.RemindersStopped, false));
            await transaction.CommitAsync();
        });
        var afterCommit = await VersionAsync();
        Assert.True(afterCommit > afterUpdate);

        // Rows no figure reads, and statements that change nothing, keep the figures.
        var lease = $"test-{Guid.NewGuid():N}";
        await app.WithDbAsync(async db =>
        {
            db.Leases.Add(new Upon.Shared.Leases.Lease { Name = lease, Holder = "test", ExpiresAt = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
        });
        await app.WithDbAsync(db => db.Leases.Where(l => l.Name == lease).ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "another")));
        await app.WithDbAsync(db => db.Leases.Where(l => l.Name == lease).ExecuteDeleteAsync());
        await app.WithDbAsync(db => db.PendingUploads.Where(u => u.Id == Guid.Empty).ExecuteDeleteAsync());
        await app.WithDbAsync(db => db.FeedbackRequests.Where(q => q.SessionId == -1).ExecuteDeleteAsync());
        Assert.Equal(afterCommit, await VersionAsync());
    }
}

public sealed class ImpactCoachingFeedbackFigureTests_Sqlite(SqliteApp app) : ImpactCoachingFeedbackFigureTests(app), IClassFixture<SqliteApp>;

public sealed class ImpactCoachingFeedbackFigureTests_Postgres(PostgresApp app) : ImpactCoachingFeedbackFigureTests(app), IClassFixture<PostgresApp>;
