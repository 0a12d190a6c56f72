using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Upon.Aspirants;
using Upon.Demo;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants;

/// <summary>
/// <c>upon demo</c> creates an open cohort with applications in every state, reviews, a current cohort in its year (published
/// learning sets with meetings, not-selected applicants asking to be considered next year), and a past cohort whose alumni became directors.
/// </summary>
public abstract class AspirantsDemoTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task Demo_HasAnOpenCohortInEveryStateAndAlumniWhoBecameDirectors()
    {
        fixture.RequireDatabase();

        await using (var db = fixture.Database.CreateDbContext())
        {
            var open = await db.AspirantCohorts.SingleAsync(c => c.Name == AspirantsDemo.OpenCohortName);
            var applications = await db.AspirantApplications.Include(a => a.Endorsement).Where(a => a.CohortId == open.Id).ToListAsync();
            Assert.Contains(applications, a => a.Status == ApplicationStatus.Draft);
            Assert.Contains(applications, a => a.Endorsement?.Endorsed == null && a.Status == ApplicationStatus.Submitted);
            Assert.Contains(applications, a => a.Endorsement?.Endorsed == false);
            Assert.Contains(applications, a => a.EligibilityOverride == true);
            Assert.True(await db.AspirantReviews.AnyAsync(r => r.Application!.CohortId == open.Id && r.Status == ReviewStatus.Submitted));
            Assert.True(await db.AspirantReviews.AnyAsync(r => r.Application!.CohortId == open.Id && r.Status == ReviewStatus.Assigned));
            var decided = await db.AspirantCohorts.SingleAsync(c => c.Name == AspirantsDemo.DecidedCohortName);
            var offers = await db.AspirantApplications.Where(a => a.CohortId == decided.Id && a.Offer != null).Select(a => a.Offer).Distinct().ToListAsync();
            Assert.Contains(OfferStatus.Accepted, offers);
            Assert.Contains(OfferStatus.Declined, offers);
            Assert.Contains(OfferStatus.Offered, offers);
            // Not selected, some asking to be considered next year.
            Assert.True(await db.AspirantApplications.AnyAsync(a => a.CohortId == decided.Id && a.Outcome == SelectionOutcome.NotSelected && a.ConsiderNextYear == true));
            // In its year: published learning sets with meetings their members are booked on, and one who joined late.
            var sets = await db.AspirantLearningSets.Include(s => s.Members).ThenInclude(m => m.Application).Include(s => s.Meetings)
                .Where(s => s.CohortId == decided.Id).ToListAsync();
            Assert.Equal(2, sets.Count);
            Assert.All(sets, s => Assert.NotNull(s.PublishedAt));
            Assert.All(sets, s => Assert.InRange(s.Members.Count, 5, 6));
            Assert.All(sets, s => Assert.Equal(s.Members.Count, s.Members.Select(m => m.Application!.AuthorityCode).Distinct().Count()));
            Assert.All(sets, s => Assert.Equal(3, s.Meetings.Count));
            var meetings = sets.SelectMany(s => s.Meetings).Select(m => m.SessionId).ToList();
            Assert.True(await db.Bookings.CountAsync(b => meetings.Contains(b.SessionId)) >= 25);
            Assert.Contains(sets.SelectMany(s => s.Members), m => m.Application!.OfferRespondedAt > m.Set!.PublishedAt);
            Assert.NotNull(decided.ProgrammeCohortId);
            Assert.Equal(8, await db.Sessions.CountAsync(s => s.CohortId == decided.ProgrammeCohortId && s.Type == Upon.Core.Sessions.SessionType.TaughtDay));
        }

        var report = await UponCli.RunAsync(fixture.Database, "report", "aspirants", "--cohort", AspirantsDemo.PastCohortName, "--format", "json");
        Assert.True(report.ExitCode == 0, report.ToString());
        using var json = JsonDocument.Parse(report.Output);
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("total").GetInt32());
        Assert.Equal(30, stages["applied"]);
        Assert.Equal(18, stages["completed"]);
        Assert.InRange(stages["becameDcs"], 1, 6);
    }
}

public sealed class AspirantsDemoTests_Sqlite(SqliteDemoDatabase fixture) : AspirantsDemoTests(fixture), IClassFixture<SqliteDemoDatabase>;

public sealed class AspirantsDemoTests_Postgres(PostgresDemoDatabase fixture) : AspirantsDemoTests(fixture), IClassFixture<PostgresDemoDatabase>;
