using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Coaching;
using Upon.Core.Register;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.DataProtection;
using Upon.Impact;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// The data map's periods for records of people who never became participants, or whose records outlive what they did:
/// on a fake clock, each is kept on the last day of its period and erased by the policy the day after; a dry run lists
/// it and changes nothing; someone still active (a participant, a coach in the pool, a reviewer given a cohort, an offer
/// still open, a draft in a cohort still open) is kept; and no figure changes.
/// </summary>
public abstract class RetentionRulesTests(UponApp app)
{
    /// <summary>One of each record the rules erase, and one of each that they must keep, with the dates the tests count from.</summary>
    private sealed record Seeded(
        string Tag, string Cohort, int WaitingParticipant, int WaitingBooking, Dictionary<string, int> Applications, int Reviewer, int BusyReviewer,
        int RetiredCoach, int PoolCoach, int Invitation, int ParticipantsInvitation, int Imported, int ParticipantsImport);

    private static readonly Instant March2026 = Instant.FromUtc(2026, 3, 1, 12, 0);

    private async Task<Seeded> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var strand = await SessionSeed.StrandAsync(app);
        // Ends at noon on 10 March 2027 (after the participant joined): the waiting participant's last programme activity.
        var session = await SessionSeed.SessionAsync(app, strand, 1, new LocalDateTime(2027, 3, 10, 10, 0));
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var authority = await db.Authorities.OrderBy(a => a.Code).FirstAsync();

            var waiting = new Participant { GivenName = "Waiting", FamilyName = $"List{tag}", Email = $"waiting.{tag}@example.org", CreatedAt = now };
            var live = new Participant { GivenName = "Still", FamilyName = $"Here{tag}", Email = $"here.{tag}@example.org", CreatedAt = now };
            var coachee = new Participant { GivenName = "Coached", FamilyName = $"Once{tag}", Email = $"coachee.{tag}@example.org", CreatedAt = now };
            db.Participants.AddRange(waiting, live, coachee);
            await db.SaveChangesAsync();
            var booking = new Booking { SessionId = session.Id, ParticipantId = waiting.Id, Status = BookingStatus.Waitlisted, Queue = 1, RequestedAt = now };
            db.Bookings.Add(booking);

            // Applications: all but the controls were last acted on at noon on 1 March 2026.
            var closed = new AspirantCohort { Name = $"RR-{tag}", Places = 1, CreatedAt = Instant.FromUtc(2025, 11, 1, 12, 0), ClosesAt = Instant.FromUtc(2026, 2, 1, 12, 0) };
            var open = new AspirantCohort { Name = $"RO-{tag}", Places = 1, CreatedAt = March2026, ClosesAt = Instant.FromUtc(2029, 1, 1, 12, 0) };
            db.AspirantCohorts.AddRange(closed, open);
            await db.SaveChangesAsync();
            var december = Instant.FromUtc(2025, 12, 1, 12, 0);
            AspirantApplication Application(string name, AspirantCohort cohort, Action<AspirantApplication> set)
            {
                var application = new AspirantApplication
                {
                    CohortId = cohort.Id, ApplicationId = $"RR-{tag}-{name}", Email = $"{name}.{tag}@applicant.test", GivenName = $"Applicant{tag}", FamilyName = name,
                    RoleTitle = "Assistant Director", Status = ApplicationStatus.Submitted, CreatedAt = March2026,
                };
                set(application);
                return application;
            }
            var applications = new Dictionary<string, AspirantApplication>
            {
                ["declined"] = Application("declined", closed, a => (a.CreatedAt, a.SubmittedAt, a.Outcome, a.Offer, a.OfferedAt, a.OfferRespondedAt) = (december, december, SelectionOutcome.Selected, OfferStatus.Declined, december, March2026)),
                ["lapsed"] = Application("lapsed", closed, a => (a.CreatedAt, a.SubmittedAt, a.Outcome, a.Offer, a.OfferedAt, a.OfferDeadline) = (december, december, SelectionOutcome.Waiting, OfferStatus.Expired, december, March2026)),
                ["withdrawn"] = Application("withdrawn", closed, a => (a.SubmittedAt, a.Outcome) = (March2026, SelectionOutcome.Withdrawn)),
                ["waiting"] = Application("waiting", closed, a => (a.SubmittedAt, a.Outcome, a.ConsiderNextYear) = (March2026, SelectionOutcome.Waiting, false)),
                ["draft"] = Application("draft", closed, a => a.Status = ApplicationStatus.Draft),
                // Kept: an offer still open (the expiry run has not come), a place taken up, a draft in a cohort still open.
                ["offered"] = Application("offered", closed, a => (a.CreatedAt, a.SubmittedAt, a.Outcome, a.Offer, a.OfferedAt, a.OfferDeadline) = (december, december, SelectionOutcome.Selected, OfferStatus.Offered, december, March2026)),
                ["accepted"] = Application("accepted", closed, a => (a.Email, a.CreatedAt, a.SubmittedAt, a.Outcome, a.Offer, a.OfferedAt, a.OfferRespondedAt, a.ParticipantId) = (live.Email, december, december, SelectionOutcome.Selected, OfferStatus.Accepted, december, March2026, live.Id)),
                ["open draft"] = Application("open-draft", open, a => a.Status = ApplicationStatus.Draft),
            };
            db.AspirantApplications.AddRange(applications.Values);
            // On the imported list of BALI graduates without saying so on the application: the equality figures count the
            // declined applicant as a graduate by address, which the rule then replaces.
            db.BaliGraduates.Add(new EqualityBaliGraduate { Email = applications["declined"].Email, GivenName = "Applicant", FamilyName = "Declined", CohortYear = 2020, Source = "import", RecordedAt = now });

