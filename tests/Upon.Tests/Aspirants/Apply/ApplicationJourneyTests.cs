using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Data;
using Upon.Email;
using Upon.Tests.Email;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.Aspirants.Apply;

/// <summary>
/// The public application through the real host: start, save and return by the emailed link (single use), each page's
/// errors, word limits, check your answers, submit, the confirmation and endorsement emails over real SMTP, the
/// director's endorsement, the optional equality page kept in its own table, and staff recording an endorsement.
/// </summary>
public abstract partial class ApplicationJourneyTests(SmtpApp app)
{
    private async Task<AspirantCohort> CohortAsync()
    {
        var cohort = new AspirantCohort
        {
            Name = $"20{Random.Shared.Next(30, 99)}-{Guid.NewGuid().ToString("N")[..4]}",
            OpensAt = UponApp.DefaultNow - Duration.FromDays(10),
            ClosesAt = UponApp.DefaultNow + Duration.FromDays(20),
            Places = 20,
            CreatedAt = UponApp.DefaultNow,
            Questions =
            [
                new AspirantQuestion { Text = "Why do you want to be a director?", WordLimit = 5, Order = 1 },
                new AspirantQuestion { Text = "Tell us about a change you led.", WordLimit = 300, Order = 2 },
            ],
        };
        await app.WithDbAsync(async db => { db.AspirantCohorts.Add(cohort); await db.SaveChangesAsync(); });
        return cohort;
    }

    private static string LinkIn(string? body, string path) =>
        LinkPattern().Matches(body ?? "").Select(m => m.Value).First(l => l.Contains(path, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [SkippableFact]
    public async Task Applicant_StartsReturnsSubmits_DirectorEndorses_EqualityKeptApart()
    {
        app.RequireDatabase();
        var cohort = await CohortAsync();
        var email = OutboxTesting.Address("applicant");
        var director = OutboxTesting.Address("director");
        var client = app.CreateAnonymousClient();
        var baseUrl = $"/aspirants/apply/{cohort.Name}";

        var list = await client.GetDocumentAsync("/aspirants/apply");
        Assert.Contains("Applications open on 15 November 2026 at 12:00 and close on 15 December 2026 at 12:00", list.QuerySelector($"#window-{cohort.Name}")!.TextContent, StringComparison.Ordinal);

        // The first page's errors link to their fields.
        var empty = await client.PostFormAsync($"{baseUrl}/about-you", new Dictionary<string, string> { ["Email"] = "not an email" }, $"{baseUrl}/about-you?handler=Start");
        var errors = await Html.ParseAsync(empty);
        Assert.Equal(["Enter your first name", "Enter your last name", "Enter an email address in the correct format, like name@example.org"], errors.ErrorSummary());
        Assert.Equal("#GivenName", errors.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));

        var started = await client.PostFormAsync($"{baseUrl}/about-you", new Dictionary<string, string> { ["GivenName"] = "Ada", ["FamilyName"] = "Okafor", ["Email"] = email }, $"{baseUrl}/about-you?handler=Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Equal($"{baseUrl}/role", started.Headers.Location!.OriginalString);
        var authority = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Authorities.Select(a => a.Code).OrderBy(c => c).FirstAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"{baseUrl}/role", new Dictionary<string, string> { ["RoleTitle"] = "Assistant Director", ["Employer"] = "authority", ["AuthorityCode"] = authority, ["YearsSenior"] = "4.5" })).StatusCode);

        // The session ends (another browser): nothing is lost; the emailed link signs in once.
        await app.Sender().SendDueAsync();
        var linkMail = Assert.Single(app.Smtp.To(email));
        var returnLink = new Uri(LinkIn(linkMail.Message.TextBody, "/aspirants/apply/return/")).PathAndQuery;
        client = app.CreateAnonymousClient();
        Assert.Equal($"{baseUrl}/return-link?expired=1", (await client.GetAsync($"{baseUrl}/eligibility")).Headers.Location!.OriginalString);
        var resumed = await client.PostFormAsync(returnLink, new Dictionary<string, string>());
        Assert.Equal(baseUrl, resumed.Headers.Location!.OriginalString);
        var again = await Html.ParseAsync(await app.CreateAnonymousClient().PostFormAsync(returnLink, new Dictionary<string, string>()));
        Assert.NotNull(again.QuerySelector("#failed"));
        Assert.Equal("Assistant Director", (await client.GetDocumentAsync($"{baseUrl}/role")).FieldValue("#RoleTitle"));

