using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Impact;

/// <summary>
/// <c>upon demo</c> gives the demo's New Directors participants and coaches made-up equality answers, so the equality
/// page and the return have shares to show, and leaves the demo participant's own form for a visitor to fill in.
/// </summary>
public abstract class EqualityDemoTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task Demo_GivesParticipantsAndCoachesEqualityAnswers()
    {
        fixture.RequireDatabase();

        await using var db = fixture.Database.CreateDbContext();
        var participants = await db.Participants.CountAsync(p => p.Enrolments.Any(e => e.Strand!.Slug == Upon.Sessions.StrandSetup.NewDirectorsSlug));
        var answered = await db.EqualityInformation.CountAsync(i => i.Participant!.Enrolments.Any(e => e.Strand!.Slug == Upon.Sessions.StrandSetup.NewDirectorsSlug));
        Assert.InRange(answered, participants * 0.8, participants);
        Assert.True(await db.EqualityInformation.AnyAsync(i => i.EthnicityCode != null && i.EthnicityCode.StartsWith("black-")));
        Assert.False(await db.EqualityInformation.AnyAsync(i => i.Participant!.Email == "participant@upon.test"));
        var coaches = await db.CoachProfiles.Select(c => c.Email.ToLower()).ToListAsync();
        var coachAnswers = await db.EqualityInformation.CountAsync(i => coaches.Contains(i.Participant!.Email.ToLower()));
        Assert.InRange(coachAnswers, coaches.Count * 0.8, coaches.Count);
    }
}

public sealed class EqualityDemoTests_Sqlite(SqliteDemoDatabase fixture) : EqualityDemoTests(fixture), IClassFixture<SqliteDemoDatabase>;

public sealed class EqualityDemoTests_Postgres(PostgresDemoDatabase fixture) : EqualityDemoTests(fixture), IClassFixture<PostgresDemoDatabase>;