            // Reviewers: one whose last review was submitted at noon on 10 April 2026; one given this year's cohort since.
            var reviewer = new AspirantReviewer { Email = $"reviewer.{tag}@reviewer.test", GivenName = "Past", FamilyName = $"Reviewer{tag}", CreatedAt = March2026 };
            var busy = new AspirantReviewer { Email = $"busy.{tag}@reviewer.test", GivenName = "Busy", FamilyName = $"Reviewer{tag}", CreatedAt = March2026 };
            db.AspirantReviewers.AddRange(reviewer, busy);
            await db.SaveChangesAsync();
            db.CohortReviewers.AddRange(
                new CohortReviewer { CohortId = closed.Id, ReviewerId = reviewer.Id, GrantedAt = March2026 },
                new CohortReviewer { CohortId = open.Id, ReviewerId = busy.Id, GrantedAt = Instant.FromUtc(2031, 1, 1, 12, 0) });
            db.AspirantReviews.Add(new AspirantReview
            {
                ApplicationId = applications["declined"].Id, ReviewerId = reviewer.Id, Status = ReviewStatus.Submitted,
                AssignedAt = Instant.FromUtc(2026, 3, 5, 12, 0), SubmittedAt = Instant.FromUtc(2026, 4, 10, 11, 0),
            });

            // Coaches: a retired one whose last relationship, in a published round, ended on 31 March 2027; one still in the pool.
            var round = new MatchingRound { Name = $"Round {tag}", CreatedAt = March2026, Status = RoundStatus.Published, PublishedAt = March2026 };
            var retired = new CoachProfile { Email = $"retired.{tag}@coach.test", GivenName = "Retired", FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = March2026, Status = CoachStatus.Retired };
            retired.Consents.Add(new CoachConsent { Characteristic = "global-majority", GivenOn = new LocalDate(2026, 3, 1) });
            var pool = new CoachProfile { Email = $"pool.{tag}@coach.test", GivenName = "Pool", FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = March2026 };
            db.AddRange(round, retired, pool);
            await db.SaveChangesAsync();
            var request = new CoachingRequest { RoundId = round.Id, ParticipantId = coachee.Id, Must = "global-majority", CreatedAt = March2026 };
            db.CoachingRequests.Add(request);
            await db.SaveChangesAsync();
            db.RoundProposals.Add(new RoundProposal { RoundId = round.Id, RequestId = request.Id, CoachId = retired.Id, Score = 10, Reasons = "shares what they must have: global majority" });
            foreach (var coach in new[] { retired, pool })
            {
                db.CoachingRelationships.Add(new CoachingRelationship
                {
                    RoundId = round.Id, CoachId = coach.Id, ParticipantId = coachee.Id, StartsOn = new LocalDate(2026, 4, 1), EndsOn = new LocalDate(2027, 3, 31),
                    EntitledSessions = 6, EntitledMinutes = 540, Status = RelationshipStatus.Completed,
                });
            }

