using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Coaching;

/// <summary>
/// "The participant's own authority comes from the register or their enrolment": an aspirant, not in the register, gets
/// the authority their application names, so a coach who led or worked there is excluded as a conflict of interest.
/// </summary>
public abstract class AspirantConflictTests(UponApp app)
{
    [SkippableFact]
    public async Task AspirantRequest_TakesTheAuthorityFromTheApplication_AndExcludesACoachWhoWorkedThere()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var aspirants = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.AspirantDirectorsSlug);
            var cohort = new AspirantCohort { Name = $"AC-{batch}", Places = 4, CreatedAt = now };
            db.AspirantCohorts.Add(cohort);
            var participant = new Participant
            {
                GivenName = "Asha", FamilyName = $"Aspirant{batch}", Email = $"asha.{batch}@council.test", CreatedAt = now,
                Enrolments = [new Enrolment { StrandId = aspirants.Id, StartsOn = new LocalDate(2026, 1, 1) }],
            };
            db.Participants.Add(participant);
            var conflicted = new CoachProfile { Email = $"camden-{batch}@coach.test", GivenName = "Cam", FamilyName = $"Conflicted{batch}", Capacity = 2, OffersOnline = true, ConflictAuthorityCodes = "201;202" };
            var free = new CoachProfile { Email = $"free-{batch}@coach.test", GivenName = "Fay", FamilyName = $"Free{batch}", Capacity = 2, OffersOnline = true };
            db.CoachProfiles.AddRange(conflicted, free);
            var round = new MatchingRound { Name = $"Aspirants {batch}", Status = RoundStatus.Open, CreatedAt = now };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            db.AspirantApplications.Add(new AspirantApplication
            {
                CohortId = cohort.Id, ApplicationId = $"{batch}-1", Email = participant.Email, GivenName = "Asha", FamilyName = participant.FamilyName,
                AuthorityCode = "202", Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = now, Outcome = SelectionOutcome.Selected,
                Offer = OfferStatus.Accepted, ParticipantId = participant.Id,
            });
            await db.SaveChangesAsync();
            return (ParticipantId: participant.Id, participant.Email, RoundId: round.Id, Conflicted: conflicted.Email, Free: free.Email);
        });

        // The request as the participant's form (and staff's) saves it: no register post, so the application's authority.
        await app.WithScopeAsync(s => s.GetRequiredService<RequestForm>().SubmitAsync(
            seeded.ParticipantId,
            new RequestDraft { WishesAnswered = true, AuthorityKind = RequestDraft.NoKind, Mode = CoachingModes.Online, AvoidAnswered = true },
            seeded.RoundId));
        await app.WithDbAsync(async db => Assert.Equal("202", (await db.CoachingRequests.AsNoTracking().SingleAsync(r => r.RoundId == seeded.RoundId && r.ParticipantId == seeded.ParticipantId)).AuthorityCode));

        var loaded = (await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().LoadAsync(seeded.RoundId)))!;
        var request = loaded.Problem.Requests.Single(r => r.Key == seeded.Email);
        Assert.Contains(PairExclusion.ConflictOfInterest, PairRules.Exclusions(request, loaded.Problem.Coaches.Single(c => c.Key == seeded.Conflicted)));
        Assert.Empty(PairRules.Exclusions(request, loaded.Problem.Coaches.Single(c => c.Key == seeded.Free)));

        var (_, result) = await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().RunAsync(seeded.RoundId));
        Assert.Equal(seeded.Free, result.Pairs.Single(p => p.Participant == seeded.Email).Coach);
    }
}

public sealed class AspirantConflictTests_Sqlite(SqliteApp app) : AspirantConflictTests(app), IClassFixture<SqliteApp>;

public sealed class AspirantConflictTests_Postgres(PostgresApp app) : AspirantConflictTests(app), IClassFixture<PostgresApp>;
