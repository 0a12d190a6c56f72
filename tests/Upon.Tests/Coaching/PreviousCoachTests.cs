using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Upon.Tests.Coaching;

/// <summary>
/// "Not a coach they had before, unless staff allow it": staff act on the round page's suggestion for one request of a
/// round not yet published, audited; the re-run then proposes the previous coach. Refused once published, and to all
/// but administrators.
/// </summary>
public abstract class PreviousCoachTests(UponApp app)
{
    private sealed record Seeded(int RoundId, int RequestId, int PreviousCoachId, string ParticipantEmail, string Url);

    /// <summary>
    /// A participant who must have a coach sharing a characteristic only one coach in the pool shares: the coach who
    /// coached them in an earlier, published round. Coaches seeded before are retired.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var strand = await SessionSeed.StrandAsync(app);
        var participant = (await SessionSeed.ParticipantsAsync(app, strand, 1))[0];
        var batch = Guid.NewGuid().ToString("N")[..6];
        var must = $"rare-{batch}";
        var seeded = new Seeded(0, 0, 0, participant.Email, "");
        await app.WithDbAsync(async db =>
        {
            // The pool is this test's two coaches: the explanation then lists only their suggestions.
            await db.CoachProfiles.Where(c => c.Status == CoachStatus.Active).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired));
            var previous = new CoachProfile
            {
                Email = $"previous-{batch}@coach.test", GivenName = "Pat", FamilyName = $"Previous{batch}", Capacity = 3, OffersOnline = true,
                Consents = [new CoachConsent { Characteristic = must, GivenOn = new LocalDate(2025, 1, 1) }],
            };
            db.CoachProfiles.Add(new CoachProfile { Email = $"someone-{batch}@coach.test", GivenName = "Sol", FamilyName = $"Someone{batch}", Capacity = 3, OffersOnline = true });
            var earlier = new MatchingRound { Name = $"Earlier {batch}", Status = RoundStatus.Published };
            db.MatchingRounds.Add(earlier);
            db.CoachProfiles.Add(previous);
            await db.SaveChangesAsync();
            db.CoachingRelationships.Add(new CoachingRelationship
            {
                CoachId = previous.Id, ParticipantId = participant.Id, RoundId = earlier.Id, StartsOn = new LocalDate(2025, 1, 1), EndsOn = new LocalDate(2025, 12, 31),
                EntitledSessions = 6, EntitledMinutes = 360, Status = RelationshipStatus.Completed, StatusChangedOn = new LocalDate(2025, 12, 31),
            });
            var round = new MatchingRound { Name = $"Now {batch}", Status = RoundStatus.Open };
            round.Requests.Add(new CoachingRequest { ParticipantId = participant.Id, Must = must, Mode = RequestedMode.Online });
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            seeded = new Seeded(round.Id, round.Requests[0].Id, previous.Id, participant.Email, $"/coaching/rounds/{round.Id}");
        });
        return seeded;
    }

    private Task<bool> AllowedAsync(Seeded seeded) =>
        app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().CoachingRequests.Where(r => r.Id == seeded.RequestId).Select(r => r.PreviousCoachAllowed).SingleAsync());

    private static Dictionary<string, string> Request(Seeded seeded) => new() { ["requestId"] = seeded.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [SkippableFact]
    public async Task AllowPrevious_ActsOnTheSuggestion_ReRunProposesThePreviousCoach_AndIsAudited()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        await admin.PostFormAsync(seeded.Url, new Dictionary<string, string>(), $"{seeded.Url}?handler=Run");

        var page = await admin.GetDocumentAsync(seeded.Url);
        var row = page.QuerySelector($"#unmatched tr[data-participant='{seeded.ParticipantEmail}']")!;
        Assert.Contains("coached the participant before", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Would match them: staff allowing their previous coach, Pat Previous", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("button.allow-previous"));

        var allowed = await admin.PostFormAsync(seeded.Url, Request(seeded), $"{seeded.Url}?handler=AllowPrevious");
        Assert.Equal(seeded.Url, allowed.Headers.Location?.OriginalString);
        Assert.True(await AllowedAsync(seeded));
        await app.WithDbAsync(async db => Assert.True(await db.AuditEvents.AnyAsync(e =>
            e.EntityType == nameof(CoachingRequest) && e.EntityId == seeded.RequestId.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Action == AuditActions.Updated && e.Changes!.Contains("PreviousCoachAllowed") && e.Actor == UponApp.EmailFor(Roles.Administrator))));

        await admin.PostFormAsync(seeded.Url, new Dictionary<string, string>(), $"{seeded.Url}?handler=Run");
        page = await admin.GetDocumentAsync(seeded.Url);
        var pair = page.QuerySelector($"#pairs tr[data-participant='{seeded.ParticipantEmail}']")!;
        Assert.StartsWith("previous-", pair.GetAttribute("data-coach"), StringComparison.Ordinal);
        Assert.NotNull(pair.QuerySelector(".previous-allowed"));
        Assert.Empty(pair.QuerySelectorAll(".warning"));

        // Withdrawn, the previous coach is excluded again: the pair is warned about, and a re-run leaves them unmatched.
        Assert.NotNull(pair.QuerySelector("button.disallow-previous"));
        await admin.PostFormAsync(seeded.Url, Request(seeded), $"{seeded.Url}?handler=DisallowPrevious");
        Assert.False(await AllowedAsync(seeded));
        page = await admin.GetDocumentAsync(seeded.Url);
        Assert.Contains("the coach coached the participant before", page.QuerySelector($"#pairs tr[data-participant='{seeded.ParticipantEmail}']")!.TextContent, StringComparison.Ordinal);
        await admin.PostFormAsync(seeded.Url, new Dictionary<string, string>(), $"{seeded.Url}?handler=Run");
        page = await admin.GetDocumentAsync(seeded.Url);
        Assert.NotNull(page.QuerySelector($"#unmatched tr[data-participant='{seeded.ParticipantEmail}']"));
    }

    [SkippableFact]
    public async Task AllowPrevious_OnAPublishedRound_IsRefused()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        await admin.PostFormAsync(seeded.Url, new Dictionary<string, string>(), $"{seeded.Url}?handler=Run");
        await admin.PostFormAsync(seeded.Url, new Dictionary<string, string>(), $"{seeded.Url}?handler=Publish");
        var page = await admin.GetDocumentAsync(seeded.Url);
        Assert.Null(page.QuerySelector("button.allow-previous"));

        await admin.PostFormAsync(seeded.Url, Request(seeded), $"{seeded.Url}?handler=AllowPrevious");
        page = await admin.GetDocumentAsync(seeded.Url);
        Assert.Equal("This round is published: its requests can no longer change.", page.QuerySelector("#notice")!.TextContent.Trim());
        Assert.False(await AllowedAsync(seeded));
    }

    [SkippableFact]
    public async Task AllowPrevious_IsForAdministratorsOnly()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            // A post with a good antiforgery token (from a page they may see) changes nothing.
            var posted = await app.CreateClient(role).PostFormAsync("/", Request(seeded), $"{seeded.Url}?handler=AllowPrevious");
            Assert.False(posted.IsSuccessStatusCode, $"{role} posted and got {posted.StatusCode}");
            Assert.NotEqual(seeded.Url, posted.Headers.Location?.OriginalString);
        }

        Assert.False(await AllowedAsync(seeded));
        // A request of another round is not this round's to change.
        var admin = app.CreateClient(Roles.Administrator);
        var other = await SeedAsync();
        await admin.PostFormAsync(seeded.Url, Request(other), $"{seeded.Url}?handler=AllowPrevious");
        Assert.Equal("There is no such request in this round.", (await admin.GetDocumentAsync(seeded.Url)).QuerySelector("#notice")!.TextContent.Trim());
        Assert.False(await AllowedAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostFormAsync(seeded.Url, Request(seeded), "/coaching/rounds/0?handler=AllowPrevious")).StatusCode);
    }
}

public sealed class PreviousCoachTests_Sqlite(SqliteApp app) : PreviousCoachTests(app), IClassFixture<SqliteApp>;

public sealed class PreviousCoachTests_Postgres(PostgresApp app) : PreviousCoachTests(app), IClassFixture<PostgresApp>;
