using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>An app whose New Directors must have 2 coaching sessions confirmed in their coaching year, and nothing else.</summary>
public abstract class CoachingCriterionApp(DatabaseProvider provider) : UponApp(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("NewDirectors:Completion:MinCoachingSessions", "2"),
        new("NewDirectors:Completion:MinCoreWorkshopShare", "0"),
        new("NewDirectors:Completion:RequireResidential", "false"),
    ];
}

public sealed class CoachingCriterionSqliteApp() : CoachingCriterionApp(DatabaseProvider.Sqlite);

public sealed class CoachingCriterionPostgresApp() : CoachingCriterionApp(DatabaseProvider.Postgres);

/// <summary>
/// <c>NewDirectors:Completion:MinCoachingSessions</c>: confirmed one-to-one coaching sessions dated in the coaching year
/// count towards completion, on the journey pages and in the daily run (the clock says 25 November 2026).
/// </summary>
public abstract class CoachingCriterionTests(CoachingCriterionApp app)
{
    private async Task<(int Enrolment, int Pending)> CoacheeAsync(Participant who, LocalDate startsOn, params (LocalDate Date, SessionConfirmation Confirmation)[] sessions) =>
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            var enrolment = new Enrolment { ParticipantId = who.Id, StrandId = newDirectors.Id, StartsOn = startsOn, Status = EnrolmentStatus.CoachingYear };
            db.Enrolments.Add(enrolment);
            var coach = new CoachProfile { Email = $"criterion-{Guid.NewGuid():N}@coach.test", GivenName = "Cy", FamilyName = "Criterion", Capacity = 2, OffersOnline = true };
            var relationship = new CoachingRelationship
            {
                Coach = coach, ParticipantId = who.Id, StartsOn = startsOn.PlusMonths(11), EndsOn = startsOn.PlusMonths(24), Status = RelationshipStatus.Active,
                EntitledSessions = 6, EntitledMinutes = 360,
                Sessions = [.. sessions.Select(x => new CoachingSessionLog { Date = x.Date, Minutes = 60, Confirmation = x.Confirmation })],
            };
            db.CoachingRelationships.Add(relationship);
            await db.SaveChangesAsync();
            return (enrolment.Id, relationship.Sessions.FirstOrDefault(x => x.Confirmation == SessionConfirmation.Pending)?.Id ?? 0);
        });

    [SkippableFact]
    public async Task Journey_CountsConfirmedCoachingSessionsInTheCoachingYear_AndTheRunCompletesOnlyThoseWithEnough()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var others = await SessionSeed.ParticipantsAsync(app, strand, 2);
        // Month 15 of 24: the coaching year runs from 1 September 2026. The December 2025 session is in the core year.
        var (mine, pending) = await CoacheeAsync(me, new LocalDate(2025, 9, 1),
            (new LocalDate(2025, 12, 1), SessionConfirmation.Confirmed),
            (new LocalDate(2026, 9, 20), SessionConfirmation.Confirmed),
            (new LocalDate(2026, 10, 20), SessionConfirmation.Pending),
            (new LocalDate(2026, 11, 2), SessionConfirmation.Queried));
        // Month 24 ended on 31 August 2026: one with 2 confirmed, one with 1.
        var (enough, _) = await CoacheeAsync(others[0], new LocalDate(2024, 9, 1),
            (new LocalDate(2025, 10, 1), SessionConfirmation.Confirmed), (new LocalDate(2026, 3, 1), SessionConfirmation.Confirmed));
        var (short1, _) = await CoacheeAsync(others[1], new LocalDate(2024, 9, 1),
            (new LocalDate(2025, 10, 1), SessionConfirmation.Confirmed), (new LocalDate(2026, 3, 1), SessionConfirmation.Pending));

        var page = await app.CreateClient(Roles.Participant).GetDocumentAsync("/my/journey");
        Assert.Equal("1", page.QuerySelector("#progress-coaching [data-confirmed]")?.TextContent);
        Assert.Equal("2", page.QuerySelector("#progress-coaching [data-needed]")?.TextContent);
        Assert.Equal("Not yet", page.QuerySelector("#progress-coaching [data-met]")?.TextContent.Trim());

        await app.WithDbAsync(async db =>
        {
            (await db.CoachingSessionLogs.SingleAsync(x => x.Id == pending)).Confirmation = SessionConfirmation.Confirmed;
            await db.SaveChangesAsync();
        });
        var staff = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"/new-directors/participants/{mine}");
        Assert.Equal("2", staff.QuerySelector("#progress-coaching [data-confirmed]")?.TextContent);
        Assert.Equal("Met", staff.QuerySelector("#progress-coaching [data-met]")?.TextContent.Trim());

        var run = await app.WithScopeAsync(s => s.GetRequiredService<JourneyService>().AdvanceStagesAsync(new LocalDate(2026, 11, 25)));
        Assert.Equal(1, run.Completed);
        Assert.Equal(1, run.NotCompleted);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(EnrolmentStatus.Completed, (await db.Enrolments.SingleAsync(e => e.Id == enough)).Status);
            var unmet = await db.Enrolments.Include(e => e.History).SingleAsync(e => e.Id == short1);
            Assert.Equal(EnrolmentStatus.CoachingYear, unmet.Status);
            Assert.Contains(unmet.History, h => h.Reason != null && h.Reason.Contains("1 coaching sessions confirmed", StringComparison.Ordinal));
        });
    }
}

public sealed class CoachingCriterionTests_Sqlite(CoachingCriterionSqliteApp app) : CoachingCriterionTests(app), IClassFixture<CoachingCriterionSqliteApp>;

public sealed class CoachingCriterionTests_Postgres(CoachingCriterionPostgresApp app) : CoachingCriterionTests(app), IClassFixture<CoachingCriterionPostgresApp>;