            // New directors in the register: one invited, who declined (the link lapsed on 2 February 2026); one imported,
            // who accepted on 10 February 2026; and the same for someone who is a participant now.
            var invited = new Person { PersonId = $"RR-{tag}-invited", GivenName = "Invited", FamilyName = $"Never{tag}", Email = $"invited.{tag}@la.test" };
            var importedPerson = new Person { PersonId = $"RR-{tag}-imported", GivenName = "Imported", FamilyName = $"Past{tag}", Email = $"imported.{tag}@la.test" };
            var livePerson = new Person { PersonId = $"RR-{tag}-live", GivenName = live.GivenName, FamilyName = live.FamilyName, Email = live.Email };
            db.People.AddRange(invited, importedPerson, livePerson);
            await db.SaveChangesAsync();
            live.PersonKey = livePerson.Id;
            var start = new LocalDate(2026, 1, 5);
            foreach (var person in new[] { invited, importedPerson, livePerson })
            {
                db.Appointments.Add(new Appointment { AuthorityCode = authority.Code, PersonKey = person.Id, StartDate = start, Type = AppointmentType.Permanent, RecordedOn = start });
            }
            DirectorInvitation Invitation(Person person) => new()
            {
                PersonKey = person.Id, AuthorityCode = authority.Code, StartDate = start, RecordedOn = start, SendOn = start, DueBy = start.PlusDays(14), SentOn = start,
                SentAt = Instant.FromUtc(2026, 1, 5, 9, 0), Sends = 1, Status = InvitationStatus.Declined, Email = person.Email, TokenHash = $"hash-{tag}-{person.Id}",
                ExpiresAt = Instant.FromUtc(2026, 2, 2, 9, 0), AnsweredAt = Instant.FromUtc(2026, 1, 20, 9, 0), AnsweredOn = new LocalDate(2026, 1, 20),
                DeclineReason = $"{person.GivenName} has no time", CreatedAt = Instant.FromUtc(2026, 1, 5, 8, 0),
            };
            var invitation = Invitation(invited);
            var participantsInvitation = Invitation(livePerson);
            var imported = new ImportedEnrolment { PersonKey = importedPerson.Id, Email = importedPerson.Email!, AcceptedOn = new LocalDate(2026, 2, 10), ImportedAt = now };
            var participantsImport = new ImportedEnrolment { PersonKey = livePerson.Id, Email = live.Email, AcceptedOn = new LocalDate(2026, 2, 10), ImportedAt = now };
            db.AddRange(invitation, participantsInvitation, imported, participantsImport);
            await db.SaveChangesAsync();
            return new Seeded(tag, closed.Name, waiting.Id, booking.Id, applications.ToDictionary(a => a.Key, a => a.Value.Id), reviewer.Id, busy.Id,
                retired.Id, pool.Id, invitation.Id, participantsInvitation.Id, imported.Id, participantsImport.Id);
        });
    }

    private Task<RetentionReport> RunAsync(LocalDate asOf, bool dryRun = false) =>
        app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync(asOf, dryRun));

    private static bool IsErased(string? email) => email is null || email.EndsWith("@erased.invalid", StringComparison.Ordinal);

    /// <summary>
    /// Runs for real on the last day kept (the rows stay), dry on the first day due (listed under the rule; the rows
    /// stay), then for real on it (the rows erased); <paramref name="erased"/> reads whether each row is erased now.
    /// </summary>
    private async Task KeptThenErasedAsync(LocalDate lastKept, string rule, Func<Task<IReadOnlyList<bool>>> erased)
    {
        await RunAsync(lastKept);
        Assert.All(await erased(), Assert.False);

        var dry = await RunAsync(lastKept.PlusDays(1), dryRun: true);
        Assert.Contains(dry.Due, d => d.StartsWith(rule + ": ", StringComparison.Ordinal));
        Assert.Empty(dry.Done);
        Assert.All(await erased(), Assert.False);

        var run = await RunAsync(lastKept.PlusDays(1));
        Assert.Contains(run.Done, d => d.StartsWith(rule + ": ", StringComparison.Ordinal));
        Assert.All(await erased(), Assert.True);
    }

    [SkippableFact]
    public async Task AWaitingListPlace_GoesWithItsPerson_SixYearsAfterItsSessionEnded()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();

        await KeptThenErasedAsync(new LocalDate(2033, 3, 10), "Participants with no activity", async () =>
            [await app.WithScopeAsync(async s => IsErased((await s.GetRequiredService<UponDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == seeded.WaitingParticipant)).Email))]);

        await app.WithDbAsync(async db =>
        {
            // The place stays, without a name, for the figures.
            var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == seeded.WaitingBooking);
            Assert.Equal(BookingStatus.Waitlisted, booking.Status);
            Assert.Null(booking.RequestedByUserId);
            Assert.StartsWith("Erased ", (await db.Participants.AsNoTracking().SingleAsync(p => p.Id == seeded.WaitingParticipant)).GivenName, StringComparison.Ordinal);
        });
    }

    [SkippableFact]
    public async Task ApplicationsNotTakenUp_AreErasedTwoYearsOn_ButNotAnOpenOfferAPlaceTakenOrAnOpenCohortsDraft()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        string[] due = ["declined", "lapsed", "withdrawn", "waiting", "draft"];
        async Task<Dictionary<string, bool>> ErasedAsync() => await app.WithScopeAsync(async s =>
        {
            var ids = seeded.Applications.Values.ToList();
            var rows = await s.GetRequiredService<UponDbContext>().AspirantApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
            return seeded.Applications.ToDictionary(a => a.Key, a => IsErased(rows.Single(r => r.Id == a.Value).Email));
        });

        await KeptThenErasedAsync(new LocalDate(2028, 3, 1), "Applications not taken up", async () =>
        {
            var erased = await ErasedAsync();
            return [.. due.Select(n => erased[n])];
        });

        var erased = await ErasedAsync();
        Assert.Equal(due.Order(), erased.Where(e => e.Value).Select(e => e.Key).Order());
        await app.WithDbAsync(async db =>
        {
            var declined = await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == seeded.Applications["declined"]);
            Assert.StartsWith("Erased ", declined.GivenName, StringComparison.Ordinal);
            Assert.True(string.IsNullOrEmpty(declined.RoleTitle));
            Assert.Equal(OfferStatus.Declined, declined.Offer);
        });
    }

    [SkippableFact]
    public async Task AReviewer_IsErasedSixYearsAfterTheirLastReview_ButNotOneGivenACohortSince()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();

        await KeptThenErasedAsync(new LocalDate(2032, 4, 10), "Reviewers who no longer review", async () =>
            [await app.WithScopeAsync(async s => IsErased((await s.GetRequiredService<UponDbContext>().AspirantReviewers.AsNoTracking().SingleAsync(r => r.Id == seeded.Reviewer)).Email))]);

        await app.WithDbAsync(async db =>
        {
            var reviewer = await db.AspirantReviewers.AsNoTracking().SingleAsync(r => r.Id == seeded.Reviewer);
            Assert.StartsWith("Erased ", reviewer.GivenName, StringComparison.Ordinal);
            // Their review stays for the selection record; the reviewer given a cohort in 2031 stays.
            Assert.Equal(1, await db.AspirantReviews.CountAsync(r => r.ReviewerId == seeded.Reviewer));
            Assert.False(IsErased((await db.AspirantReviewers.AsNoTracking().SingleAsync(r => r.Id == seeded.BusyReviewer)).Email));
        });
    }

    [SkippableFact]
    public async Task ARetiredCoach_IsErasedSixYearsAfterTheirLastRelationship_ButNotACoachInThePool()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();

        await KeptThenErasedAsync(new LocalDate(2033, 3, 31), "Coaches who left the pool", async () =>
            [await app.WithScopeAsync(async s => IsErased((await s.GetRequiredService<UponDbContext>().CoachProfiles.AsNoTracking().SingleAsync(c => c.Id == seeded.RetiredCoach)).Email))]);

        await app.WithDbAsync(async db =>
        {
            Assert.StartsWith("Erased ", (await db.CoachProfiles.AsNoTracking().SingleAsync(c => c.Id == seeded.RetiredCoach)).GivenName, StringComparison.Ordinal);
            Assert.Equal(0, await db.CoachConsents.CountAsync(c => c.CoachId == seeded.RetiredCoach));
            Assert.Equal(1, await db.CoachingRelationships.CountAsync(r => r.CoachId == seeded.RetiredCoach));
            Assert.False(IsErased((await db.CoachProfiles.AsNoTracking().SingleAsync(c => c.Id == seeded.PoolCoach)).Email));
        });
    }

    [SkippableFact]
    public async Task AnInvitationNeverTakenUp_IsErasedSixYearsAfterItsLastStep_ButNotAParticipants()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();

        await KeptThenErasedAsync(new LocalDate(2032, 2, 2), "Invitations never taken up", async () =>
            [await app.WithScopeAsync(async s => (await s.GetRequiredService<UponDbContext>().DirectorInvitations.AsNoTracking().SingleAsync(i => i.Id == seeded.Invitation)).Email is null)]);

        await app.WithDbAsync(async db =>
        {
            var invitation = await db.DirectorInvitations.AsNoTracking().SingleAsync(i => i.Id == seeded.Invitation);
            Assert.Null(invitation.DeclineReason);
            Assert.Null(invitation.TokenHash);
            Assert.Equal(InvitationStatus.Declined, invitation.Status);
            Assert.NotNull((await db.DirectorInvitations.AsNoTracking().SingleAsync(i => i.Id == seeded.ParticipantsInvitation)).Email);
        });
    }

    [SkippableFact]
    public async Task AnImportedEnrolment_IsErasedSixYearsAfterItWasAccepted_ButNotAParticipants()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();

        await KeptThenErasedAsync(new LocalDate(2032, 2, 10), "Imported past enrolments", async () =>
            [await app.WithScopeAsync(async s => IsErased((await s.GetRequiredService<UponDbContext>().ImportedEnrolments.AsNoTracking().SingleAsync(e => e.Id == seeded.Imported)).Email))]);

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(new LocalDate(2026, 2, 10), (await db.ImportedEnrolments.AsNoTracking().SingleAsync(e => e.Id == seeded.Imported)).AcceptedOn);
            Assert.False(IsErased((await db.ImportedEnrolments.AsNoTracking().SingleAsync(e => e.Id == seeded.ParticipantsImport)).Email));
        });
    }

    [SkippableFact]
    public async Task TheRules_ChangeNoFigure()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var before = await ReportFigures.AllAsync(app, seeded.Cohort);

        var run = await RunAsync(new LocalDate(2034, 1, 1));
        foreach (var rule in new[] { "Applications not taken up", "Reviewers who no longer review", "Coaches who left the pool", "Invitations never taken up", "Imported past enrolments" })
        {
            Assert.Contains(run.Done, d => d.StartsWith(rule + ": ", StringComparison.Ordinal));
        }

        ReportFigures.AssertSame(before, await ReportFigures.AllAsync(app, seeded.Cohort));
        await app.WithDbAsync(async db =>
        {
            Assert.True(IsErased((await db.CoachProfiles.AsNoTracking().SingleAsync(c => c.Id == seeded.RetiredCoach)).Email));
            Assert.True(IsErased((await db.AspirantReviewers.AsNoTracking().SingleAsync(r => r.Id == seeded.Reviewer)).Email));
            Assert.True(IsErased((await db.ImportedEnrolments.AsNoTracking().SingleAsync(e => e.Id == seeded.Imported)).Email));
            Assert.Null((await db.DirectorInvitations.AsNoTracking().SingleAsync(i => i.Id == seeded.Invitation)).Email);
        });
    }
}

public sealed class RetentionRulesTests_Sqlite(SqliteApp app) : RetentionRulesTests(app), IClassFixture<SqliteApp>;

public sealed class RetentionRulesTests_Postgres(PostgresApp app) : RetentionRulesTests(app), IClassFixture<PostgresApp>;
