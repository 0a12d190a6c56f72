using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Data;
using Upon.Impact;
using Upon.Register;
using Upon.Shared.Reports;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.Apply;

/// <summary>
/// An applicant who declares themselves a BALI graduate is recorded as one on submitting (in the submitting
/// transaction, through a domain event Impact handles), and the DfE return's BALI figure counts them once they are
/// appointed DCS; one who answers no is not recorded.
/// </summary>
public abstract class BaliSelfDeclaredTests(UponApp app)
{
    private async Task<string> ApplyAsync(string cohort, string email, string bali)
    {
        var client = app.CreateAnonymousClient();
        var baseUrl = $"/aspirants/apply/{cohort}";
        var authority = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Authorities.Select(a => a.Code).OrderBy(c => c).FirstAsync());
        await client.PostFormAsync($"{baseUrl}/about-you", new Dictionary<string, string> { ["GivenName"] = "Bola", ["FamilyName"] = "Adeyemi", ["Email"] = email }, $"{baseUrl}/about-you?handler=Start");
        await client.PostFormAsync($"{baseUrl}/role", new Dictionary<string, string> { ["RoleTitle"] = "Assistant Director", ["Employer"] = "authority", ["AuthorityCode"] = authority, ["YearsSenior"] = "4" });
        await client.PostFormAsync($"{baseUrl}/eligibility", new Dictionary<string, string> { ["TiersBelowDcs"] = "1", ["BaliGraduate"] = bali });
        await client.PostFormAsync($"{baseUrl}/question-1", new Dictionary<string, string> { ["Answer"] = "To lead children's services well." });
        await client.PostFormAsync($"{baseUrl}/endorser", new Dictionary<string, string> { ["EndorserName"] = "Dr Grace Mensah", ["EndorserEmail"] = $"dcs-{email}" });
        var submitted = await client.PostFormAsync($"{baseUrl}/check", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"{baseUrl}/submitted", submitted.Headers.Location!.OriginalString);
        return email;
    }

    [SkippableFact]
    public async Task SelfDeclaredBali_IsRecordedOnSubmit_AndCountedInTheBaliFigure()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var cohort = new Upon.Aspirants.AspirantCohort
        {
            Name = $"2031-{batch[..4]}", OpensAt = UponApp.DefaultNow - Duration.FromDays(10), ClosesAt = UponApp.DefaultNow + Duration.FromDays(20),
            Places = 20, CreatedAt = UponApp.DefaultNow,
            Questions = [new Upon.Aspirants.AspirantQuestion { Text = "Why now?", WordLimit = 50, Order = 1 }],
        };
        await app.WithDbAsync(async db => { db.AspirantCohorts.Add(cohort); await db.SaveChangesAsync(); });

        var yes = await ApplyAsync(cohort.Name, $"Bali.Yes.{batch}@applicant.test", "yes");
        var no = await ApplyAsync(cohort.Name, $"bali.no.{batch}@applicant.test", "no");

        await app.WithDbAsync(async db =>
        {
            var graduates = await db.BaliGraduates.AsNoTracking().ToListAsync();
            var graduate = Assert.Single(graduates, g => string.Equals(g.Email, yes, StringComparison.OrdinalIgnoreCase));
            Assert.Equal((SelfDeclaredBaliGraduates.Source, "Bola", "Adeyemi"), (graduate.Source, graduate.GivenName, graduate.FamilyName));
            Assert.DoesNotContain(graduates, g => string.Equals(g.Email, no, StringComparison.OrdinalIgnoreCase));
        });

        // Both are appointed DCS in 2027-28 (their first posts), under their emails written in another case: only the
        // self-declared graduate counts.
        await app.WithDbAsync(async db =>
        {
            var authority = await db.Authorities.Select(a => a.Code).OrderBy(c => c).FirstAsync();
            foreach (var (email, n) in new[] { (yes, 1), (no, 2) })
            {
                var person = new Person { PersonId = $"{batch}-B{n}", GivenName = "Bola", FamilyName = "Adeyemi", Email = email.ToUpperInvariant() };
                db.People.Add(person);
                await db.SaveChangesAsync();
                db.Appointments.Add(new Appointment { AuthorityCode = authority, PersonKey = person.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2027, 6, 1) });
            }
            await db.SaveChangesAsync();
        });
        var year = ReturnPeriod.OfYear(new FinancialYear(2027));
        var measured = await app.WithScopeAsync(s => s.GetServices<IDfeReturnSection>().OfType<ReturnEqualitySection>().Single().MeasureAsync([year], CancellationToken.None));
        Assert.Equal(1, measured[year][ReturnEqualitySection.BaliGraduatesAppointed].Numerator);
    }
}

public sealed class BaliSelfDeclaredTests_Sqlite(SqliteApp app) : BaliSelfDeclaredTests(app), IClassFixture<SqliteApp>;

public sealed class BaliSelfDeclaredTests_Postgres(PostgresApp app) : BaliSelfDeclaredTests(app), IClassFixture<PostgresApp>;
