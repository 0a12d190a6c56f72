using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Coaching;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;

namespace Upon.Tests.Coaching;

/// <summary>
/// Coaching sessions in the private calendar feeds, read back with a real iCalendar parser: the coachee's own and, for a
/// coach who is also a participant under the same email address, the ones they coach. The clock says 25 November 2026.
/// </summary>
public abstract class CoachingCalendarTests(UponApp app)
{
    private static Calendar Parse(string text) => Calendar.Load(text) ?? throw new InvalidOperationException("Not an iCalendar.");

    [SkippableFact]
    public async Task PrivateFeeds_HaveTheCoachingSessionsOfTheCoacheeAndTheCoach_AsWholeDays()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        var batch = Guid.NewGuid().ToString("N")[..6];
        var coachEmail = $"Cal-{batch}@Coach.Test";
        var (confirmed, pending, queried, old, coachAsParticipant) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var coach = new CoachProfile { Email = coachEmail.ToLowerInvariant(), GivenName = "Cal", FamilyName = $"Endar{batch}", Capacity = 2, OffersOnline = true };
            var relationship = new CoachingRelationship
            {
                Coach = coach, ParticipantId = me.Id, StartsOn = new LocalDate(2025, 12, 1), EndsOn = new LocalDate(2026, 11, 30), Status = RelationshipStatus.Active,
                EntitledSessions = 6, EntitledMinutes = 360,
                Sessions =
                [
                    new CoachingSessionLog { Date = new LocalDate(2026, 11, 10), Minutes = 60, Confirmation = SessionConfirmation.Confirmed },
                    new CoachingSessionLog { Date = new LocalDate(2026, 11, 20), Minutes = 90, InPerson = true },
                    new CoachingSessionLog { Date = new LocalDate(2026, 10, 1), Minutes = 60, Confirmation = SessionConfirmation.Queried, QueryReason = "Did not happen" },
                    new CoachingSessionLog { Date = new LocalDate(2026, 1, 5), Minutes = 60, Confirmation = SessionConfirmation.Confirmed },
                ],
            };
            db.CoachingRelationships.Add(relationship);
            // The coach is on the programme too, under the same email address written differently.
            var participant = new Participant { GivenName = "Cal", FamilyName = $"Endar{batch}", Email = coachEmail };
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            var ids = relationship.Sessions.Select(x => x.Id).ToArray();
            return (ids[0], ids[1], ids[2], ids[3], participant.Id);
        });

        var client = app.CreateClient(Roles.Participant);
        var made = await Html.ParseAsync(await client.PostFormAsync("/my/calendar", new Dictionary<string, string>(), "/my/calendar?handler=New"));
        var feed = Parse(await app.CreateAnonymousClient().GetStringAsync(new Uri(made.QuerySelector("#feed-url")!.TextContent.Trim()).PathAndQuery));

        var uids = feed.Events.Select(e => e.Uid).ToList();
        Assert.Contains(CoachingCalendarEntries.Uid(confirmed), uids);
        Assert.Contains(CoachingCalendarEntries.Uid(pending), uids);
        Assert.DoesNotContain(CoachingCalendarEntries.Uid(queried), uids); // queried: not a session that happened
        Assert.DoesNotContain(CoachingCalendarEntries.Uid(old), uids); // older than the feeds' 180 days
        var mine = feed.Events.Single(e => e.Uid == CoachingCalendarEntries.Uid(confirmed));
        Assert.Equal($"Coaching with Cal Endar{batch}", mine.Summary);
        Assert.False(mine.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 11, 10), mine.DtStart.Date);
        Assert.Equal(new DateOnly(2026, 11, 11), mine.DtEnd!.Date);
        Assert.Empty(mine.Alarms);
        Assert.Contains("60 minutes, online; confirmed by the coachee", mine.Description, StringComparison.Ordinal);

        var coachFeedPath = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var feeds = s.GetRequiredService<CalendarFeeds>();
            var secret = await feeds.NewPrivateFeedAsync(await db.Participants.SingleAsync(p => p.Id == coachAsParticipant));
            return CalendarFeeds.PrivateFeedPath(secret);
        });
        var coaching = Parse(await app.CreateAnonymousClient().GetStringAsync(new Uri(coachFeedPath, UriKind.Relative)));
        var theirs = coaching.Events.Single(e => e.Uid == CoachingCalendarEntries.Uid(pending));
        Assert.Equal($"Coaching {me.FullName}", theirs.Summary);
        Assert.Contains("90 minutes, in person; logged by the coach, not yet confirmed", theirs.Description, StringComparison.Ordinal);
        Assert.Equal(2, coaching.Events.Count(e => e.Uid?.StartsWith("coaching-session-", StringComparison.Ordinal) == true));
    }
}

public sealed class CoachingCalendarTests_Sqlite(SqliteApp app) : CoachingCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class CoachingCalendarTests_Postgres(PostgresApp app) : CoachingCalendarTests(app), IClassFixture<PostgresApp>;
