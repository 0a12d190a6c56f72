using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Data;
using Upon.DataProtection;
using Upon.Impact;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// The applications' retention rule erases, with a not-selected applicant's applications, the BALI graduate record their
/// application made (source "application"), each applicant under their own pseudonym in every table; an imported
/// graduate, and one whose other application is still kept, stay.
/// </summary>
public abstract class ApplicantBaliRetentionTests(UponApp app)
{
    [SkippableFact]
    public async Task ApplicationsNotSelected_TakeTheirSelfDeclaredBaliRecord_EachApplicantUnderTheirOwnPseudonym()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        string Email(string who) => $"{who}.{tag}@applicant.test";
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var submitted = Instant.FromUtc(2025, 11, 20, 12, 0);
            var cohort = new AspirantCohort { Name = $"B-{tag}", Places = 1, CreatedAt = submitted };
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            AspirantApplication Application(string who, Instant at) => new()
            {
                CohortId = cohort.Id, ApplicationId = $"B-{tag}-{who}-{at.ToUnixTimeSeconds()}", Email = Email(who), GivenName = $"Given{tag}", FamilyName = who,
                RoleTitle = "Assistant Director", Status = ApplicationStatus.Submitted, CreatedAt = at, SubmittedAt = at, Outcome = SelectionOutcome.NotSelected,
                ConsiderNextYear = false, BaliGraduate = true,
            };
            db.AspirantApplications.AddRange(Application("ann", submitted), Application("bob", submitted), Application("imported", submitted),
                Application("again", submitted), Application("again", Instant.FromUtc(2027, 1, 10, 12, 0)));
            foreach (var (who, source) in new[] { ("ann", SelfDeclaredBaliGraduates.Source), ("bob", SelfDeclaredBaliGraduates.Source), ("imported", "import"), ("again", SelfDeclaredBaliGraduates.Source) })
            {
                // The record keeps the address as the applicant typed it; the rule compares without case.
                db.BaliGraduates.Add(new EqualityBaliGraduate { Email = who == "ann" ? Email(who).ToUpperInvariant() : Email(who), GivenName = $"Given{tag}", FamilyName = who, CohortYear = 0, Source = source, RecordedAt = submitted });
            }
            await db.SaveChangesAsync();
            return true;
        });

        var run = await app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync(new LocalDate(2027, 11, 21)));
        Assert.Contains(run.Done, d => d.StartsWith("Applications not taken up", StringComparison.Ordinal));

        await app.WithDbAsync(async db =>
        {
            var applications = await db.AspirantApplications.AsNoTracking().Where(a => a.ApplicationId.StartsWith($"B-{tag}-")).ToListAsync();
            var graduates = await db.BaliGraduates.AsNoTracking().Where(g => g.GivenName == $"Given{tag}" || g.Email.EndsWith("@erased.invalid")).ToListAsync();
            string Erased(string who) => applications.Single(a => a.ApplicationId.Contains($"-{who}-", StringComparison.Ordinal)).Email;
            var ann = Erased("ann");
            var bob = Erased("bob");
            Assert.EndsWith("@erased.invalid", ann, StringComparison.Ordinal);
            Assert.EndsWith("@erased.invalid", bob, StringComparison.Ordinal);
            Assert.NotEqual(ann, bob);
            // Each applicant's graduate record has the pseudonymous address their application has, and no name.
            Assert.StartsWith("Erased ", graduates.Single(g => g.Email == ann).GivenName, StringComparison.Ordinal);
            Assert.StartsWith("Erased ", graduates.Single(g => g.Email == bob).FamilyName, StringComparison.Ordinal);
            Assert.All(graduates.Where(g => g.Email == ann || g.Email == bob), g => Assert.Equal(SelfDeclaredBaliGraduates.Source, g.Source));
            // An imported graduate stays; so does one whose later application is still kept.
            Assert.Single(graduates, g => g.Email == Email("imported") && g.FamilyName == "imported");
            Assert.Single(graduates, g => g.Email == Email("again") && g.FamilyName == "again");
            Assert.Single(applications, a => a.Email == Email("again"));
        });
    }
}

public sealed class ApplicantBaliRetentionTests_Sqlite(SqliteApp app) : ApplicantBaliRetentionTests(app), IClassFixture<SqliteApp>;

public sealed class ApplicantBaliRetentionTests_Postgres(PostgresApp app) : ApplicantBaliRetentionTests(app), IClassFixture<PostgresApp>;
