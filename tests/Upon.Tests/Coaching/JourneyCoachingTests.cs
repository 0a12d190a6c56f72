using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>The New Directors journey (the participant's and staff's pages) shows the coaching year's relationship and hours used against entitlement.</summary>
public abstract class JourneyCoachingTests(UponApp app)
{
    [SkippableFact]
    public async Task Journey_InTheCoachingYear_ShowsTheRelationshipAndHoursUsed()
    {
        app.RequireDatabase();
        var other = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, other);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var enrolmentId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            var enrolment = new Enrolment { ParticipantId = me.Id, StrandId = newDirectors.Id, StartsOn = new LocalDate(2025, 9, 1), Status = EnrolmentStatus.CoachingYear };
            db.Enrolments.Add(enrolment);
            var coach = new CoachProfile { Email = $"journey-{batch}@coach.test", GivenName = "Jo", FamilyName = $"Journey{batch}", Capacity = 2, OffersOnline = true };
            db.CoachProfiles.Add(coach);
            db.CoachingRelationships.Add(new CoachingRelationship
            {
                Coach = coach, ParticipantId = me.Id, StartsOn = new LocalDate(2026, 9, 10), EndsOn = new LocalDate(2027, 9, 9), Status = RelationshipStatus.Active,
                EntitledSessions = 6, EntitledMinutes = 360,
                Sessions =
                [
                    new CoachingSessionLog { Date = new LocalDate(2026, 9, 20), Minutes = 60, Confirmation = SessionConfirmation.Confirmed },
                    new CoachingSessionLog { Date = new LocalDate(2026, 10, 20), Minutes = 90, Confirmation = SessionConfirmation.Pending },
                    new CoachingSessionLog { Date = new LocalDate(2026, 11, 20), Minutes = 60, Confirmation = SessionConfirmation.Queried },
                ],
            });
            await db.SaveChangesAsync();
            return enrolment.Id;
        });

        var mine = await app.CreateClient(Roles.Participant).GetDocumentAsync("/my/journey");
        var row = mine.QuerySelector("#coaching-relationships tbody tr")!;
        Assert.Contains($"Jo Journey{batch}", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2.5 of 6", row.QuerySelector(".coaching-hours")!.TextContent.Trim());
        Assert.Contains("1 of 6", row.TextContent, StringComparison.Ordinal);

        var staff = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync($"/new-directors/participants/{enrolmentId}");
        Assert.Equal("2.5 of 6", staff.QuerySelector("#coaching-relationships .coaching-hours")!.TextContent.Trim());
    }
}

public sealed class JourneyCoachingTests_Sqlite(SqliteApp app) : JourneyCoachingTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyCoachingTests_Postgres(PostgresApp app) : JourneyCoachingTests(app), IClassFixture<PostgresApp>;
