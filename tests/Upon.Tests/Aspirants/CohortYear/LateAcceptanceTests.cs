using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Aspirants.CohortYear;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants.CohortYear;

/// <summary>
/// Accepting late, through the real host with a fake clock: only the taught days not yet started are booked and the
/// staff pages say how many were missed, the minimum to complete is not lowered; when the learning sets are published,
/// the late acceptor joins the smallest set that keeps the rules (else the smallest, with a warning for staff), is booked
/// on its meetings to come, emailed their set, and it is audited.
/// </summary>
public abstract class LateAcceptanceTests(UponApp app)
{
    // The clock stands at 25 November 2026 12:00 (London): the first three taught days have started, today's included.
    private static readonly LocalDate[] TaughtDays =
    [
        new(2026, 10, 6), new(2026, 11, 10), new(2026, 11, 25), new(2026, 12, 8), new(2027, 1, 12), new(2027, 2, 9), new(2027, 3, 9), new(2027, 4, 13),
    ];

    private sealed record Seeded(AspirantCohort Cohort, List<AspirantLearningSet> Sets, AspirantApplication First, AspirantApplication Second, int PastMeeting, int NextMeeting);

    /// <summary>
    /// Sixteen who accepted in three published sets (six, five, five), each from their own authority; two more with an
    /// offer from the waiting list, both from the authority of someone in set 2. Set 3 has a meeting held and one to come.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var cohort = new AspirantCohort { Name = $"LA-{batch}", Places = 18, CreatedAt = now, DecisionsReleasedAt = now.Minus(Duration.FromDays(120)), CompletionMinTaughtDays = 6 };
            cohort.TaughtDays.AddRange(TaughtDays.Select(d => new AspirantTaughtDay { Date = d }));
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            var programme = await s.GetRequiredService<OfferResponse>().ProgrammeCohortAsync(cohort);
            await db.SaveChangesAsync();
            var authorities = await db.Authorities.OrderBy(a => a.Code).Select(a => a.Code).Take(16).ToListAsync();
            var published = now.Minus(Duration.FromDays(60));
            AspirantApplication Applicant(int i, string authority, bool accepted) => new()
            {
                CohortId = cohort.Id, ApplicationId = $"{batch}-{i}", Email = $"late{i}.{batch}@sets.test", GivenName = $"Given{i}", FamilyName = $"Late{batch}",
                AuthorityCode = authority, Status = ApplicationStatus.Submitted, CreatedAt = cohort.DecisionsReleasedAt!.Value, SubmittedAt = cohort.DecisionsReleasedAt,
                Outcome = SelectionOutcome.Selected, OfferedAt = accepted ? cohort.DecisionsReleasedAt : now.Minus(Duration.FromDays(2)),
                Offer = accepted ? OfferStatus.Accepted : OfferStatus.Offered, OfferRespondedAt = accepted ? published.Minus(Duration.FromDays(10)) : null,
                OfferDeadline = accepted ? null : now.Plus(Duration.FromDays(12)),
            };
            var members = Enumerable.Range(0, 16).Select(i => Applicant(i, authorities[i], accepted: true)).ToList();
            var first = Applicant(16, authorities[7], accepted: false);
            var second = Applicant(17, authorities[7], accepted: false);
            db.AspirantApplications.AddRange([.. members, first, second]);
            await db.SaveChangesAsync();
            int[][] split = [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]];
            var sets = split.Select((ids, n) => new AspirantLearningSet
            {
                CohortId = cohort.Id, Number = n + 1, CreatedAt = published, PublishedAt = published,
                Members = [.. ids.Select(i => new AspirantLearningSetMember { ApplicationId = members[i].Id })],
            }).ToList();
            db.AspirantLearningSets.AddRange(sets);
            await db.SaveChangesAsync();
            async Task<int> Meeting(LocalDateTime start)
            {
                var session = new Session
                {
                    Uid = SessionSchedule.NewUid(), Title = $"Set 3, {cohort.Name}", Type = SessionType.ActionLearningSet, StrandId = programme.StrandId, CohortId = programme.Id,
                    Capacity = 5, Status = SessionStatus.Scheduled, CreatedAt = now, UpdatedAt = now, VideoLink = "https://meet.example.org/set-3",
                };
                SessionSchedule.SetTimes(session, start, start.PlusHours(2));
                db.Sessions.Add(session);
                await db.SaveChangesAsync();
                db.AspirantLearningSetMeetings.Add(new AspirantLearningSetMeeting { SetId = sets[2].Id, SessionId = session.Id });
                await db.SaveChangesAsync();
                return session.Id;
            }
            var past = await Meeting(new LocalDateTime(2026, 11, 20, 14, 0));
            var next = await Meeting(new LocalDateTime(2026, 12, 3, 14, 0));
            return new Seeded(cohort, sets, first, second, past, next);
        });
    }

    [SkippableFact]
    public async Task LateAcceptors_BookOnlyDaysToCome_JoinTheSmallestSetThatKeepsTheRules_ElseWarned()
    {
        app.RequireDatabase();
        app.Clock.Reset(UponApp.DefaultNow);
        try
        {
            var seeded = await SeedAsync();
            var first = await app.WithScopeAsync(s => s.GetRequiredService<OfferResponse>().AcceptAsync(seeded.First.Id));
            Assert.NotNull(first);
            Assert.Equal((5, 3), (first.Booked, first.AlreadyStarted));
            // Sets 2 and 3 are the smallest; set 2 has someone from their authority.
            Assert.Equal((3, true, 1), (first.LearningSet!.Set.Number, first.LearningSet.KeepsRules, first.LearningSet.MeetingsBooked));

            await app.WithDbAsync(async db =>
            {
                var participant = first.Participant.Id;
                var programme = (await db.AspirantCohorts.AsNoTracking().SingleAsync(c => c.Id == seeded.Cohort.Id)).ProgrammeCohortId;
                var booked = await db.Bookings.AsNoTracking().Where(b => b.ParticipantId == participant && b.Status == BookingStatus.Booked).Select(b => b.Session!).ToListAsync();
                Assert.Equal(TaughtDays[3..], booked.Where(x => x.Type == SessionType.TaughtDay).Select(x => x.Start.Date).Order());
                Assert.Equal(new[] { seeded.NextMeeting }, booked.Where(x => x.Type == SessionType.ActionLearningSet).Select(x => x.Id));
                Assert.Equal(6, (await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == seeded.NextMeeting)).Capacity);
                Assert.Equal(5, (await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == seeded.PastMeeting)).Capacity);
                Assert.True(await db.AspirantLearningSetMembers.AnyAsync(m => m.ApplicationId == seeded.First.Id && m.SetId == seeded.Sets[2].Id));
                Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == LateSetPlacement.AuditAction && e.EntityId == seeded.Sets[2].Id.ToString()));
                var mail = await db.OutboxMessages.AsNoTracking().Where(m => m.To == seeded.First.Email).ToListAsync();
                var place = Assert.Single(mail, m => m.Subject.StartsWith("Your place", StringComparison.Ordinal));
                Assert.Contains("You are booked on the 5 taught days still to come", place.TextBody, StringComparison.Ordinal);
                Assert.Contains("3 of the 8 taught days had already begun before you accepted", place.TextBody, StringComparison.Ordinal);
                var set = Assert.Single(mail, m => m.Subject.StartsWith("Your action learning set", StringComparison.Ordinal));
                Assert.Contains("You are in Action learning set 3", set.TextBody, StringComparison.Ordinal);
                Assert.Contains("- Given11 Late", set.TextBody, StringComparison.Ordinal);
                Assert.Contains("3 December 2026 at 14:00", set.TextBody, StringComparison.Ordinal);
                Assert.DoesNotContain("20 November 2026", set.TextBody, StringComparison.Ordinal);
            });

            // The second: every set is full or has someone from their authority: the smallest (set 2), with a warning.
            var second = await app.WithScopeAsync(s => s.GetRequiredService<OfferResponse>().AcceptAsync(seeded.Second.Id));
            Assert.Equal((2, false), (second!.LearningSet!.Set.Number, second.LearningSet.KeepsRules));
            var admin = app.CreateClient(Roles.Administrator);
            var sets = await admin.GetDocumentAsync($"/aspirants/{seeded.Cohort.Id}/learning-sets");
            var warning = sets.QuerySelector("#late-warnings")!.TextContent;
            Assert.Contains("Given17 Late", warning, StringComparison.Ordinal);
            Assert.Contains("was added to Action learning set 2, the smallest set, because no set could take them within the rules", warning, StringComparison.Ordinal);
            Assert.DoesNotContain("Given16", warning, StringComparison.Ordinal);
            Assert.Equal(2, sets.QuerySelectorAll("[data-field='joined-late']").Length);
            Assert.Contains("members from authority", sets.QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);

            // Staff see how many taught days each missed; the participant record says it too.
            var participants = await admin.GetDocumentAsync($"/aspirants/{seeded.Cohort.Id}/participants");
            Assert.Equal("joined late: 3 taught days before acceptance", participants.QuerySelector($"#participant-{seeded.First.Id} [data-field='joined-late']")!.TextContent.Trim());
            Assert.Null(participants.QuerySelector($"#participant-{seeded.Sets[0].Members[0].ApplicationId} [data-field='joined-late']"));
            Assert.NotNull(participants.QuerySelector("#late-rule"));
            Assert.Contains("joined late: 3 taught days before acceptance", (await admin.GetDocumentAsync($"/participants/{first.Participant.Id}")).QuerySelector("#programme-record")!.TextContent, StringComparison.Ordinal);

            // The minimum is not lowered: attending all five days they could still leaves them one short of six.
            await app.WithDbAsync(async db =>
            {
                foreach (var session in await db.Bookings.Where(b => b.ParticipantId == first.Participant.Id && b.Session!.Type == SessionType.TaughtDay).Select(b => b.Session!).ToListAsync())
                {
                    db.AttendanceRecords.Add(new AttendanceRecord { SessionId = session.Id, ParticipantId = first.Participant.Id, Mark = AttendanceMark.Present, Source = AttendanceSource.Register, RecordedAt = session.EndUtc, RecordedBy = "test" });
                }
                await db.SaveChangesAsync();
            });
            app.Clock.Reset(Instant.FromUtc(2027, 4, 20, 12, 0));
            await app.WithScopeAsync(s => s.GetRequiredService<OfferResponse>().RecordCompletionAsync());
            await app.WithDbAsync(async db => Assert.False((await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == seeded.First.Id)).Completed));
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }
    }

    [SkippableFact]
    public async Task BeforeTheSetsArePublished_ALateAcceptorJoinsNoSet_AndStaffAreToldToFormThemAgain()
    {
        app.RequireDatabase();
        app.Clock.Reset(UponApp.DefaultNow);
        var seeded = await SeedAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var set in await db.AspirantLearningSets.Where(x => x.CohortId == seeded.Cohort.Id).ToListAsync()) set.PublishedAt = null;
            await db.SaveChangesAsync();
        });
        var accepted = await app.WithScopeAsync(s => s.GetRequiredService<OfferResponse>().AcceptAsync(seeded.First.Id));
        Assert.Null(accepted!.LearningSet);
        await app.WithDbAsync(async db => Assert.False(await db.AspirantLearningSetMembers.AnyAsync(m => m.ApplicationId == seeded.First.Id)));
        var page = await app.CreateClient(Roles.Administrator).GetDocumentAsync($"/aspirants/{seeded.Cohort.Id}/learning-sets");
        Assert.Contains("1 person who accepted is in no set: form the sets again", page.QuerySelector("#unplaced")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class LateAcceptanceTests_Sqlite(SqliteApp app) : LateAcceptanceTests(app), IClassFixture<SqliteApp>;

public sealed class LateAcceptanceTests_Postgres(PostgresApp app) : LateAcceptanceTests(app), IClassFixture<PostgresApp>;
