using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// A coachee asking to change coach while no round is open: the ask waits, flagged to staff on <c>/coaching</c>; the
/// next round staff open takes their rematch request in, once, with the current coach excluded from the matching.
/// </summary>
public abstract class RematchTests(UponApp app)
{
    [SkippableFact]
    public async Task ChangeAsked_WithNoRoundOpen_WaitsFlagged_AndTheNextRoundOpenedTakesItIn_CurrentCoachExcluded()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            // No round open: every earlier one is published.
            await db.MatchingRounds.Where(r => r.Status != RoundStatus.Published).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RoundStatus.Published));
            var current = new CoachProfile { Email = $"current-{batch}@coach.test", GivenName = "Cal", FamilyName = $"Current{batch}", Capacity = 5, OffersOnline = true };
            var next = new CoachProfile { Email = $"next-{batch}@coach.test", GivenName = "Nia", FamilyName = $"Next{batch}", Capacity = 5, OffersOnline = true };
            db.CoachProfiles.AddRange(current, next);
            await db.SaveChangesAsync();
            var relationship = new CoachingRelationship
            {
                CoachId = current.Id, ParticipantId = me.Id, StartsOn = new LocalDate(2026, 9, 1), EndsOn = new LocalDate(2027, 8, 31),
                EntitledSessions = 6, EntitledMinutes = 360, Status = RelationshipStatus.Active, StatusChangedOn = new LocalDate(2026, 9, 1),
            };
            db.CoachingRelationships.Add(relationship);
            await db.SaveChangesAsync();
            return (RelationshipId: relationship.Id, CurrentId: current.Id, Current: current.Email, Next: next.Email);
        });

        var changeUrl = $"/my/coach/change/{seeded.RelationshipId}";
        var asked = await app.CreateClient(Roles.Participant).PostFormAsync(changeUrl, new Dictionary<string, string>());
        Assert.Equal("/my/coach", asked.Headers.Location?.OriginalString);
        await app.WithDbAsync(async db => Assert.False(await db.CoachingRequests.AnyAsync(r => r.ParticipantId == me.Id)));

        // Staff see the ask, and that it waits for a round.
        var home = await app.CreateClient(Roles.Administrator).GetDocumentAsync("/coaching");
        var row = home.QuerySelector($"#relationships tr[data-relationship-id='{seeded.RelationshipId}']")!;
        Assert.Contains(row.QuerySelectorAll(".flag"), f => f.TextContent.Contains("change coach", StringComparison.OrdinalIgnoreCase));
        Assert.NotNull(row.QuerySelector(".rematch-waiting"));
        Assert.StartsWith("1 coachee asked to change coach while no matching round was open", home.QuerySelector("#rematches-waiting")!.TextContent.Trim(), StringComparison.Ordinal);

        // The next round staff open takes the rematch request in.
        var admin = app.CreateClient(Roles.Administrator);
        var opened = await admin.PostFormAsync("/coaching/rounds", new Dictionary<string, string> { ["Name"] = $"Next {batch}", ["WouldLike"] = "10", ["AuthorityKind"] = "4", ["InPerson"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var roundId = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().MatchingRounds.Where(r => r.Name == $"Next {batch}").Select(r => r.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var request = await db.CoachingRequests.AsNoTracking().SingleAsync(r => r.ParticipantId == me.Id);
            Assert.Equal(roundId, request.RoundId);
            Assert.Equal(seeded.CurrentId, request.RematchFromCoachId);
        });
        home = await admin.GetDocumentAsync("/coaching");
        Assert.Null(home.QuerySelector("#rematches-waiting"));
        Assert.Null(home.QuerySelector($"#relationships tr[data-relationship-id='{seeded.RelationshipId}'] .rematch-waiting"));

        // The current coach is excluded: the run proposes the other one.
        var (loaded, result) = await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().RunAsync(roundId));
        Assert.Contains(seeded.Current, loaded.Problem.Requests.Single(r => r.Key == UponApp.EmailFor(Roles.Participant)).Avoid);
        Assert.Equal(seeded.Next, result.Pairs.Single(p => p.Participant == UponApp.EmailFor(Roles.Participant)).Coach);

        // Taken in once: a further round does not take it in again.
        await admin.PostFormAsync("/coaching/rounds", new Dictionary<string, string> { ["Name"] = $"Later {batch}", ["WouldLike"] = "10", ["AuthorityKind"] = "4", ["InPerson"] = "3" });
        await app.WithDbAsync(async db => Assert.Equal(1, await db.CoachingRequests.CountAsync(r => r.ParticipantId == me.Id)));
    }

    /// <summary>
    /// The rule for an ask that waits (README, Relationship statuses): a completed relationship's ask opens no rematch; one
    /// ended early still does (the coachee still wants a coach), as a paused one does; an ask whose coachee has another
    /// coach now opens none.
    /// </summary>
    [SkippableFact]
    public async Task WaitingAsks_CompletedOpensNoRematch_EndedEarlyAndPausedDo_NorDoesOneWhoseCoacheeHasACoachNow()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 4);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var start = new LocalDate(2026, 1, 5);
        var ids = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            await db.MatchingRounds.Where(r => r.Status != RoundStatus.Published).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RoundStatus.Published));
            var coach = new CoachProfile { Email = $"asked-{batch}@coach.test", GivenName = "Ash", FamilyName = $"Asked{batch}", Capacity = 10, OffersOnline = true };
            var other = new CoachProfile { Email = $"other-{batch}@coach.test", GivenName = "Oli", FamilyName = $"Other{batch}", Capacity = 10, OffersOnline = true };
            db.CoachProfiles.AddRange(coach, other);
            await db.SaveChangesAsync();
            CoachingRelationship Asked(int participantId, RelationshipStatus status) => new()
            {
                CoachId = coach.Id, ParticipantId = participantId, StartsOn = start, EndsOn = start.PlusYears(1).PlusDays(-1),
                EntitledSessions = 6, EntitledMinutes = 360, Status = status, StatusChangedOn = new LocalDate(2026, 10, 1), ChangeRequestedOn = new LocalDate(2026, 9, 1),
            };
            var completed = Asked(people[0].Id, RelationshipStatus.Completed);
            var endedEarly = Asked(people[1].Id, RelationshipStatus.EndedEarly);
            var paused = Asked(people[2].Id, RelationshipStatus.Paused);
            var endedWithNewCoach = Asked(people[3].Id, RelationshipStatus.EndedEarly);
            var newCoach = new CoachingRelationship
            {
                CoachId = other.Id, ParticipantId = people[3].Id, StartsOn = new LocalDate(2026, 10, 2), EndsOn = new LocalDate(2027, 10, 1),
                EntitledSessions = 6, EntitledMinutes = 360, Status = RelationshipStatus.Active, StatusChangedOn = new LocalDate(2026, 10, 2),
            };
            db.CoachingRelationships.AddRange(completed, endedEarly, paused, endedWithNewCoach, newCoach);
            await db.SaveChangesAsync();
            var waiting = await s.GetRequiredService<Rematches>().Waiting.Select(r => r.Id).ToListAsync();
            Assert.DoesNotContain(completed.Id, waiting);
            Assert.DoesNotContain(endedWithNewCoach.Id, waiting);
            Assert.Contains(endedEarly.Id, waiting);
            Assert.Contains(paused.Id, waiting);
            return (Completed: completed.Id, EndedEarly: endedEarly.Id, CoachId: coach.Id);
        });

        // Staff see the ask of the relationship ended early waiting; the completed one is not counted.
        var admin = app.CreateClient(Roles.Administrator);
        var home = await admin.GetDocumentAsync("/coaching");
        Assert.NotNull(home.QuerySelector($"#relationships tr[data-relationship-id='{ids.EndedEarly}'] .rematch-waiting"));
        Assert.Null(home.QuerySelector($"#relationships tr[data-relationship-id='{ids.Completed}'] .rematch-waiting"));

        // The next round opened takes in the ended-early and paused asks only.
        await admin.PostFormAsync("/coaching/rounds", new Dictionary<string, string> { ["Name"] = $"Asks {batch}", ["WouldLike"] = "10", ["AuthorityKind"] = "4", ["InPerson"] = "3" });
        await app.WithDbAsync(async db =>
        {
            var rematched = await db.CoachingRequests.AsNoTracking().Where(r => r.Round!.Name == $"Asks {batch}" && r.RematchFromCoachId == ids.CoachId).Select(r => r.ParticipantId).ToListAsync();
            Assert.Equal([people[1].Id, people[2].Id], rematched.Order());
        });

        // Asking on a completed relationship is refused.
        var refused = await app.WithScopeAsync(s => Assert.ThrowsAsync<CoachingRuleException>(() => s.GetRequiredService<CoachingService>().RequestChangeAsync(people[0].Id, ids.Completed)));
        Assert.Contains("completed", refused.Message, StringComparison.Ordinal);

        // Out of the pool again, so that other tests' rounds do not match with these coaches.
        await app.WithDbAsync(db => db.CoachProfiles.Where(c => c.Email.EndsWith($"-{batch}@coach.test")).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired)));
    }
}

public sealed class RematchTests_Sqlite(SqliteApp app) : RematchTests(app), IClassFixture<SqliteApp>;

public sealed class RematchTests_Postgres(PostgresApp app) : RematchTests(app), IClassFixture<PostgresApp>;
