using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// A coach's own calendar feed through the real host, read back with a real iCalendar parser: the coach (who is not a
/// participant) makes a secret address at /coach/calendar, the feed lists the sessions they coach, an unknown secret is
/// 404, a new address stops the old one, turning it off stops it, and nothing the coachee asked for is ever written.
/// </summary>
public abstract class CoachCalendarFeedTests(UponApp app)
{
    private static Calendar Parse(string text) => Calendar.Load(text) ?? throw new InvalidOperationException("Not an iCalendar.");

    [SkippableFact]
    public async Task CoachFeed_ListsTheirSessions_WrongSecretIs404_NewAddressStopsTheOld_AndNeverShowsWhatWasAsked()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var coachee = await SessionSeed.TestParticipantAsync(app, strand);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var (coachId, logged, queried, othersSession) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var coach = await db.CoachProfiles.FirstOrDefaultAsync(c => c.Email == UponApp.EmailFor(Roles.Coach));
            if (coach is null)
            {
                coach = new CoachProfile { Email = UponApp.EmailFor(Roles.Coach), GivenName = "Cora", FamilyName = "Coach", Capacity = 5, OffersOnline = true };
                db.CoachProfiles.Add(coach);
            }
            var other = new CoachProfile { Email = $"else-{batch}@coach.test", GivenName = "Elsa", FamilyName = $"Else{batch}", Capacity = 5, OffersOnline = true };
            var round = new MatchingRound { Name = $"Feed {batch}", Status = RoundStatus.Open };
            // What the coachee asked for: it must never reach the coach's feed.
            round.Requests.Add(new CoachingRequest { ParticipantId = coachee.Id, Must = Characteristics.GlobalMajority, WouldLike = Characteristics.Lgbtq, Mode = RequestedMode.Online });
            db.MatchingRounds.Add(round);
            var mine = new CoachingRelationship
            {
                Coach = coach, ParticipantId = coachee.Id, StartsOn = new LocalDate(2026, 1, 1), EndsOn = new LocalDate(2026, 12, 31), Status = RelationshipStatus.Active,
                EntitledSessions = 6, EntitledMinutes = 360,
                Sessions =
                [
                    new CoachingSessionLog { Date = new LocalDate(2026, 11, 12), Minutes = 75, InPerson = true, Confirmation = SessionConfirmation.Confirmed },
                    new CoachingSessionLog { Date = new LocalDate(2026, 11, 3), Minutes = 60, Confirmation = SessionConfirmation.Queried, QueryReason = "Did not happen" },
                ],
            };
            var theirs = new CoachingRelationship
            {
                Coach = other, ParticipantId = coachee.Id, StartsOn = new LocalDate(2025, 1, 1), EndsOn = new LocalDate(2025, 12, 31), Status = RelationshipStatus.Completed,
                EntitledSessions = 6, EntitledMinutes = 360,
                Sessions = [new CoachingSessionLog { Date = new LocalDate(2026, 10, 1), Minutes = 60, Confirmation = SessionConfirmation.Confirmed }],
            };
            db.CoachingRelationships.AddRange(mine, theirs);
            await db.SaveChangesAsync();
            return (coach.Id, mine.Sessions[0].Id, mine.Sessions[1].Id, theirs.Sessions[0].Id);
        });

        var coach = app.CreateClient(Roles.Coach);
        // Reachable from the coach's home and profile.
        Assert.NotNull((await coach.GetDocumentAsync("/")).QuerySelector("a[href='/coach/calendar']"));
        Assert.NotNull((await coach.GetDocumentAsync("/coach/profile")).QuerySelector("a[href='/coach/calendar']"));
        Assert.Contains("no calendar address", (await coach.GetDocumentAsync("/coach/calendar")).QuerySelector("#feed-status")!.TextContent, StringComparison.Ordinal);

        var made = await Html.ParseAsync(await coach.PostFormAsync("/coach/calendar", new Dictionary<string, string>(), "/coach/calendar?handler=New"));
        var firstUrl = new Uri(made.QuerySelector("#feed-url")!.TextContent.Trim());
        Assert.StartsWith("/calendars/coach/", firstUrl.AbsolutePath, StringComparison.Ordinal);
        var anonymous = app.CreateAnonymousClient();
        var response = await anonymous.GetAsync(firstUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var feed = Parse(text);
        var uids = feed.Events.Select(e => e.Uid).ToList();
        Assert.Equal([CoachingCalendarEntries.Uid(logged)], uids); // not the queried one, not another coach's
        Assert.DoesNotContain(CoachingCalendarEntries.Uid(queried), uids);
        Assert.DoesNotContain(CoachingCalendarEntries.Uid(othersSession), uids);
        var evt = feed.Events.Single();
        Assert.Equal($"Coaching {coachee.FullName}", evt.Summary);
        Assert.Equal(new DateOnly(2026, 11, 12), evt.DtStart!.Date);
        Assert.False(evt.DtStart.HasTime);
        Assert.Contains("75 minutes, in person; confirmed by the coachee", evt.Description, StringComparison.Ordinal);
        foreach (var asked in new[] { "global", "majority", "lgbtq", "Did not happen" })
        {
            Assert.DoesNotContain(asked, text, StringComparison.OrdinalIgnoreCase);
        }

        // A wrong secret, or none of the right shape, is a bare 404.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendars/coach/not-a-secret.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(firstUrl.AbsolutePath[..^8] + "AAAAAAA.ics")).StatusCode);

        // Making a new address stops the old one; the page says one exists.
        var remade = await Html.ParseAsync(await coach.PostFormAsync("/coach/calendar", new Dictionary<string, string>(), "/coach/calendar?handler=New"));
        var secondUrl = new Uri(remade.QuerySelector("#feed-url")!.TextContent.Trim());
        Assert.NotEqual(firstUrl, secondUrl);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(firstUrl.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(secondUrl.PathAndQuery)).StatusCode);
        Assert.Contains("You have a calendar address", (await coach.GetDocumentAsync("/coach/calendar")).QuerySelector("#feed-status")!.TextContent, StringComparison.Ordinal);

        // Turning it off stops it too.
        var revoked = await coach.PostFormAsync("/coach/calendar", new Dictionary<string, string>(), "/coach/calendar?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(secondUrl.PathAndQuery)).StatusCode);

        await app.WithDbAsync(async db =>
        {
            var id = coachId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == CoachCalendarFeed.IssuedAction && e.EntityId == id && e.Actor == UponApp.EmailFor(Roles.Coach)));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == CoachCalendarFeed.RevokedAction && e.EntityId == id));
            var profile = await db.CoachProfiles.AsNoTracking().SingleAsync(c => c.Id == coachId);
            Assert.Null(profile.CalendarTokenHash);
        });

        // Only coaches reach the page.
        foreach (var role in new[] { Roles.Participant, Roles.PartnerStaff, Roles.Funder })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(role).GetAsync("/coach/calendar")).StatusCode);
        }
    }
}

public sealed class CoachCalendarFeedTests_Sqlite(SqliteApp app) : CoachCalendarFeedTests(app), IClassFixture<SqliteApp>;

public sealed class CoachCalendarFeedTests_Postgres(PostgresApp app) : CoachCalendarFeedTests(app), IClassFixture<PostgresApp>;
