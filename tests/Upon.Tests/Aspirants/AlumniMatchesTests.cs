using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Data;
using Upon.Core.Register;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants;

/// <summary>
/// Suggested alumni matches through the real host: an alumnus the register has under another email is suggested when
/// a register person with the same name held a DCS post in the authority they applied from; confirming counts them in
/// the alumni figures, rejecting never suggests the pair again; both audited; only administrators reach the page.
/// </summary>
public abstract class AlumniMatchesTests(UponApp app)
{
    private const string Url = "/aspirants/alumni/matches";

    [SkippableFact]
    public async Task Suggestions_ConfirmCountsTheAlumnus_RejectIsNotSuggestedAgain_BothAudited()
    {
        app.RequireDatabase();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var seeded = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var cohort = new AspirantCohort { Name = $"Alumni-{batch}", Places = 2, MinYearsSenior = 3, MaxTiersBelowDcs = 2, CreatedAt = now, EndsOn = new LocalDate(2024, 7, 31) };
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            AspirantApplication Alumnus(string id, string given, string family, string authority) => new()
            {
                CohortId = cohort.Id, ApplicationId = $"{batch}-{id}", Email = $"{given.ToLowerInvariant()}.{batch}@old-employer.test", GivenName = given, FamilyName = family,
                AuthorityCode = authority, Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = Instant.FromUtc(2023, 3, 1, 9, 0),
                Outcome = SelectionOutcome.Selected, Completed = true,
            };
            var ada = Alumnus("1", "Adaeze", $"Okafor{batch}", "823");
            var bo = Alumnus("2", "Bo", $"Lindqvist{batch}", "820");
            var cy = Alumnus("3", "Cyan", $"Moreau{batch}", "823");
            db.AspirantApplications.AddRange(ada, bo, cy);
            // Ada became DCS of Bedfordshire (823) under her new work address: suggested, and confirmed below.
            var adaPerson = new Person { PersonId = $"{batch}-P1", GivenName = "ADAEZE ", FamilyName = $"okafor{batch}", Email = $"a.okafor.{batch}@newcouncil.test" };
            // Someone named Bo Lindqvist led 820: suggested, and rejected below.
            var boPerson = new Person { PersonId = $"{batch}-P2", GivenName = "Bo", FamilyName = $"Lindqvist{batch}", Email = null };
            // A Cyan Moreau who led another authority only: not suggested (the authority differs).
            var cyPerson = new Person { PersonId = $"{batch}-P3", GivenName = "Cyan", FamilyName = $"Moreau{batch}", Email = null };
            db.People.AddRange(adaPerson, boPerson, cyPerson);
            await db.SaveChangesAsync();
            db.Appointments.AddRange(
                new Appointment { AuthorityCode = "823", PersonKey = adaPerson.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2025, 1, 6) },
                new Appointment { AuthorityCode = "820", PersonKey = boPerson.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2025, 2, 3) },
                new Appointment { AuthorityCode = "821", PersonKey = cyPerson.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2025, 3, 3) });
            await db.SaveChangesAsync();
            return new { Cohort = cohort.Name, Ada = ada.Id, Bo = bo.Id, Cy = cy.Id, AdaPerson = adaPerson.Id, BoPerson = boPerson.Id };
        });

        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(role).GetAsync(Url)).StatusCode);
        }
        var admin = app.CreateClient(Roles.Administrator);
        Assert.NotNull((await admin.GetDocumentAsync("/aspirants/alumni")).QuerySelector($"a[href='{Url}']"));
        var before = await FiguresAsync(seeded.Cohort);
        Assert.Equal((3, 0), before);

        var page = await admin.GetDocumentAsync(Url);
        string Pair(int application, int person) => $"#suggestions tr[data-application='{application}'][data-person='{person}']";
        Assert.NotNull(page.QuerySelector(Pair(seeded.Ada, seeded.AdaPerson)));
        Assert.NotNull(page.QuerySelector(Pair(seeded.Bo, seeded.BoPerson)));
        Assert.Null(page.QuerySelector($"#suggestions tr[data-application='{seeded.Cy}']"));
        Assert.Contains("Bedfordshire", page.QuerySelector(Pair(seeded.Ada, seeded.AdaPerson))!.TextContent, StringComparison.Ordinal);

        Dictionary<string, string> Form(int application, int person) => new() { ["applicationKey"] = application.ToString(), ["personKey"] = person.ToString() };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, Form(seeded.Ada, seeded.AdaPerson), $"{Url}?handler=Confirm")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Url, Form(seeded.Bo, seeded.BoPerson), $"{Url}?handler=Reject")).StatusCode);

        // Decided pairs leave the list; a pair that is not (or no longer) a suggestion is refused and changes nothing.
        page = await admin.GetDocumentAsync(Url);
        Assert.Null(page.QuerySelector(Pair(seeded.Ada, seeded.AdaPerson)));
        Assert.Null(page.QuerySelector(Pair(seeded.Bo, seeded.BoPerson)));
        var refused = await admin.PostFormAsync(Url, Form(seeded.Cy, seeded.AdaPerson), $"{Url}?handler=Confirm");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Single((await Html.ParseAsync(refused)).ErrorSummary());

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(seeded.AdaPerson, (await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == seeded.Ada)).ConfirmedPersonKey);
            Assert.Null((await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == seeded.Bo)).ConfirmedPersonKey);
            Assert.Null((await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == seeded.Cy)).ConfirmedPersonKey);
            Assert.True(await db.AlumniMatchRejections.AnyAsync(r => r.ApplicationId == seeded.Bo && r.PersonKey == seeded.BoPerson));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AlumniSuggestions.ConfirmedAction && e.EntityId == seeded.Ada.ToString() && e.Actor == UponApp.EmailFor(Roles.Administrator)));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AlumniSuggestions.RejectedAction && e.EntityId == seeded.Bo.ToString()));
        });

        // The figures count the confirmed alumnus (DCS from January 2025, within one year of the cohort's end), and the
        // share of serving directors who are alumni includes her.
        Assert.Equal((3, 1), await FiguresAsync(seeded.Cohort));
        var alumni = await admin.GetDocumentAsync("/aspirants/alumni");
        var cells = alumni.QuerySelectorAll("#alumni tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == seeded.Cohort).QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["3", "1", "1", "1", "1"], cells[2..]);
        var share = await app.WithScopeAsync(s => s.GetRequiredService<AlumniFigures>().ServingShareAsync(new LocalDate(2026, 1, 1)));
        Assert.True(share.Alumni >= 1);
        var shareWithout = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var ada = await db.AspirantApplications.SingleAsync(a => a.Id == seeded.Ada);
            ada.ConfirmedPersonKey = null;
            await db.SaveChangesAsync();
            var without = await s.GetRequiredService<AlumniFigures>().ServingShareAsync(new LocalDate(2026, 1, 1));
            ada.ConfirmedPersonKey = seeded.AdaPerson;
            await db.SaveChangesAsync();
            return without;
        });
        Assert.Equal(share.Alumni - 1, shareWithout.Alumni);

        // On a day before her cohort's year ended, Ada, already in post, was not yet an alumna.
        var shareBeforeTheEnd = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var cohort = await db.AspirantCohorts.SingleAsync(c => c.Name == seeded.Cohort);
            cohort.EndsOn = new LocalDate(2026, 1, 2);
            await db.SaveChangesAsync();
            var before = await s.GetRequiredService<AlumniFigures>().ServingShareAsync(new LocalDate(2026, 1, 1));
            var onTheDay = await s.GetRequiredService<AlumniFigures>().ServingShareAsync(new LocalDate(2026, 1, 2));
            cohort.EndsOn = new LocalDate(2024, 7, 31);
            await db.SaveChangesAsync();
            return (before.Alumni, onTheDay.Alumni);
        });
        Assert.Equal(share.Alumni - 1, shareBeforeTheEnd.Item1);
        Assert.Equal(share.Alumni, shareBeforeTheEnd.Item2);
    }

    private Task<(int Alumni, int BecameDcs)> FiguresAsync(string cohort) =>
        app.WithScopeAsync(async s =>
        {
            var row = (await s.GetRequiredService<AlumniFigures>().ByCohortAsync()).Single(c => c.Cohort == cohort);
            return (row.Alumni, row.BecameDcs);
        });
}

public sealed class AlumniMatchesTests_Sqlite(SqliteApp app) : AlumniMatchesTests(app), IClassFixture<SqliteApp>;

public sealed class AlumniMatchesTests_Postgres(PostgresApp app) : AlumniMatchesTests(app), IClassFixture<PostgresApp>;
