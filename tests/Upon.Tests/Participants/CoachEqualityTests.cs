using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Audit;
using Upon.Coaching;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Participants;

/// <summary>
/// A coach who is not a participant gives and changes their own equality answers at <c>/my/equality</c>, linked from
/// their home page and coach profile; the reads and the change are audited, and the coaches row of the equality
/// figures counts the answers.
/// </summary>
public abstract class CoachEqualityTests(UponApp app)
{
    private static string? Cell(AngleSharp.Dom.IDocument doc, string table, string stage, string figure) =>
        doc.QuerySelector($"#{table} tr[data-stage='{stage}'] [data-figure='{figure}']")?.TextContent.Trim();

    [SkippableFact]
    public async Task ACoach_GivesAndChangesTheirAnswers_Audited_AndTheCoachesRowCountsThem()
    {
        app.RequireDatabase();
        var email = UponApp.EmailFor(Roles.Coach);
        await app.WithDbAsync(async db =>
        {
            var coach = await db.CoachProfiles.FirstOrDefaultAsync(c => c.Email == email);
            if (coach is null)
            {
                coach = new CoachProfile { Email = email, GivenName = "Cora", FamilyName = "Coach", Capacity = 5, OffersOnline = true };
                db.CoachProfiles.Add(coach);
            }
            var coachee = new Participant { GivenName = "Eq", FamilyName = "Coachee", Email = $"eq-coachee-{Guid.NewGuid():N}@example.org", CreatedAt = app.Clock.GetCurrentInstant() };
            db.Participants.Add(coachee);
            // 2019-20: a year no other test's coaching relationship runs in.
            db.CoachingRelationships.Add(new CoachingRelationship
            {
                Coach = coach, Participant = coachee, StartsOn = new LocalDate(2019, 5, 1), EndsOn = new LocalDate(2020, 2, 28),
                EntitledSessions = 6, EntitledMinutes = 360, Status = RelationshipStatus.Completed,
            });
            await db.SaveChangesAsync();
        });
        var client = app.CreateClient(Roles.Coach);

        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("a#coach-equality-link[href='/my/equality']"));
        var profile = await client.GetDocumentAsync("/coach/profile");
        Assert.NotNull(profile.QuerySelector("a#equality-link[href='/my/equality']"));

        var empty = await client.GetDocumentAsync("/my/equality");
        Assert.NotNull(empty.QuerySelector("#as-coach"));
        Assert.NotNull(empty.QuerySelector("form #EthnicityCode"));

        var invalid = await Html.ParseAsync(await client.PostFormAsync("/my/equality", new Dictionary<string, string> { ["EthnicityCode"] = "martian", ["Sex"] = "Female" }));
        Assert.Equal(["Select your ethnic group, or prefer not to say", "Select whether you are disabled, or prefer not to say"], invalid.ErrorSummary());
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Participants.AnyAsync(p => p.Email == email)), "An invalid answer wrote a record.");

        var saved = await client.PostFormAsync("/my/equality", new Dictionary<string, string> { ["EthnicityCode"] = "prefer-not-to-say", ["Sex"] = "Female", ["Disability"] = "No" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await client.PostFormAsync("/my/equality", new Dictionary<string, string> { ["EthnicityCode"] = "asian-pakistani", ["Sex"] = "Female", ["Disability"] = "No" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var own = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Participants.AsNoTracking().Include(p => p.Enrolments).SingleAsync(p => p.Email == email));
        Assert.Empty(own.Enrolments);
        var record = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().EqualityInformation.AsNoTracking().SingleAsync(e => e.ParticipantId == own.Id));
        Assert.Equal(("asian-pakistani", Sex.Female, Disability.No), (record.EthnicityCode, record.Sex, record.Disability));

        var page = await client.GetDocumentAsync("/my/equality");
        Assert.Equal("asian-pakistani", page.QuerySelector("#EthnicityCode option[selected]")?.GetAttribute("value"));
        var audit = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == EqualityRecords.EntityType).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditActions.Viewed && e.EntityId == own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Actor == email);
        Assert.Contains(audit, e => e.Action != AuditActions.Viewed && e.Changes != null && e.Changes.Contains("\"EthnicityCode\":{\"changed\":true}", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => e.Changes != null && e.Changes.Contains("asian-pakistani", StringComparison.Ordinal));

        var figures = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/reports/equality?year=2019-20");
        Assert.Equal("100.0%", Cell(figures, "ethnicity", "coaches", "asian-asian-british"));
        Assert.Equal("100.0%", Cell(figures, "ethnicity", "coaches", "answered"));
        Assert.Equal("100.0%", Cell(figures, "sex-disability", "coaches", "female"));
    }

    [SkippableFact]
    public async Task TheFunderAndStaff_CannotGiveAnswers_ThereIsNoFormForThem()
    {
        app.RequireDatabase();
        foreach (var role in new[] { Roles.Funder, Roles.PartnerStaff })
        {
            var response = await app.CreateClient(role).GetAsync(new Uri("/my/equality", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

public sealed class CoachEqualityTests_Sqlite(SqliteApp app) : CoachEqualityTests(app), IClassFixture<SqliteApp>;

public sealed class CoachEqualityTests_Postgres(PostgresApp app) : CoachEqualityTests(app), IClassFixture<PostgresApp>;
