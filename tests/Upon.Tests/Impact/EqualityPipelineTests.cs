using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Participants;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Impact;

/// <summary>
/// Issue 13, the pipeline on the equality page through the real host, command line and database: Aspirant Directors
/// applicants, selected and completed (imported with <c>upon aspirants import applications</c>, answers included),
/// alumni appointed DCS in the register and those still in post two years later, BALI graduates among them (one
/// declared on an application, one imported with <c>upon import bali</c>), and coaches with the answers of their own
/// participant record. Exact for staff, suppressed for the funder.
/// <code>
/// who  ethnicity      sex     outcome        register (as DCS)                  in post 2 years on?
/// a1   black-african  female  selected, done 2022-09-01, running                yes   (BALI declared)
/// a2   black-caribbean female selected, done 2022-09-01, running                yes
/// a3   black-african  male    selected, done -
/// a4   white-british  female  selected, done 2022-09-01 to 2023-06-30           no    (BALI imported)
/// a5   white-british  male    selected, done 2023-01-01, running                yes
/// a6   (no answers)           not selected
/// </code>
/// 2021-22: 6 applicants, 5 answered ethnicity (5/6); Black 3/5. As of 2024-25: 4 appointed (Black 2/4, BALI 2/4);
/// all four appointed by 2023-03-31, three still DCS two years on (Black 2/3).
/// </summary>
public abstract class EqualityPipelineTests(UponApp app)
{
    private static readonly ConcurrentDictionary<UponApp, Lazy<Task<bool>>> Built = new();

    private Task<bool> ScenarioAsync() => Built.GetOrAdd(app, a => new Lazy<Task<bool>>(() => BuildAsync(a))).Value;

