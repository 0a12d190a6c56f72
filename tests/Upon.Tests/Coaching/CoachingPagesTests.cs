using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Shared.Security;
using Upon.Audit;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// A round through the real host: administrators run, lock and publish; both sides are emailed separately; the coach
/// logs a session and the participant confirms it; partner staff, coaches and the funder never see the requests.
/// </summary>
public abstract class CoachingPagesTests(UponApp app)
{
    private async Task<(int RoundId, int RequestId, int CoachId, int OtherCoachId, int ParticipantId)> SeedAsync()
    {
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var others = await SessionSeed.ParticipantsAsync(app, strand, 1);
        var batch = Guid.NewGuid().ToString("N")[..6];
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var today = new NodaTime.LocalDate(2026, 1, 1);
            var coach = await db.CoachProfiles.FirstOrDefaultAsync(c => c.Email == UponApp.EmailFor(Roles.Coach));
            if (coach is null)
            {
                coach = new CoachProfile { Email = UponApp.EmailFor(Roles.Coach), GivenName = "Cora", FamilyName = "Coach", Capacity = 20, OffersOnline = true, Consents = [new CoachConsent { Characteristic = Characteristics.Woman, GivenOn = today }] };
                db.CoachProfiles.Add(coach);
            }

            var other = new CoachProfile { Email = $"other-{batch}@coach.test", GivenName = "Otto", FamilyName = $"Other{batch}", Capacity = 1, OffersOnline = true };
            db.CoachProfiles.Add(other);
            var round = new MatchingRound { Name = $"Round {batch}", Status = RoundStatus.Open };
            round.Requests.Add(new CoachingRequest { ParticipantId = me.Id, Must = "", WouldLike = Characteristics.Woman, Mode = RequestedMode.Online });
            round.Requests.Add(new CoachingRequest { ParticipantId = others[0].Id, Mode = RequestedMode.Online });
            db.MatchingRounds.Add(round);
            await db.SaveChangesAsync();
            return (round.Id, round.Requests[0].Id, coach.Id, other.Id, me.Id);
        });
    }

    [SkippableFact]
    public async Task Round_RunLockPublish_CreatesRelationshipsEmailsBothSidesAndIsAudited()
    {
        app.RequireDatabase();
        var (roundId, requestId, coachId, _, participantId) = await SeedAsync();
        var url = $"/coaching/rounds/{roundId}";
        var admin = app.CreateClient(Roles.Administrator);

        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            var refused = await app.CreateClient(role).GetAsync(url);
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        var run = await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Run");
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var page = await admin.GetDocumentAsync(url);
        Assert.Contains("Run: 2 matched", page.QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);
        var mine = page.QuerySelectorAll("#pairs tr[data-participant]").Single(r => r.GetAttribute("data-participant") == UponApp.EmailFor(Roles.Participant));
        Assert.Equal(UponApp.EmailFor(Roles.Coach), mine.GetAttribute("data-coach"));
        Assert.Contains("Shares: woman (+10).", mine.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#fairness"));

        var locked = await admin.PostFormAsync(url, new Dictionary<string, string> { ["requestId"] = requestId.ToString(), ["coachId"] = coachId.ToString() }, $"{url}?handler=Lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Run");
        page = await admin.GetDocumentAsync(url);
        Assert.Contains("Locked", page.QuerySelectorAll("#pairs tr[data-participant]").Single(r => r.GetAttribute("data-participant") == UponApp.EmailFor(Roles.Participant)).TextContent, StringComparison.Ordinal);

        var published = await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        await app.WithDbAsync(async db =>
        {
            var round = await db.MatchingRounds.AsNoTracking().SingleAsync(r => r.Id == roundId);
            Assert.Equal(RoundStatus.Published, round.Status);
            var relationship = await db.CoachingRelationships.AsNoTracking().SingleAsync(r => r.RoundId == roundId && r.ParticipantId == participantId);
            Assert.Equal(coachId, relationship.CoachId);
            Assert.Equal(2, await db.CoachingRelationships.CountAsync(r => r.RoundId == roundId));
            var toParticipant = await db.OutboxMessages.AsNoTracking().Where(m => m.To == UponApp.EmailFor(Roles.Participant) && m.Subject == "Your coach").OrderBy(m => m.Id).LastAsync();
            Assert.Contains("your coach shares: a woman", toParticipant.TextBody, StringComparison.Ordinal);
            var toCoach = await db.OutboxMessages.AsNoTracking().Where(m => m.To == UponApp.EmailFor(Roles.Coach) && m.Subject == "A new coachee").OrderBy(m => m.Id).LastAsync();
            Assert.DoesNotContain("woman", toCoach.TextBody, StringComparison.OrdinalIgnoreCase);
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "CoachingRoundPublished" && e.EntityId == roundId.ToString()));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Viewed && e.EntityType == nameof(MatchingRound) && e.EntityId == roundId.ToString() && e.Actor == UponApp.EmailFor(Roles.Administrator)));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.Viewed && e.EntityType == nameof(MatchingRound) && e.EntityId == roundId.ToString() && e.Actor != UponApp.EmailFor(Roles.Administrator)));
        });

        // The coach sees the coachee, never what was asked, and logs a session; the participant confirms it.
        var coach = app.CreateClient(Roles.Coach);
        var coachees = await coach.GetDocumentAsync("/coach/coachees");
        var section = coachees.QuerySelectorAll("section.coachee").Single(s => s.GetAttribute("data-participant") == UponApp.EmailFor(Roles.Participant));
        Assert.DoesNotContain("woman", coachees.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        var relationshipId = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().CoachingRelationships.Where(r => r.RoundId == roundId && r.ParticipantId == participantId).Select(r => r.Id).SingleAsync());
        // The date is a GOV.UK date input named after the relationship's form; what was entered is shown again with the errors.
        var key = $"log-{relationshipId}";
        Dictionary<string, string> Log(string day, string month, string year, string minutes) => new()
        {
            ["relationshipId"] = relationshipId.ToString(), [$"{key}-date.day"] = day, [$"{key}-date.month"] = month, [$"{key}-date.year"] = year,
            [$"{key}-minutes"] = minutes, ["mode"] = "online",
        };
        var bad = await Html.ParseAsync(await coach.PostFormAsync("/coach/coachees", Log("1", "13", "2026", "60"), "/coach/coachees?handler=Log"));
        Assert.Equal(["Date of the session must be a real date"], bad.ErrorSummary());
        Assert.Equal($"#{key}-date-month", bad.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.Equal("13", bad.QuerySelector($"#{key}-date-month")!.GetAttribute("value"));
        Assert.Equal("60", bad.QuerySelector($"#{key}-minutes")!.GetAttribute("value"));
        Assert.NotNull(bad.QuerySelector($"#{key}-online[checked]"));
        var tooShort = await Html.ParseAsync(await coach.PostFormAsync("/coach/coachees", Log("25", "11", "2026", "5"), "/coach/coachees?handler=Log"));
        Assert.Equal(["The length must be from 15 to 480 minutes"], tooShort.ErrorSummary());
        Assert.Equal($"#{key}-minutes", tooShort.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        var future = await Html.ParseAsync(await coach.PostFormAsync("/coach/coachees", Log("25", "11", "2030", "60"), "/coach/coachees?handler=Log"));
        Assert.Equal(["The date of the session must be today or in the past."], future.ErrorSummary());
        Assert.Equal($"#{key}-date-day", future.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        // A relationship that is not the coach's has no form to show errors by, whatever else the request says.
        foreach (var other in new[] { "0", "-1", "99999999999999999999", "not-a-number" })
        {
            var refused = await coach.PostFormAsync("/coach/coachees", new Dictionary<string, string> { ["relationshipId"] = other, [$"log-{other}-date.day"] = "1", [$"log-{other}-date.month"] = "13", [$"log-{other}-date.year"] = "2026", ["minutes"] = "x", ["mode"] = "online" }, "/coach/coachees?handler=Log");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        var logged = await coach.PostFormAsync("/coach/coachees", Log("25", "11", "2026", "60"), "/coach/coachees?handler=Log");
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        await app.WithDbAsync(async db => Assert.Equal(new LocalDate(2026, 11, 25), (await db.CoachingSessionLogs.AsNoTracking().SingleAsync(l => l.RelationshipId == relationshipId)).Date));

        var participant = app.CreateClient(Roles.Participant);
        var myCoach = await participant.GetDocumentAsync("/my/coach");
        Assert.Contains("Cora Coach", myCoach.QuerySelector("#coach-name")!.TextContent, StringComparison.Ordinal);
        var sessionId = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().CoachingSessionLogs.Where(l => l.RelationshipId == relationshipId).Select(l => l.Id).SingleAsync());
        var confirmed = await participant.PostFormAsync("/my/coach", new Dictionary<string, string> { ["sessionId"] = sessionId.ToString() }, "/my/coach?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await app.WithDbAsync(async db => Assert.Equal(SessionConfirmation.Confirmed, (await db.CoachingSessionLogs.AsNoTracking().SingleAsync(l => l.Id == sessionId)).Confirmation));
        myCoach = await participant.GetDocumentAsync("/my/coach");
        Assert.Equal("1", myCoach.QuerySelector("#hours")!.TextContent.Trim());
        // Dates as GOV.UK writes them.
        Assert.Equal("25 November 2026", myCoach.QuerySelector("table.sessions tbody td")!.TextContent.Trim());

        // With a coach, and due coaching, there is nothing to ask for: no "Ask for a coach" on their home or coach page,
        // and the form says why and takes nothing.
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var newDirectors = await db.Strands.SingleAsync(x => x.Slug == StrandSetup.NewDirectorsSlug);
            if (!await db.Enrolments.AnyAsync(e => e.ParticipantId == participantId && e.StrandId == newDirectors.Id))
            {
                db.Enrolments.Add(new Enrolment { ParticipantId = participantId, StrandId = newDirectors.Id, StartsOn = new LocalDate(2025, 9, 1) });
                await db.SaveChangesAsync();
            }
            return 0;
        });
        Assert.Null(myCoach.QuerySelector("#request-link"));
        Assert.Null((await participant.GetDocumentAsync("/")).QuerySelector("#coaching-request-link"));
        var form = await participant.GetDocumentAsync("/my/coaching-request");
        Assert.NotNull(form.QuerySelector("#has-coach"));
        Assert.Null(form.QuerySelector("#start"));
        Assert.Equal("/my/coaching-request", (await participant.GetAsync("/my/coaching-request/characteristics")).Headers.Location?.OriginalString);
        var sent = await participant.PostFormAsync("/my/coach", new Dictionary<string, string> { [$"wish-{Characteristics.Woman}"] = "must" }, "/my/coaching-request/characteristics");
        Assert.Equal("/my/coaching-request", sent.Headers.Location?.OriginalString);

        // Asking to change coach opens the form again, for their next coach.
        // First "are you sure?": the button on their coach's page leads to a page that asks, and only its post asks.
        var changeUrl = $"/my/coach/change/{relationshipId}";
        Assert.Equal(changeUrl, (await participant.GetDocumentAsync("/my/coach")).QuerySelector($"#change-{relationshipId}")!.GetAttribute("href"));
        // Coaching that is paused still holds the coach's place, and the coachee may ask to change from it too.
        await SetStatusAsync(RelationshipStatus.Paused);
        var paused = await participant.GetDocumentAsync("/my/coach");
        Assert.Equal(changeUrl, paused.QuerySelector($"#change-{relationshipId}")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync(changeUrl)).StatusCode);
        await SetStatusAsync(RelationshipStatus.Active);
        Task SetStatusAsync(RelationshipStatus status) => app.WithDbAsync(db => db.CoachingRelationships.Where(r => r.Id == relationshipId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status)));
        var areYouSure = await participant.GetDocumentAsync(changeUrl);
        Assert.Equal("Are you sure you want to change coach?", areYouSure.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Cora Coach", areYouSure.QuerySelector("#keep-coach")!.TextContent, StringComparison.Ordinal);
        await app.WithDbAsync(async db => Assert.Null((await db.CoachingRelationships.AsNoTracking().SingleAsync(r => r.Id == relationshipId)).ChangeRequestedOn));
        // Someone else's relationship, or one that does not exist, is not found.
        var otherRelationship = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().CoachingRelationships.Where(r => r.ParticipantId != participantId).Select(r => r.Id).FirstOrDefaultAsync());
        foreach (var notMine in new[] { otherRelationship, 0 })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync($"/my/coach/change/{notMine}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await participant.PostFormAsync(changeUrl, new Dictionary<string, string>(), $"/my/coach/change/{notMine}")).StatusCode);
        }
        var change = await participant.PostFormAsync(changeUrl, new Dictionary<string, string>());
        Assert.Equal("/my/coach", change.Headers.Location?.OriginalString);
        var changed = await participant.GetDocumentAsync("/my/coach");
        Assert.Equal("You asked to change coach: the programme team will find you another.", changed.QuerySelector("#notice")!.TextContent.Trim());
        Assert.Null(changed.QuerySelector($"#change-{relationshipId}"));
        await app.WithDbAsync(async db => Assert.NotNull((await db.CoachingRelationships.AsNoTracking().SingleAsync(r => r.Id == relationshipId)).ChangeRequestedOn));
        // Asked once, the page sends them back to their coach's page.
        Assert.Equal("/my/coach", (await participant.GetAsync(changeUrl)).Headers.Location?.OriginalString);
        Assert.Equal("Tell us what you would like in your next coach", (await participant.GetDocumentAsync("/my/coach")).QuerySelector("#request-link")!.TextContent.Trim());
        Assert.NotNull((await participant.GetDocumentAsync("/")).QuerySelector("#coaching-request-link"));
        Assert.NotNull((await participant.GetDocumentAsync("/my/coaching-request")).QuerySelector("#start"));

        // Staff see the relationship and its hours on the pool page.
        var pool = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync("/coaching");
        Assert.NotNull(pool.QuerySelector($"#relationships tr[data-participant='{UponApp.EmailFor(Roles.Participant)}']"));
        Assert.Null(pool.QuerySelector("#rounds-link"));
    }

    [SkippableFact]
    public async Task CoachProfile_WithdrawingConsent_RemovesItFromMatching()
    {
        app.RequireDatabase();
        var (roundId, _, _, _, _) = await SeedAsync();
        var coach = app.CreateClient(Roles.Coach);
        var profile = await coach.GetDocumentAsync("/coach/profile");
        Assert.Contains("Consented", profile.QuerySelector("#consents tr[data-characteristic=woman]")!.TextContent, StringComparison.Ordinal);
        var withdrawn = await coach.PostFormAsync("/coach/profile", new Dictionary<string, string> { ["characteristic"] = "woman", ["consent"] = "false" }, "/coach/profile?handler=Consent");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        profile = await coach.GetDocumentAsync("/coach/profile");
        Assert.Contains("Not consented", profile.QuerySelector("#consents tr[data-characteristic=woman]")!.TextContent, StringComparison.Ordinal);

        var loaded = await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().LoadAsync(roundId));
        Assert.DoesNotContain(Characteristics.Woman, loaded!.Problem.Coaches.Single(c => c.Key == UponApp.EmailFor(Roles.Coach)).Characteristics);

        await coach.PostFormAsync("/coach/profile", new Dictionary<string, string> { ["characteristic"] = "woman", ["consent"] = "true" }, "/coach/profile?handler=Consent");
    }

    /// <summary>A value that does not bind leaves the handler's parameter at its default (Active, false): it must change nothing.</summary>
    [SkippableFact]
    public async Task CoachStatusAndConsent_ValuesThatDoNotBind_ChangeNothing()
    {
        app.RequireDatabase();
        var (_, _, _, otherCoachId, _) = await SeedAsync();
        var staff = app.CreateClient(Roles.Administrator);
        var paused = await staff.PostFormAsync("/coaching", new Dictionary<string, string> { ["coachId"] = otherCoachId.ToString(), ["status"] = "Paused" }, "/coaching?handler=Status");
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);

        foreach (var nonsense in new[] { "-1", "7", "Sleeping", "99999999999" })
        {
            var response = await staff.PostFormAsync("/coaching", new Dictionary<string, string> { ["coachId"] = otherCoachId.ToString(), ["status"] = nonsense }, "/coaching?handler=Status");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        await app.WithDbAsync(async db => Assert.Equal(CoachStatus.Paused, (await db.CoachProfiles.AsNoTracking().SingleAsync(c => c.Id == otherCoachId)).Status));

        var coach = app.CreateClient(Roles.Coach);
        var refused = await coach.PostFormAsync("/coach/profile", new Dictionary<string, string> { ["characteristic"] = "woman", ["consent"] = "perhaps" }, "/coach/profile?handler=Consent");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var profile = await coach.GetDocumentAsync("/coach/profile");
        Assert.DoesNotContain("Not consented", profile.QuerySelector("#consents tr[data-characteristic=woman]")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class CoachingPagesTests_Sqlite(SqliteApp app) : CoachingPagesTests(app), IClassFixture<SqliteApp>;

public sealed class CoachingPagesTests_Postgres(PostgresApp app) : CoachingPagesTests(app), IClassFixture<PostgresApp>;
