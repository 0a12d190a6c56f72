using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// A locked pair the matching cannot keep (its coach paused or retired since, or its request no longer in the round) is
/// still dropped when the round is re-run, but the round page says which pair and why, and offers to unlock it.
/// </summary>
public abstract class DroppedLockTests(UponApp app)
{
    [SkippableFact]
    public async Task LockedPairs_WhoseCoachIsPausedOrRetired_OrWhoseRequestLeftTheRound_AreDroppedOnReRun_AndTheRoundPageSaysWhy()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 3);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<Upon.Data.UponDbContext>();
            await db.CoachProfiles.Where(c => c.Status == CoachStatus.Active).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired));
            var paused = new CoachProfile { Email = $"paused-{batch}@coach.test", GivenName = "Pia", FamilyName = $"Paused{batch}", Capacity = 2, OffersOnline = true };
            var retired = new CoachProfile { Email = $"retired-{batch}@coach.test", GivenName = "Rex", FamilyName = $"Retired{batch}", Capacity = 2, OffersOnline = true };
            var staying = new CoachProfile { Email = $"staying-{batch}@coach.test", GivenName = "Sol", FamilyName = $"Staying{batch}", Capacity = 5, OffersOnline = true };
            db.CoachProfiles.AddRange(paused, retired, staying);
            var round = new MatchingRound { Name = $"Locks {batch}", Status = RoundStatus.Open };
            round.Requests.Add(new CoachingRequest { ParticipantId = people[0].Id, Mode = RequestedMode.Online });
            round.Requests.Add(new CoachingRequest { ParticipantId = people[1].Id, Mode = RequestedMode.Online });
            // Another round, whose request a lock in this round still points at: the request is not in this round.
            var other = new MatchingRound { Name = $"Other {batch}", Status = RoundStatus.Open };
            other.Requests.Add(new CoachingRequest { ParticipantId = people[2].Id, Mode = RequestedMode.Online });
            db.MatchingRounds.AddRange(round, other);
            await db.SaveChangesAsync();
            var requests = round.Requests.ToDictionary(r => r.ParticipantId, r => r.Id);
            db.RoundDecisions.AddRange(
                new RoundDecision { RoundId = round.Id, RequestId = requests[people[0].Id], CoachId = paused.Id, Kind = DecisionKind.Locked },
                new RoundDecision { RoundId = round.Id, RequestId = requests[people[1].Id], CoachId = retired.Id, Kind = DecisionKind.Locked },
                new RoundDecision { RoundId = round.Id, RequestId = other.Requests[0].Id, CoachId = staying.Id, Kind = DecisionKind.Locked });
            await db.SaveChangesAsync();
            return (RoundId: round.Id, PausedId: paused.Id, Paused: paused, Retired: retired, Staying: staying, FirstRequest: requests[people[0].Id]);
        });

        // Run with every lock kept where it can be: both coaches active, so both locked pairs are proposed.
        var (_, first) = await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().RunAsync(seeded.RoundId));
        Assert.Equal(2, first.Pairs.Count(p => p.Locked));

        // Since, one coach is paused and the other retired.
        await app.WithDbAsync(async db =>
        {
            await db.CoachProfiles.Where(c => c.Id == seeded.Paused.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Paused));
            await db.CoachProfiles.Where(c => c.Id == seeded.Retired.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired));
        });
        var admin = app.CreateClient();
        var url = $"/coaching/rounds/{seeded.RoundId}";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Run")).StatusCode);

        // The locks are dropped: both participants go to the coach still active, and no pair is locked.
        var page = await admin.GetDocumentAsync(url);
        var pairs = page.QuerySelectorAll("#pairs tbody tr").Select(r => (r.GetAttribute("data-participant"), r.GetAttribute("data-coach"))).ToList();
        Assert.Equal([(people[0].Email, seeded.Staying.Email), (people[1].Email, seeded.Staying.Email)], pairs.OrderBy(p => p.Item1, StringComparer.OrdinalIgnoreCase));

        // And the page says which pair and why, for each.
        var notes = page.QuerySelectorAll("#dropped-locks .dropped-lock").Select(n => n.TextContent).ToList();
        Assert.Equal(3, notes.Count);
        Assert.Contains(notes, n => n.Contains($"The locked pair {people[0].FullName} with {seeded.Paused.FullName} is not kept when the round runs: {seeded.Paused.FullName} is paused, and only active coaches are matched.", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains($"The locked pair {people[1].FullName} with {seeded.Retired.FullName} is not kept when the round runs: {seeded.Retired.FullName} is retired, and only active coaches are matched.", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains($"The locked pair {people[2].FullName} with {seeded.Staying.FullName} is not kept when the round runs: {people[2].FullName}'s request is no longer in this round.", StringComparison.Ordinal));

        // Unlocking one from the note clears it: the page no longer mentions it.
        var unlock = new Dictionary<string, string> { ["requestId"] = seeded.FirstRequest.ToString(System.Globalization.CultureInfo.InvariantCulture), ["coachId"] = seeded.PausedId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, unlock, $"{url}?handler=Clear")).StatusCode);
        page = await admin.GetDocumentAsync(url);
        Assert.Equal(2, page.QuerySelectorAll("#dropped-locks .dropped-lock").Length);
        Assert.DoesNotContain(page.QuerySelectorAll("#dropped-locks .dropped-lock"), n => n.TextContent.Contains(seeded.Paused.FullName, StringComparison.Ordinal));

        await app.WithDbAsync(db => db.CoachProfiles.Where(c => c.Id == seeded.Staying.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired)));
    }
}

public sealed class DroppedLockTests_Sqlite(SqliteApp app) : DroppedLockTests(app), IClassFixture<SqliteApp>;

public sealed class DroppedLockTests_Postgres(PostgresApp app) : DroppedLockTests(app), IClassFixture<PostgresApp>;
