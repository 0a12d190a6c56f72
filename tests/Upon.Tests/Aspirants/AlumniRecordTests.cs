using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Core.Equality;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants;

/// <summary>
/// The alumni record through the real host: a cohort's page lists each alumnus (completed) with whether, when and where
/// they became a DCS and how Upon knows (the same email, or a match staff confirmed), linked from the alumni page and the
/// cohort's page, for administrators only and with no equality answers; the alumnus's participant record and the staff
/// application page show it, and the application page shows whether they asked to be considered next year.
/// </summary>
public abstract class AlumniRecordTests(UponApp app)
{
    [SkippableFact]
    public async Task CohortAlumni_ShowWhoBecameDcs_WhereWhenAndHow_OnThePageTheParticipantRecordAndTheApplication()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var cohort = new AspirantCohort { Name = $"AR-{batch}", Places = 4, CreatedAt = now, EndsOn = new LocalDate(2024, 7, 31) };
            db.AspirantCohorts.Add(cohort);
            var participant = new Participant { GivenName = "Adaeze", FamilyName = $"Okafor{batch}", Email = $"ada.{batch}@council.test", CreatedAt = now };
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            AspirantApplication Applicant(string id, string given, string family, string email, bool? completed) => new()
            {
                CohortId = cohort.Id, ApplicationId = $"{batch}-{id}", Email = email, GivenName = given, FamilyName = family,
                AuthorityCode = "823", Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = Instant.FromUtc(2023, 3, 1, 9, 0),
                Outcome = SelectionOutcome.Selected, Completed = completed,
            };
            // Ada: the register has her under the email she applied with (in other capitals); she is also a participant.
            var ada = Applicant("1", "Adaeze", $"Okafor{batch}", participant.Email, true);
            ada.ParticipantId = participant.Id;
            ada.ConsiderNextYear = false;
            // Bo: staff confirmed the register person; Cy: no DCS post; Di did not complete, so is no alumnus.
            var bo = Applicant("2", "Bo", $"Lindqvist{batch}", $"bo.{batch}@old.test", true);
            var cy = Applicant("3", "Cyan", $"Moreau{batch}", $"cy.{batch}@old.test", true);
            cy.ConsiderNextYear = true;
            var di = Applicant("4", "Dina", $"Shah{batch}", $"di.{batch}@old.test", false);
            db.AspirantApplications.AddRange(ada, bo, cy, di);
            var adaPerson = new Person { PersonId = $"{batch}-P1", GivenName = "Adaeze", FamilyName = $"Okafor{batch}", Email = participant.Email.ToUpperInvariant() };
            var boPerson = new Person { PersonId = $"{batch}-P2", GivenName = "Bo", FamilyName = $"Lindqvist{batch}", Email = null };
            var diPerson = new Person { PersonId = $"{batch}-P4", GivenName = "Dina", FamilyName = $"Shah{batch}", Email = di.Email };
            db.People.AddRange(adaPerson, boPerson, diPerson);
            await db.SaveChangesAsync();
            bo.ConfirmedPersonKey = boPerson.Id;
            db.Appointments.AddRange(
                // Before she applied: not counted. Her first DCS post after applying is Bedfordshire's.
                new Appointment { AuthorityCode = "820", PersonKey = adaPerson.Id, Type = AppointmentType.Interim, StartDate = new LocalDate(2022, 5, 1), EndDate = new LocalDate(2022, 9, 30) },
                new Appointment { AuthorityCode = "823", PersonKey = adaPerson.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2025, 1, 6) },
                new Appointment { AuthorityCode = "820", PersonKey = boPerson.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2025, 2, 3) },
                new Appointment { AuthorityCode = "821", PersonKey = diPerson.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2025, 3, 3) });
            // Ada's equality answers exist; the alumni record never shows them.
            db.AspirantEqualityMonitoring.Add(new AspirantEqualityMonitoring { ApplicationKey = ada.Id, CohortId = cohort.Id, EthnicityCode = Ethnicity.Groups[^1].Code, Sex = MonitoringSex.Female, UpdatedAt = now });
            await db.SaveChangesAsync();
            var names = await db.Authorities.Where(a => a.Code == "820" || a.Code == "823").ToDictionaryAsync(a => a.Code, a => a.Name);
            return new { CohortId = cohort.Id, Ada = ada.Id, Bo = bo.Id, Cy = cy.Id, Di = di.Id, Participant = participant.Id, Names = names };
        });
        var url = $"/aspirants/{seeded.CohortId}/alumni";

        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(role).GetAsync(url)).StatusCode);
        }
        var admin = app.CreateClient(Roles.Administrator);
        Assert.NotNull((await admin.GetDocumentAsync("/aspirants/alumni")).QuerySelector($"#alumni a[href='{url}']"));
        Assert.NotNull((await admin.GetDocumentAsync($"/aspirants/{seeded.CohortId}")).QuerySelector($"a[href='{url}']"));

        var page = await admin.GetDocumentAsync(url);
        Assert.Equal("3 alumni, of whom 2 became a DCS.", page.QuerySelector("#summary")!.TextContent);
        var rows = page.QuerySelectorAll("#alumni-records tbody tr");
        Assert.Equal(new[] { seeded.Bo, seeded.Cy, seeded.Ada }.Select(k => k.ToString()).Order(), rows.Select(r => r.GetAttribute("data-application")!).Order());
        string Field(int application, string field) => page.QuerySelector($"#alumni-records tr[data-application='{application}'] [data-field='{field}']")!.TextContent.Trim();
        Assert.Equal(("6 January 2025", seeded.Names["823"]), (Field(seeded.Ada, "became"), Field(seeded.Ada, "where")));
        Assert.StartsWith("Same email", Field(seeded.Ada, "how"), StringComparison.Ordinal);
        Assert.Equal(("3 February 2025", seeded.Names["820"]), (Field(seeded.Bo, "became"), Field(seeded.Bo, "where")));
        Assert.StartsWith("Confirmed match", Field(seeded.Bo, "how"), StringComparison.Ordinal);
        Assert.Equal(("No", "", ""), (Field(seeded.Cy, "became"), Field(seeded.Cy, "where"), Field(seeded.Cy, "how")));
        Assert.NotNull(page.QuerySelector($"#alumni-records a[href='/participants/{seeded.Participant}']"));
        Assert.NotNull(page.QuerySelector($"#alumni-records a[href='/aspirants/applications/{seeded.Bo}']"));
        // No equality answers on it.
        Assert.DoesNotContain(Ethnicity.Groups[^1].Minor, page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("female", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);

        // The participant record says it.
        var record = await admin.GetDocumentAsync($"/participants/{seeded.Participant}");
        Assert.Contains($"Became a DCS: {seeded.Names["823"]} from 6 January 2025 (the register has the same email address)", record.QuerySelector("#programme-record")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(record.QuerySelector($"#programme-record a[href='{url}']"));

        // The application page shows the match where there is one, and the answer about next year.
        var boPage = await admin.GetDocumentAsync($"/aspirants/applications/{seeded.Bo}");
        Assert.Contains($"Became a DCS: {seeded.Names["820"]} from 3 February 2025 (staff confirmed the match on name and authority)", boPage.QuerySelector("#alumni-match")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not answered", boPage.QuerySelector("#consider-next-year")!.TextContent.Trim());
        var cyPage = await admin.GetDocumentAsync($"/aspirants/applications/{seeded.Cy}");
        Assert.Null(cyPage.QuerySelector("#alumni-match"));
        Assert.StartsWith("Yes", cyPage.QuerySelector("#consider-next-year")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("No", (await admin.GetDocumentAsync($"/aspirants/applications/{seeded.Ada}")).QuerySelector("#consider-next-year")!.TextContent.Trim());
        // Di became a DCS but did not complete: no alumni record on her application.
        Assert.Null((await admin.GetDocumentAsync($"/aspirants/applications/{seeded.Di}")).QuerySelector("#alumni-match"));
    }
}

public sealed class AlumniRecordTests_Sqlite(SqliteApp app) : AlumniRecordTests(app), IClassFixture<SqliteApp>;

public sealed class AlumniRecordTests_Postgres(PostgresApp app) : AlumniRecordTests(app), IClassFixture<PostgresApp>;
