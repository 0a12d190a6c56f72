using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Aspirants.Apply;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.CohortYear;

/// <summary>
/// Offers through the real host: the release email links to the applicant's offer page; accepting there makes them a
/// participant of the Aspirant Directors strand's cohort with its eight taught days made sessions and booked; declining
/// offers the place to the first on the waiting list; the scheduled run expires an overdue offer exactly once, even
/// with two instances running it at the same moment.
/// </summary>
public abstract class OfferTests(UponApp app)
{
    private static readonly LocalDate[] TaughtDays =
    [
        new(2027, 1, 12), new(2027, 2, 9), new(2027, 3, 9), new(2027, 4, 13), new(2027, 5, 11), new(2027, 6, 8), new(2027, 7, 6), new(2027, 7, 20),
    ];

    /// <summary>A cohort with two places: applications 1 and 2 selected, 3 and 4 waiting, 5 not selected; decisions pending.</summary>
    private async Task<(AspirantCohort Cohort, List<AspirantApplication> Applications)> SeedAsync()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        var cohort = new AspirantCohort { Name = $"O-{batch}", Places = 2, OfferDeadlineDays = 14, CreatedAt = app.Clock.GetCurrentInstant() };
        cohort.TaughtDays.AddRange(TaughtDays.Select(d => new AspirantTaughtDay { Date = d }));
        var applications = new List<AspirantApplication>();
        await app.WithDbAsync(async db =>
        {
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            SelectionOutcome[] outcomes = [SelectionOutcome.Selected, SelectionOutcome.Selected, SelectionOutcome.Waiting, SelectionOutcome.Waiting, SelectionOutcome.NotSelected];
            for (var i = 0; i < outcomes.Length; i++)
            {
                applications.Add(new AspirantApplication
                {
                    CohortId = cohort.Id, ApplicationId = $"{batch}-{i + 1}", Email = $"applicant{i + 1}.{batch}@offer.test", GivenName = $"Given{i + 1}", FamilyName = $"Offer{batch}",
                    Status = ApplicationStatus.Submitted, CreatedAt = app.Clock.GetCurrentInstant(), SubmittedAt = app.Clock.GetCurrentInstant(),
                    Outcome = outcomes[i], WaitingPosition = outcomes[i] == SelectionOutcome.Waiting ? i - 1 : null,
                });
            }
            db.AspirantApplications.AddRange(applications);
            await db.SaveChangesAsync();
        });
        return (cohort, applications);
    }

    /// <summary>A browser signed in to the application, as by its emailed link.</summary>
    private async Task<HttpClient> SignedInAsync(AspirantApplication application, string cohortName)
    {
        var link = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var tracked = await db.AspirantApplications.SingleAsync(a => a.Id == application.Id);
            var issued = s.GetRequiredService<ApplicantSignIn>().IssueLink(tracked);
            await db.SaveChangesAsync();
            return new Uri(issued).PathAndQuery;
        });
        var client = app.CreateAnonymousClient();
        var resumed = await client.PostFormAsync(link, new Dictionary<string, string>());
        // An applicant with an offer to answer is taken to it.
        Assert.Equal($"/aspirants/apply/{cohortName}/offer", resumed.Headers.Location!.OriginalString);
        return client;
    }

    private Task<List<Upon.Email.OutboxMessage>> MailToAsync(string email) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    [SkippableFact]
    public async Task Release_LinksToTheOffer_AcceptBooksTheTaughtDays_DeclineOffersTheWaitingList()
    {
        app.RequireDatabase();
        var (cohort, applications) = await SeedAsync();
        var admin = app.CreateClient();
        var selection = $"/aspirants/{cohort.Id}/selection";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(selection, new Dictionary<string, string>(), $"{selection}?handler=Release")).StatusCode);

        var offerPath = $"/aspirants/apply/{cohort.Name}/offer";
        var offerMail = Assert.Single(await MailToAsync(applications[0].Email));
        Assert.Contains(offerPath, offerMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please accept or decline by 9 December 2026 at 12:00pm", offerMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/offer", Assert.Single(await MailToAsync(applications[2].Email)).TextBody, StringComparison.Ordinal);

        // Not signed in: the page asks for a link back in.
        Assert.Equal($"/aspirants/apply/{cohort.Name}/return-link?expired=1", (await app.CreateAnonymousClient().GetAsync(offerPath)).Headers.Location!.OriginalString);

        var first = await SignedInAsync(applications[0], cohort.Name);
        var page = await first.GetDocumentAsync(offerPath);
        Assert.Contains("9 December 2026", page.QuerySelector("#deadline")!.TextContent, StringComparison.Ordinal);
        var accepted = await first.PostFormAsync(offerPath, new Dictionary<string, string>(), $"{offerPath}?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);

        await app.WithDbAsync(async db =>
        {
            var application = await db.AspirantApplications.AsNoTracking().Include(a => a.Cohort).SingleAsync(a => a.Id == applications[0].Id);
            Assert.Equal(OfferStatus.Accepted, application.Offer);
            var participant = await db.Participants.AsNoTracking().Include(p => p.Enrolments).ThenInclude(e => e.Strand).SingleAsync(p => p.Id == application.ParticipantId);
            var enrolment = Assert.Single(participant.Enrolments);
            Assert.Equal((StrandSetup.AspirantDirectorsSlug, application.Cohort!.ProgrammeCohortId), (enrolment.Strand!.Slug, enrolment.CohortId));
            var taught = await db.Sessions.AsNoTracking().Where(s => s.CohortId == enrolment.CohortId && s.Type == SessionType.TaughtDay).OrderBy(s => s.StartUtc).ToListAsync();
            Assert.Equal(TaughtDays, taught.Select(s => s.Start.Date));
            Assert.All(taught, s => Assert.Equal((new LocalTime(9, 30), new LocalTime(16, 30)), (s.Start.TimeOfDay, s.End.TimeOfDay)));
            var ids = taught.Select(s => s.Id).ToList();
            Assert.Equal(8, await db.Bookings.CountAsync(b => b.ParticipantId == participant.Id && ids.Contains(b.SessionId) && b.Status == BookingStatus.Booked));
        });
        Assert.Contains(await MailToAsync(applications[0].Email), m => m.Subject.StartsWith("Your place on the Aspirant Directors programme", StringComparison.Ordinal) && m.TextBody.Contains("You are booked on the 8 taught days", StringComparison.Ordinal));
        // Answered: the page says so and posting again changes nothing.
        Assert.Equal("You have accepted your place.", (await first.GetDocumentAsync(offerPath)).QuerySelector("#closed")!.TextContent);

        var second = await SignedInAsync(applications[1], cohort.Name);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(offerPath, new Dictionary<string, string>(), $"{offerPath}?handler=Decline")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var all = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohort.Id).ToDictionaryAsync(a => a.Id);
            Assert.Equal(OfferStatus.Declined, all[applications[1].Id].Offer);
            Assert.Equal((SelectionOutcome.Selected, OfferStatus.Offered), (all[applications[2].Id].Outcome, all[applications[2].Id].Offer));
            Assert.Equal((SelectionOutcome.Waiting, (int?)1), (all[applications[3].Id].Outcome, all[applications[3].Id].WaitingPosition));
        });
        var placeFree = (await MailToAsync(applications[2].Email)).Last();
        Assert.Contains(offerPath, placeFree.TextBody, StringComparison.Ordinal);

        // The second acceptance books the same sessions: none is made twice.
        var third = await SignedInAsync(applications[2], cohort.Name);
        await third.PostFormAsync(offerPath, new Dictionary<string, string>(), $"{offerPath}?handler=Accept");
        await app.WithDbAsync(async db =>
        {
            var programme = (await db.AspirantCohorts.AsNoTracking().SingleAsync(c => c.Id == cohort.Id)).ProgrammeCohortId;
            Assert.Equal(8, await db.Sessions.CountAsync(s => s.CohortId == programme && s.Type == SessionType.TaughtDay));
            Assert.Equal(16, await db.Bookings.CountAsync(b => b.Session!.CohortId == programme && b.Status == BookingStatus.Booked));
        });
    }

    [SkippableFact]
    public async Task TheRun_ExpiresAnOverdueOfferOnce_EvenOnTwoInstances_AndOffersThePlaceOn()
    {
        app.RequireDatabase();
        var (cohort, applications) = await SeedAsync();
        await app.WithScopeAsync(async s => { await s.GetRequiredService<Selection>().ReleaseAsync(cohort.Id); return 0; });
        await using var other = new SecondInstance(app);
        await other.StartAsync();
        app.Clock.Advance(Duration.FromDays(13));
        try
        {
            Assert.Equal(0, (await app.Services.GetRequiredService<EndorsementRunner>().RunAsync()).Expired);
            // The first selected answers in time; the second does not.
            await app.WithScopeAsync(async s => await s.GetRequiredService<Upon.Aspirants.CohortYear.OfferResponse>().AcceptAsync(applications[0].Id));
            app.Clock.Advance(Duration.FromDays(1));

            var results = await Task.WhenAll(
                app.Services.GetRequiredService<EndorsementRunner>().RunAsync(),
                other.Services.GetRequiredService<EndorsementRunner>().RunAsync());
            Assert.Equal(1, results.Sum(r => r.Expired));
            Assert.Equal(0, (await app.Services.GetRequiredService<EndorsementRunner>().RunAsync()).Expired);

            await app.WithDbAsync(async db =>
            {
                var all = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == cohort.Id).ToDictionaryAsync(a => a.Id);
                Assert.Equal(OfferStatus.Accepted, all[applications[0].Id].Offer);
                Assert.Equal(OfferStatus.Expired, all[applications[1].Id].Offer);
                Assert.Equal(OfferStatus.Offered, all[applications[2].Id].Offer);
                Assert.Equal((SelectionOutcome.Waiting, (int?)1), (all[applications[3].Id].Outcome, all[applications[3].Id].WaitingPosition));
            });
            Assert.Single(await MailToAsync(applications[1].Email), m => m.Subject.EndsWith("your offer has expired", StringComparison.Ordinal));
            // The waiting list's first: the waiting-list email at release, then one offer.
            Assert.Equal(2, (await MailToAsync(applications[2].Email)).Count);

            // The new offer has its own deadline: 14 days on, it expires in turn and the next waiting gets it.
            app.Clock.Advance(Duration.FromDays(14));
            Assert.Equal(1, (await app.Services.GetRequiredService<EndorsementRunner>().RunAsync()).Expired);
            await app.WithDbAsync(async db => Assert.Equal(OfferStatus.Offered, (await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == applications[3].Id)).Offer));
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }
    }
}

public sealed class OfferTests_Sqlite(SqliteApp app) : OfferTests(app), IClassFixture<SqliteApp>;

public sealed class OfferTests_Postgres(PostgresApp app) : OfferTests(app), IClassFixture<PostgresApp>;