    private static async Task<bool> BuildAsync(UponApp app)
    {
        var applications = CsvFiles.Write(CsvFiles.Lines(
            "application_id,email,given_name,family_name,la_code,role_title,years_senior,submitted_at,eligible,outcome,completed,ethnicity,sex,disability",
            "pl-a1,pl-a1@example.org,Ama,One,,Head of service,5,2021-06-01T10:00:00Z,yes,selected,yes,black-african,female,no",
            "pl-a2,pl-a2@example.org,Bea,Two,,Head of service,5,2021-06-01T10:00:00Z,yes,selected,yes,black-caribbean,female,no",
            "pl-a3,pl-a3@example.org,Cal,Three,,Head of service,5,2021-06-01T10:00:00Z,yes,selected,yes,black-african,male,yes",
            "pl-a4,pl-a4@example.org,Dee,Four,,Head of service,5,2021-06-01T10:00:00Z,yes,selected,yes,white-british,female,no",
            "pl-a5,pl-a5@example.org,Eli,Five,,Head of service,5,2021-06-01T10:00:00Z,yes,selected,yes,white-british,male,no",
            "pl-a6,pl-a6@example.org,Fay,Six,,Head of service,5,2021-06-01T10:00:00Z,yes,not_selected,,,,"));
        var imported = await UponCli.RunAsync(app.Database, "aspirants", "import", "applications", "2021-22", applications);
        Assert.True(imported.ExitCode == 0, imported.ToString());
        await app.WithDbAsync(async db =>
        {
            var a1 = await db.AspirantApplications.SingleAsync(a => a.ApplicationId == "pl-a1");
            a1.BaliGraduate = true;
            await db.SaveChangesAsync();
        });
        var bali = await UponCli.RunAsync(app.Database, "import", "bali", CsvFiles.Write("email,given_name,family_name,cohort_year\nPL-A4@example.org,Dee,Four,2019\n"));
        Assert.True(bali.ExitCode == 0, bali.ToString());

        string Row(string la, string who, string start, string end = "") =>
            $"{la},pl-{who},Given,Family,permanent,{start},{end},{(end.Length > 0 ? "resigned" : "")},{(end.Length > 0 ? "no" : "")},pl-{who}@example.org,2025-06-01";
        var register = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines(
            CsvFiles.Header + ",email,recorded_date",
            Row("331", "a1", "2022-09-01"),
            Row("332", "a2", "2022-09-01"),
            Row("333", "a4", "2022-09-01", "2023-06-30"),
            Row("334", "a5", "2023-01-01")))));
        Assert.True(register.Succeeded, string.Join("\n", register.Errors));

        // A coach with a relationship running in 2024-25 who gave their answers as a participant.
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetCurrentInstant();
            var coach = new CoachProfile { Email = "pl-coach@example.org", GivenName = "Coach", FamilyName = "Pipeline", Capacity = 3, OffersOnline = true, CreatedAt = now };
            var own = new Participant { GivenName = "Coach", FamilyName = "Pipeline", Email = "PL-Coach@example.org", CreatedAt = now };
            var coachee = new Participant { GivenName = "Coachee", FamilyName = "Pipeline", Email = "pl-coachee@example.org", CreatedAt = now };
            db.AddRange(coach, own, coachee);
            await db.SaveChangesAsync();
            db.EqualityInformation.Add(new EqualityInformation { ParticipantId = own.Id, EthnicityCode = "asian-indian", Sex = Sex.Female, Disability = Disability.No, UpdatedAt = now });
            db.CoachingRelationships.Add(new CoachingRelationship
            {
                CoachId = coach.Id, ParticipantId = coachee.Id, StartsOn = new LocalDate(2024, 5, 1), EndsOn = new LocalDate(2025, 4, 30),
                EntitledSessions = 6, EntitledMinutes = 360, Status = RelationshipStatus.Active,
            });
            await db.SaveChangesAsync();
        });
        return true;
    }

    private static string? Cell(AngleSharp.Dom.IDocument doc, string table, string stage, string figure) =>
        doc.QuerySelector($"#{table} tr[data-stage='{stage}'] [data-figure='{figure}']")?.TextContent.Trim();

    [SkippableFact]
    public async Task Staff_SeeTheAspirantStages_TheAppointedAndThoseInPostTwoYearsLater_AndBali()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var applied = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/reports/equality?year=2021-22");
        Assert.Equal("60.0%", Cell(applied, "ethnicity", "aspirant-applicants", "black-african-caribbean-black-british"));
        Assert.Equal("83.3%", Cell(applied, "ethnicity", "aspirant-applicants", "answered"));
        Assert.Equal("60.0%", Cell(applied, "ethnicity", "aspirant-selected", "black-african-caribbean-black-british"));
        Assert.Equal("60.0%", Cell(applied, "ethnicity", "aspirant-completed", "black-african-caribbean-black-british"));
        Assert.Equal("33.3%", Cell(applied, "bali", "aspirant-applicants", "bali"));
        Assert.Equal("60.0%", Cell(applied, "sex-disability", "aspirant-applicants", "female"));
        Assert.Equal("20.0%", Cell(applied, "sex-disability", "aspirant-applicants", "disabled"));

        var later = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/reports/equality?year=2024-25");
        Assert.Equal("50.0%", Cell(later, "ethnicity", "aspirant-appointed", "black-african-caribbean-black-british"));
        Assert.Equal("50.0%", Cell(later, "bali", "aspirant-appointed", "bali"));
        Assert.Equal("66.7%", Cell(later, "ethnicity", "aspirant-in-post-two-years", "black-african-caribbean-black-british"));
        Assert.Equal("100.0%", Cell(later, "ethnicity", "coaches", "asian-asian-british"));
        Assert.Equal("100.0%", Cell(later, "sex-disability", "coaches", "female"));
        // Appointed in 2022-23, none of them two years in post by 2023-24's end... except none: 2022-09-01 + 2 years is after 2024-03-31.
        var early = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/reports/equality?year=2023-24");
        Assert.Equal("–Not available", Cell(early, "ethnicity", "aspirant-in-post-two-years", "answered"));

        foreach (var characteristic in new[] { "black-african-caribbean-black-british", "female", "disabled", "bali-graduates" })
        {
            Assert.NotNull(later.QuerySelector($"figure[data-chart='{characteristic}'] img"));
            var chart = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri($"/reports/equality/chart.svg?year=2024-25&group={characteristic}", UriKind.Relative));
            Assert.True(chart.IsSuccessStatusCode, $"{characteristic}: {(int)chart.StatusCode}");
            var svg = await chart.Content.ReadAsStringAsync();
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
        }
        var unknown = await app.CreateClient(Roles.PartnerStaff).GetAsync(new Uri("/reports/equality/chart.svg?year=2024-25&group=height", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task Funder_SeesEverySmallStageSuppressed()
    {
        app.RequireDatabase();
        await ScenarioAsync();

        var doc = await app.CreateClient(Roles.Funder).GetDocumentAsync("/reports/equality?year=2024-25");
        foreach (var stage in new[] { "aspirant-appointed", "aspirant-in-post-two-years", "coaches" })
        {
            Assert.Contains("[c]", Cell(doc, "ethnicity", stage, "black-african-caribbean-black-british"), StringComparison.Ordinal);
        }
        Assert.Contains("[c]", Cell(doc, "bali", "aspirant-appointed", "bali"), StringComparison.Ordinal);
        var applied = await app.CreateClient(Roles.Funder).GetDocumentAsync("/reports/equality?year=2021-22");
        // Six applicants, five answered: the one who did not would be given away, so the answered share is suppressed too.
        Assert.Contains("[c]", Cell(applied, "ethnicity", "aspirant-applicants", "answered"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Funder_CannotWorkOutAHiddenEthnicGroupFromTheGroupsShown()
    {
        app.RequireDatabase();
        await ScenarioAsync();
        // 2022-23's applicants, all of whom answered: White 13, Black 5, Mixed 2. Mixed's 2 are suppressed, and so is
        // Black, the smallest group shown: 65% and 25% would leave Mixed at 10% of 20.
        var rows = Enumerable.Range(1, 20).Select(i =>
            $"eg-{i},eg-{i}@example.org,Given,Family,,Head of service,5,2022-06-01T10:00:00Z,yes,not_selected,,{(i <= 13 ? "white-british" : i <= 18 ? "black-caribbean" : "mixed-white-asian")},female,no");
        var applications = CsvFiles.Write(CsvFiles.Lines([
            "application_id,email,given_name,family_name,la_code,role_title,years_senior,submitted_at,eligible,outcome,completed,ethnicity,sex,disability", .. rows]));
        var imported = await UponCli.RunAsync(app.Database, "aspirants", "import", "applications", "2022-23", applications);
        Assert.True(imported.ExitCode == 0, imported.ToString());

        var funder = await app.CreateClient(Roles.Funder).GetDocumentAsync("/reports/equality?year=2022-23");
        Assert.Contains("[c]", Cell(funder, "ethnicity", "aspirant-applicants", "mixed-multiple-ethnic-groups"), StringComparison.Ordinal);
        Assert.Contains("[c]", Cell(funder, "ethnicity", "aspirant-applicants", "black-african-caribbean-black-british"), StringComparison.Ordinal);
        Assert.StartsWith("65", Cell(funder, "ethnicity", "aspirant-applicants", "white"), StringComparison.Ordinal);
        Assert.StartsWith("0", Cell(funder, "ethnicity", "aspirant-applicants", "asian-asian-british"), StringComparison.Ordinal);

        var staff = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/reports/equality?year=2022-23");
        Assert.StartsWith("25", Cell(staff, "ethnicity", "aspirant-applicants", "black-african-caribbean-black-british"), StringComparison.Ordinal);
        Assert.StartsWith("10", Cell(staff, "ethnicity", "aspirant-applicants", "mixed-multiple-ethnic-groups"), StringComparison.Ordinal);
    }
}

public sealed class EqualityPipelineTests_Sqlite(SqliteApp app) : EqualityPipelineTests(app), IClassFixture<SqliteApp>;

public sealed class EqualityPipelineTests_Postgres(PostgresApp app) : EqualityPipelineTests(app), IClassFixture<PostgresApp>;
