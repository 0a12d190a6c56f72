using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Upon.Coaching;
using Upon.Demo;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Coaching;

/// <summary><c>upon demo</c> creates a coaching pool, a round ready to run and the demo coach's coachees.</summary>
public abstract class CoachingDemoTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task Demo_HasAPoolARoundReadyToRunAndTheDemoCoachsCoachees()
    {
        fixture.RequireDatabase();

        await using (var db = fixture.Database.CreateDbContext())
        {
            Assert.InRange(await db.CoachProfiles.CountAsync(), 35, 45);
            Assert.True(await db.CoachProfiles.CountAsync(c => c.PersonKey != null) >= 30);
            Assert.True(await db.CoachConsents.AnyAsync());
            var round = await db.MatchingRounds.Include(r => r.Requests).SingleAsync(r => r.Name == CoachingDemo.DemoRoundName);
            Assert.Equal(RoundStatus.Open, round.Status);
            Assert.Equal(30, round.Requests.Count);
            var coachees = await db.CoachingRelationships.Include(r => r.Participant).Include(r => r.Sessions)
                .Where(r => r.Coach!.Email == CoachingDemo.DemoCoachEmail && r.Status == RelationshipStatus.Active).ToListAsync();
            Assert.Contains(coachees, r => r.Participant!.Email == CoachingDemo.DemoParticipantEmail);
            Assert.All(coachees, r => Assert.NotEmpty(r.Sessions));
        }

        var match = await UponCli.RunAsync(fixture.Database, "coaching", "match", CoachingDemo.DemoRoundName, "--format", "json");
        Assert.True(match.ExitCode == 0, match.ToString());
        using var json = JsonDocument.Parse(match.Output);
        Assert.InRange(json.RootElement.GetProperty("matched").GetInt32(), 20, 30);
    }
}

public sealed class CoachingDemoTests_Sqlite(SqliteDemoDatabase fixture) : CoachingDemoTests(fixture), IClassFixture<SqliteDemoDatabase>;

public sealed class CoachingDemoTests_Postgres(PostgresDemoDatabase fixture) : CoachingDemoTests(fixture), IClassFixture<PostgresDemoDatabase>;