        await client.PostFormAsync($"{baseUrl}/eligibility", new Dictionary<string, string> { ["TiersBelowDcs"] = "1", ["BaliGraduate"] = "yes" });
        var tooLong = await Html.ParseAsync(await client.PostFormAsync($"{baseUrl}/question-1", new Dictionary<string, string> { ["Answer"] = "one two three four five six" }));
        Assert.Equal(["Your answer must be 5 words or fewer (it has 6)"], tooLong.ErrorSummary());
        await client.PostFormAsync($"{baseUrl}/question-1", new Dictionary<string, string> { ["Answer"] = "To lead children's services well." });
        await client.PostFormAsync($"{baseUrl}/question-2", new Dictionary<string, string> { ["Answer"] = "I led the merger of two teams." });
        var own = await Html.ParseAsync(await client.PostFormAsync($"{baseUrl}/endorser", new Dictionary<string, string> { ["EndorserName"] = "Dr Grace Mensah", ["EndorserEmail"] = email }));
        Assert.Equal(["Enter the director's email address, not your own"], own.ErrorSummary());
        var toCheck = await client.PostFormAsync($"{baseUrl}/endorser", new Dictionary<string, string> { ["EndorserName"] = "Dr Grace Mensah", ["EndorserEmail"] = director });
        Assert.Equal($"{baseUrl}/next-year", toCheck.Headers.Location!.OriginalString);
        var nextYear = await client.GetDocumentAsync($"{baseUrl}/next-year");
        Assert.Contains("may we keep your application to consider you next year?", nextYear.QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Select yes if we may keep your application to consider you next year"],
            (await Html.ParseAsync(await client.PostFormAsync($"{baseUrl}/next-year", new Dictionary<string, string> { ["ConsiderNextYear"] = "perhaps" }))).ErrorSummary());
        var skipped = await client.PostFormAsync($"{baseUrl}/next-year", new Dictionary<string, string>());
        Assert.Equal($"{baseUrl}/check", skipped.Headers.Location!.OriginalString);
        Assert.Contains("Not answered", (await client.GetDocumentAsync($"{baseUrl}/check")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{baseUrl}/check", (await client.PostFormAsync($"{baseUrl}/next-year?change=true", new Dictionary<string, string> { ["ConsiderNextYear"] = "yes" })).Headers.Location!.OriginalString);
        var check = await client.GetDocumentAsync($"{baseUrl}/check");
        Assert.Contains("Keep your application for next year if not selected", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("To lead children's services well.", check.Body!.TextContent, StringComparison.Ordinal);

        var submitted = await client.PostFormAsync($"{baseUrl}/check", new Dictionary<string, string>());
        Assert.Equal($"{baseUrl}/submitted", submitted.Headers.Location!.OriginalString);
        var confirmation = await client.GetDocumentAsync($"{baseUrl}/submitted");
        var reference = confirmation.QuerySelector("#reference")!.TextContent;
        Assert.StartsWith(cohort.Name, reference, StringComparison.Ordinal);

        await app.Sender().SendDueAsync();
        Assert.Contains(app.Smtp.To(email), m => m.Message.Subject == $"Application received: Aspirant Directors programme {cohort.Name}" && (m.Message.TextBody ?? "").Contains(reference, StringComparison.Ordinal));
        var ask = Assert.Single(app.Smtp.To(director));
        Assert.Contains("by 22 December 2026", ask.Message.TextBody, StringComparison.Ordinal);
        var endorseUrl = new Uri(LinkIn(ask.Message.TextBody, "/aspirants/endorse/")).PathAndQuery;

        var director1 = app.CreateAnonymousClient();
        Assert.Equal("Ada Okafor", (await director1.GetDocumentAsync(endorseUrl)).QuerySelector("#applicant")!.TextContent);
        Assert.Equal(["Select yes if you endorse this application", "Enter a short statement"], (await Html.ParseAsync(await director1.PostFormAsync(endorseUrl, new Dictionary<string, string>()))).ErrorSummary());
        await director1.PostFormAsync(endorseUrl, new Dictionary<string, string> { ["Endorsed"] = "yes", ["Statement"] = "Ada is ready." });
        var endorsement = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantEndorsements.AsNoTracking().SingleAsync(e => e.Application!.ApplicationId == reference));
        Assert.Equal((true, "Ada is ready.", (string?)null), (endorsement.Endorsed, endorsement.Statement, endorsement.RecordedByStaff));

        // Equality monitoring: optional, its own table, nothing on the application.
        var equality = await client.PostFormAsync($"{baseUrl}/equality", new Dictionary<string, string>
        {
            ["EthnicityCode"] = "black-african", ["Sex"] = "Female", ["LongTermCondition"] = "Yes", ["ActivitiesReduced"] = "ALittle", ["AgeBand"] = "From40To49",
        });
        Assert.Equal($"{baseUrl}/submitted", equality.Headers.Location!.OriginalString);
        var monitoring = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantEqualityMonitoring.AsNoTracking().SingleAsync(e => e.CohortId == cohort.Id));
        Assert.Equal(("black-african", MonitoringSex.Female, YesNoPreferNot.Yes, (Religion?)null), (monitoring.EthnicityCode, monitoring.Sex, monitoring.Disabled, monitoring.Religion));

        // Staff record an endorsement received another way; audited.
        var key = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantApplications.Where(a => a.ApplicationId == reference).Select(a => a.Id).SingleAsync());
        Assert.Equal(true, await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantApplications.Where(a => a.Id == key).Select(a => a.ConsiderNextYear).SingleAsync()));
        var staff = app.CreateClient(Upon.Shared.Security.Roles.PartnerStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/aspirants/endorsements/{key}", new Dictionary<string, string> { ["Endorsed"] = "no", ["Statement"] = "Letter of 1 December: withdrawn." })).StatusCode);
        var recorded = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantEndorsements.AsNoTracking().SingleAsync(e => e.ApplicationId == key));
        Assert.Equal((false, UponApp.EmailFor(Upon.Shared.Security.Roles.PartnerStaff)), (recorded.Endorsed, recorded.RecordedByStaff));
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AnyAsync(e => e.EntityType == nameof(AspirantEndorsement) && e.Changes!.Contains("withdrawn"))));
    }
}

public sealed class ApplicationJourneySqliteTests(SmtpSqliteApp app) : ApplicationJourneyTests(app), IClassFixture<SmtpSqliteApp>;

public sealed class ApplicationJourneyPostgresTests(SmtpPostgresApp app) : ApplicationJourneyTests(app), IClassFixture<SmtpPostgresApp>;
