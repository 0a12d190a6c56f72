using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// "Each coach takes at most their free places", checked again when a round is published, against the pool as it is then:
/// two rounds that both proposed a coach's last place cannot both be published, nor a round whose coach has since retired.
/// </summary>
public abstract class PublishPlacesTests(UponApp app)
{
    private sealed record Seeded(int CoachId, int FirstRound, int SecondRound);

    /// <summary>One coach with one place, and two rounds, each asking for a coach for a participant of its own.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var strand = await SessionSeed.StrandAsync(app);
        var participants = await SessionSeed.ParticipantsAsync(app, strand, 2);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = new Seeded(0, 0, 0);
        await app.WithDbAsync(async db =>
        {
            await db.CoachProfiles.Where(c => c.Status == CoachStatus.Active).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired));
            var coach = new CoachProfile { Email = $"last-place-{batch}@coach.test", GivenName = "Lou", FamilyName = $"Last{batch}", Capacity = 1, OffersOnline = true };
            db.CoachProfiles.Add(coach);
            var rounds = participants.Select((p, i) =>
            {
                var round = new MatchingRound { Name = $"Places {i} {batch}", Status = RoundStatus.Open };
                round.Requests.Add(new CoachingRequest { ParticipantId = p.Id, Mode = RequestedMode.Online });
                return round;
            }).ToList();
            db.MatchingRounds.AddRange(rounds);
            await db.SaveChangesAsync();
            seeded = new Seeded(coach.Id, rounds[0].Id, rounds[1].Id);
        });
        await app.WithScopeAsync(async s =>
        {
            var matching = s.GetRequiredService<MatchingService>();
            Assert.Equal(1, (await matching.RunAsync(seeded.FirstRound)).Result.Matched);
            Assert.Equal(1, (await matching.RunAsync(seeded.SecondRound)).Result.Matched);
            return true;
        });
        return seeded;
    }

    private Task<CoachingRuleException> RefusedAsync(int roundId) =>
        app.WithScopeAsync(s => Assert.ThrowsAsync<CoachingRuleException>(() => s.GetRequiredService<MatchingService>().PublishAsync(roundId)));

    [SkippableFact]
    public async Task TwoRoundsProposingTheLastPlace_OnlyTheFirstPublished_IsPublished()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        Assert.Equal(1, await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().PublishAsync(seeded.FirstRound)));

        var refused = await RefusedAsync(seeded.SecondRound);
        Assert.Contains("has 0 free places now, for 1 proposed coachee", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Run it again", refused.Message, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(RoundStatus.Pending, (await db.MatchingRounds.AsNoTracking().SingleAsync(r => r.Id == seeded.SecondRound)).Status);
            Assert.Equal(1, await db.CoachingRelationships.CountAsync(r => r.CoachId == seeded.CoachId));
            Assert.False(await db.CoachingRelationships.AnyAsync(r => r.RoundId == seeded.SecondRound));
        });
    }

    [SkippableFact]
    public async Task ARoundWhoseCoachRetiredSinceItRan_IsNotPublished()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        await app.WithDbAsync(db => db.CoachProfiles.Where(c => c.Id == seeded.CoachId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired)));

        var refused = await RefusedAsync(seeded.FirstRound);
        Assert.Contains("is no longer an active coach", refused.Message, StringComparison.Ordinal);
        await app.WithDbAsync(async db => Assert.False(await db.CoachingRelationships.AnyAsync(r => r.RoundId == seeded.FirstRound)));
    }
}

public sealed class PublishPlacesTests_Sqlite(SqliteApp app) : PublishPlacesTests(app), IClassFixture<SqliteApp>;

public sealed class PublishPlacesTests_Postgres(PostgresApp app) : PublishPlacesTests(app), IClassFixture<PostgresApp>;
