using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Coaching;

/// <summary>The entitlement configured per strand: New Directors 8 sessions of 90 minutes, aspirants 4 (of the general 60).</summary>
public static class StrandEntitlementSettings
{
    public static readonly KeyValuePair<string, string?>[] Settings =
    [
        new("Coaching:Strands:new-directors:EntitledSessions", "8"),
        new("Coaching:Strands:new-directors:SessionMinutes", "90"),
        // Keys ignore case, as configuration does.
        new("Coaching:Strands:Aspirant-Directors:EntitledSessions", "4"),
    ];
}

public sealed class StrandEntitlementSqliteApp() : UponApp(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => StrandEntitlementSettings.Settings;
}

public sealed class StrandEntitlementPostgresApp() : UponApp(DatabaseProvider.Postgres)
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => StrandEntitlementSettings.Settings;
}

/// <summary>
/// A relationship records, when its round is published, the entitlement of its coachee's strand: the strand of the
/// enrolment that makes them due coaching, else of their latest enrolment; the general setting for someone with none.
/// </summary>
public abstract class StrandEntitlementTests(UponApp app)
{
    [SkippableFact]
    public async Task Publish_TwoStrandsConfiguredDifferently_EachRelationshipGetsItsStrandsEntitlement()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await StrandSetup.StandingStrandAsync(db, StrandSetup.NewDirectorsSlug);
            var aspirants = await StrandSetup.StandingStrandAsync(db, StrandSetup.AspirantDirectorsSlug);
            var cohort = new Cohort { StrandId = aspirants.Id, Name = $"Cohort {batch}", StartsOn = new LocalDate(2026, 9, 1), EndsOn = new LocalDate(2027, 8, 31) };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            Participant Person(string name, params Enrolment[] enrolments) => new()
            {
                GivenName = name, FamilyName = $"Strand{batch}", Email = $"{name.ToLowerInvariant()}.{batch}@example.org", CreatedAt = app.Clock.GetCurrentInstant(), Enrolments = [.. enrolments],
            };
            // On 25 November 2026 a New Director who started on 1 September 2025 is in their coaching year.
            Enrolment NewDirector() => new() { StrandId = newDirectors.Id, StartsOn = new LocalDate(2025, 9, 1), Status = EnrolmentStatus.CoachingYear };
            Enrolment Aspirant() => new() { StrandId = aspirants.Id, CohortId = cohort.Id, StartsOn = new LocalDate(2026, 9, 1) };
            var director = Person("Dee", NewDirector());
            var aspirant = Person("Asa", Aspirant());
            // Due coaching as a New Director: that strand, though the aspirant enrolment started later.
            var both = Person("Bo", NewDirector(), Aspirant());
            // A request staff opened for someone with no enrolment: the general setting.
            var neither = Person("Nel");
            db.Participants.AddRange(director, aspirant, both, neither);
            await db.CoachProfiles.Where(c => c.Status == CoachStatus.Active).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CoachStatus.Retired));
            db.CoachProfiles.Add(new CoachProfile { Email = $"strands-{batch}@coach.test", GivenName = "Sky", FamilyName = $"Strands{batch}", Capacity = 10, OffersOnline = true });
            var round = new MatchingRound { Name = $"Strands {batch}", Status = RoundStatus.Open };
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            foreach (var p in new[] { director, aspirant, both, neither }) round.Requests.Add(new CoachingRequest { ParticipantId = p.Id, Mode = RequestedMode.Online });
            await db.SaveChangesAsync();
            return (RoundId: round.Id, Director: director.Id, Aspirant: aspirant.Id, Both: both.Id, Neither: neither.Id);
        });

        await app.WithScopeAsync(async s =>
        {
            var matching = s.GetRequiredService<MatchingService>();
            Assert.Equal(4, (await matching.RunAsync(seeded.RoundId)).Result.Matched);
            return await matching.PublishAsync(seeded.RoundId);
        });

        await app.WithDbAsync(async db =>
        {
            var entitled = await db.CoachingRelationships.AsNoTracking().Where(r => r.RoundId == seeded.RoundId)
                .ToDictionaryAsync(r => r.ParticipantId, r => (r.EntitledSessions, r.EntitledMinutes));
            Assert.Equal((8, 8 * 90), entitled[seeded.Director]);
            Assert.Equal((4, 4 * 60), entitled[seeded.Aspirant]);
            Assert.Equal((8, 8 * 90), entitled[seeded.Both]);
            Assert.Equal((6, 6 * 60), entitled[seeded.Neither]);
        });
    }
}

public sealed class StrandEntitlementTests_Sqlite(StrandEntitlementSqliteApp app) : StrandEntitlementTests(app), IClassFixture<StrandEntitlementSqliteApp>;

public sealed class StrandEntitlementTests_Postgres(StrandEntitlementPostgresApp app) : StrandEntitlementTests(app), IClassFixture<StrandEntitlementPostgresApp>;

/// <summary>The <c>Coaching:</c> entitlement settings are checked when the app starts, each error naming its setting.</summary>
public sealed class CoachingOptionsStartTests
{
    [Theory]
    [InlineData("Coaching:Strands:aspirant-directors:EntitledSessions", "0")]
    [InlineData("Coaching:Strands:new-directors:SessionMinutes", "600")]
    [InlineData("Coaching:EntitledSessions", "51")]
    public void Start_AnEntitlementOutOfRange_FailsNamingTheSetting(string key, string value)
    {
        var database = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Database:Provider", "Sqlite");
                builder.UseSetting("ConnectionStrings:Upon", $"Data Source={database}");
                builder.UseSetting("Demo:CreateOnEmptyDatabase", "false");
                builder.UseSetting(Upon.Shared.Hosting.StartupCodeRelease.DelaySetting, "0");
                builder.UseSetting("Email:PollSeconds", "0");
                builder.UseSetting("NewDirectors:InvitationRunMinutes", "0");
                builder.UseSetting("Feedback:RunMinutes", "0");
                builder.UseSetting(key, value);
            });
            var error = Assert.ThrowsAny<Exception>(() => factory.Services);
            Assert.Contains($"{key} must be from", error.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"(it is {value})", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public void For_AStrandNotConfigured_OrAValueNotGiven_IsTheGeneralSetting()
    {
        var options = new CoachingOptions { EntitledSessions = 6, SessionMinutes = 60 };
        options.Strands["aspirant-directors"] = new StrandEntitlementOptions { EntitledSessions = 4 };
        Assert.Equal(new CoachingEntitlement(4, 60), options.For("ASPIRANT-DIRECTORS"));
        Assert.Equal(new CoachingEntitlement(6, 60), options.For("new-directors"));
        Assert.Equal(new CoachingEntitlement(6, 60), options.For(null));
        Assert.Equal(240, options.For("aspirant-directors").Minutes);
    }
}
