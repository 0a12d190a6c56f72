using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Aspirants;
using Upon.Aspirants.CohortYear;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.CohortYear;

/// <summary>
/// The action learning sets through the real host: staff form them with the solver, see their balance and any broken
/// rule, move a member (warned when a rule breaks), cannot publish broken sets, publish (audited), and add a meeting that
/// becomes a session only the set's members are booked on and see; a member sees their set from their home page.
/// </summary>
public abstract class LearningSetPagesTests(UponApp app)
{
    private sealed record Seeded(AspirantCohort Cohort, List<AspirantApplication> Applications, List<int> Participants);

    /// <summary>Twelve who accepted, each from a different authority and enrolled in the strand's cohort; the first is the test participant account.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var cohort = new AspirantCohort { Name = $"L-{batch}", Places = 12, CreatedAt = now, DecisionsReleasedAt = now };
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            var programme = await s.GetRequiredService<OfferResponse>().ProgrammeCohortAsync(cohort);
            await db.SaveChangesAsync();
            var authorities = await db.Authorities.OrderBy(a => a.Code).Select(a => a.Code).Take(12).ToListAsync();
            var user = await s.GetRequiredService<UserManager<UponUser>>().FindByEmailAsync(UponApp.EmailFor(Roles.Participant));
            var applications = new List<AspirantApplication>();
            var participants = new List<int>();
            for (var i = 0; i < 12; i++)
            {
                var participant = new Participant { GivenName = $"Member{i + 1}", FamilyName = $"Set{batch}", Email = $"m{i + 1}.{batch}@sets.test", CreatedAt = now, UserId = i == 0 ? user!.Id : null };
                participant.Enrolments.Add(new Enrolment { StrandId = programme.StrandId, CohortId = programme.Id, StartsOn = programme.StartsOn, EndsOn = programme.EndsOn, Status = EnrolmentStatus.Enrolled });
                db.Participants.Add(participant);
                await db.SaveChangesAsync();
                participants.Add(participant.Id);
                applications.Add(new AspirantApplication
                {
                    CohortId = cohort.Id, ApplicationId = $"{batch}-{i + 1}", Email = participant.Email, GivenName = participant.GivenName, FamilyName = participant.FamilyName,
                    AuthorityCode = authorities[i], Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = now,
                    Outcome = SelectionOutcome.Selected, Offer = OfferStatus.Accepted, OfferedAt = now, OfferRespondedAt = now, ParticipantId = participant.Id,
                });
            }
            db.AspirantApplications.AddRange(applications);
            await db.SaveChangesAsync();
            return new Seeded(cohort, applications, participants);
        });
    }

    [SkippableFact]
    public async Task FormAdjustPublish_ThenAMeetingOnlyItsMembersAreBookedOnAndSee()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient();
        var url = $"/aspirants/{seeded.Cohort.Id}/learning-sets";
        Assert.NotNull((await admin.GetDocumentAsync($"/aspirants/{seeded.Cohort.Id}")).QuerySelector($"a[href='{url}']"));
        Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(Roles.PartnerStaff).GetAsync(url)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Form")).StatusCode);
        var page = await admin.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector("#problems"));
        Assert.Equal(6, page.QuerySelectorAll("#members-1 tbody tr").Length);
        Assert.Equal(6, page.QuerySelectorAll("#members-2 tbody tr").Length);
        Assert.Contains("6 members from 6 employers", page.QuerySelector("#balance-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Balance: sex 0.0, global majority 0.0, kind of authority", page.QuerySelector("#balance-1")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AnyAsync(e => e.Action == "Formed learning sets" && e.EntityId == seeded.Cohort.Id.ToString())));

        // Moving someone from set 1 to set 2 breaks the sizes: a warning, and publishing is refused.
        var sets = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantLearningSets.AsNoTracking().Include(x => x.Members)
            .Where(x => x.CohortId == seeded.Cohort.Id).OrderBy(x => x.Number).ToListAsync());
        var moving = sets[0].Members[0].ApplicationId;
        var noSet = await Html.ParseAsync(await admin.PostFormAsync(url, new Dictionary<string, string> { ["ApplicationKey"] = moving.ToString() }, $"{url}?handler=Move"));
        Assert.Equal(["Select the set to move them to"], noSet.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string> { ["ApplicationKey"] = moving.ToString(), ["ToSet"] = "2" }, $"{url}?handler=Move")).StatusCode);
        var moved = await admin.GetDocumentAsync(url);
        Assert.Contains("Set 2 has 7 members: a set has five or six", moved.QuerySelector("#move-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Set 2 has 7 members", moved.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        var refused = await Html.ParseAsync(await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Publish"));
        Assert.Equal(["The sets cannot be published: Set 2 has 7 members: a set has five or six"], refused.ErrorSummary());
        await app.WithDbAsync(async db => Assert.False(await db.AspirantLearningSets.AnyAsync(x => x.CohortId == seeded.Cohort.Id && x.PublishedAt != null)));

        await admin.PostFormAsync(url, new Dictionary<string, string> { ["ApplicationKey"] = moving.ToString(), ["ToSet"] = "1" }, $"{url}?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Publish")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(2, await db.AspirantLearningSets.CountAsync(x => x.CohortId == seeded.Cohort.Id && x.PublishedAt != null));
            Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "Published learning sets" && e.EntityId == seeded.Cohort.Id.ToString()));
            // Each member is told their set, once.
            var told = await db.OutboxMessages.AsNoTracking().Where(m => m.To == seeded.Applications[0].Email).ToListAsync();
            var mail = Assert.Single(told, m => m.Subject.StartsWith("Your action learning set", StringComparison.Ordinal));
            Assert.Contains("/my/learning-set", mail.TextBody, StringComparison.Ordinal);
        });

        // A meeting of the set the test participant is in.
        var mine = sets.Single(x => x.Members.Any(m => m.ApplicationId == seeded.Applications[0].Id));
        var other = sets.Single(x => x.Id != mine.Id);
        var meetings = $"/aspirants/learning-sets/{mine.Id}/meetings";
        Assert.NotNull((await admin.GetDocumentAsync(url)).QuerySelector($"a[href='{meetings}']"));
        var empty = await Html.ParseAsync(await admin.PostFormAsync(meetings, new Dictionary<string, string> { ["StartTime"] = "", ["EndTime"] = "" }));
        Assert.Equal(["Enter a date of the meeting", "Enter the start time, like 13:00", "Enter the end time, like 15:30", "Enter the venue or a video link"], empty.ErrorSummary());
        var added = await admin.PostFormAsync(meetings, new Dictionary<string, string>
        {
            ["Date.day"] = "20", ["Date.month"] = "1", ["Date.year"] = "2027", ["StartTime"] = "13:00", ["EndTime"] = "15:30", ["Venue"] = "Room 4, 1 Example Street",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var sessionId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var meeting = await db.AspirantLearningSetMeetings.AsNoTracking().Include(m => m.Session).SingleAsync(m => m.SetId == mine.Id);
            Assert.Equal((SessionType.ActionLearningSet, new LocalDateTime(2027, 1, 20, 13, 0)), (meeting.Session!.Type, meeting.Session.Start));
            var booked = await db.Bookings.Where(b => b.SessionId == meeting.SessionId && b.Status == BookingStatus.Booked).Select(b => b.ParticipantId).OrderBy(p => p).ToListAsync();
            var members = await db.AspirantLearningSetMembers.Where(m => m.SetId == mine.Id).Select(m => m.Application!.ParticipantId!.Value).OrderBy(p => p).ToListAsync();
            Assert.Equal(members, booked);
            return meeting.SessionId;
        });

        // Someone of the other set is enrolled in the same cohort but neither sees the meeting nor can book it.
        var outsider = seeded.Participants[seeded.Applications.FindIndex(a => other.Members.Any(m => m.ApplicationId == a.Id))];
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var person = await db.Participants.Include(p => p.Enrolments).SingleAsync(p => p.Id == outsider);
            Assert.DoesNotContain((await s.GetRequiredService<ParticipantSessions>().UpcomingAsync(person)), x => x.Session.Id == sessionId);
            Assert.Null(await s.GetRequiredService<ParticipantSessions>().FindAsync(sessionId, person));
            Assert.Equal(BookingResult.NotOpen, (await s.GetRequiredService<BookingService>().BookAsync(sessionId, outsider, null, onBehalf: false)).Result);
            var member = await db.Participants.Include(p => p.Enrolments).SingleAsync(p => p.Id == seeded.Participants[0]);
            Assert.Contains((await s.GetRequiredService<ParticipantSessions>().UpcomingAsync(member)), x => x.Session.Id == sessionId);
            return 0;
        });

        // The member reaches their set from their home page.
        var participant = app.CreateClient(Roles.Participant);
        Assert.Equal("/my/learning-set", (await participant.GetDocumentAsync("/")).QuerySelector("#learning-set-link")!.GetAttribute("href"));
        var set = await participant.GetDocumentAsync("/my/learning-set");
        var names = set.QuerySelector($"#members-{mine.Number}")!.TextContent;
        Assert.Contains("Member1 Set", names, StringComparison.Ordinal);
        Assert.Equal(6, set.QuerySelectorAll($"#members-{mine.Number} li").Length);
        Assert.Equal($"/my/sessions/{sessionId}", set.QuerySelector($"#meetings-{mine.Number} a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/my/sessions/{sessionId}")).StatusCode);
    }
}

public sealed class LearningSetPagesTests_Sqlite(SqliteApp app) : LearningSetPagesTests(app), IClassFixture<SqliteApp>;

public sealed class LearningSetPagesTests_Postgres(PostgresApp app) : LearningSetPagesTests(app), IClassFixture<PostgresApp>;
