using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Aspirants;
using Upon.Audit;
using Upon.Coaching;
using Upon.Core.Register;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.DataProtection;
using Upon.Email;
using Upon.Feedback;
using Upon.Impact;
using Upon.NewDirectors;
using Upon.Participants;
using Upon.Register;
using Upon.SessionFeedback;
using Upon.Sessions;
using Upon.Shared.Privacy;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// A person with data in every feature: the subject access download holds each of their rows; erasure leaves no trace of
/// their name, email address or equality answer in any text column of any table while every figure stays the same; the
/// audit log keeps no special-category values and refuses any change but shredding; retention on a fake clock.
/// </summary>
public abstract class PersonalDataTests(UponApp app)
{
    private sealed record Canary(string Email, string GivenName, string FamilyName, string Ethnicity, Dictionary<string, string> Keys, int ParticipantId, string Cohort)
    {
        /// <summary>
        /// The equality answers no other row of the test database holds, as they are stored (the participant's and the
        /// applicant's detailed ethnic groups, the applicant's religion, sexual orientation, age band and how much a
        /// condition reduces their activities): after erasure none may be in any text column of any table.
        /// </summary>
        public static readonly string[] UniqueAnswers = ["white-roma", ApplicantEthnicity, nameof(Religion.Jewish), nameof(SexualOrientation.Bisexual), nameof(AgeBand.From40To49), nameof(ActivitiesReduced.ALittle)];

        public const string ApplicantEthnicity = "asian-bangladeshi";

        /// <summary>What the canary asks for in a coach (a participant's wishes), and what they consented to be matched on (as a coach).</summary>
        public const string Wish = "women-leaders", Consent = "global-majority";
    }

    /// <summary>Made-up names no other test uses, and one of each row a feature holds about a person.</summary>
    private async Task<Canary> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var given = $"Zebedee{tag}";
        var family = $"Quillfeather{tag}";
        var email = $"zq.{tag}@example.org";
        var strand = await SessionSeed.StrandAsync(app);
        var past = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 10, 1, 10, 0));
        var other = await SessionSeed.SessionAsync(app, strand, 10, new LocalDateTime(2026, 10, 8, 10, 0));
        var keys = new Dictionary<string, string>();
        var participantId = 0;
        var cohortName = "";
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var user = await s.GetRequiredService<AccountService>().CreateWithPasswordAsync(email, Roles.Participant, UponApp.Password, $"{given} {family}");
            keys["AspNetUsers"] = user.Id;
            var authority = await db.Authorities.OrderBy(a => a.Code).FirstAsync();
            var person = new Person { PersonId = $"canary-{tag}", GivenName = given, FamilyName = family, Email = email };
            db.People.Add(person);
            await db.SaveChangesAsync();
            var appointment = new Appointment { AuthorityCode = authority.Code, PersonKey = person.Id, StartDate = new LocalDate(2001, 1, 1), EndDate = new LocalDate(2001, 1, 31), Type = AppointmentType.Interim, LeavingReason = LeavingReason.EndOfInterim, Unplanned = false, RecordedOn = new LocalDate(2001, 1, 1) };
            db.Appointments.Add(appointment);
            var participant = new Participant { GivenName = given, FamilyName = family, Email = email, UserId = user.Id, PersonKey = person.Id, CreatedAt = now };
            participant.Enrolments.Add(new Enrolment { StrandId = strand.Id, StartsOn = new LocalDate(2026, 1, 1) });
            db.Participants.Add(participant);
            await db.SaveChangesAsync();
            participantId = participant.Id;
            // A rename puts the old name into the audit log, as a real correction would.
            participant.FamilyName = family + "x";
            await db.SaveChangesAsync();
            participant.FamilyName = family;
            await db.SaveChangesAsync();
            db.Bookings.Add(new Booking { SessionId = past.Id, ParticipantId = participant.Id, Status = BookingStatus.Booked, RequestedAt = now, BookedAt = now });
            db.AttendanceRecords.Add(new AttendanceRecord { SessionId = past.Id, ParticipantId = participant.Id, Mark = AttendanceMark.Present, Source = AttendanceSource.Register, RecordedAt = now, RecordedBy = UponApp.EmailFor(Roles.Administrator) });
            db.Apologies.Add(new Apology { SessionId = other.Id, ParticipantId = participant.Id, Reason = $"{given} is at a conference", SentAt = now });
            db.DirectorInvitations.Add(new DirectorInvitation { PersonKey = person.Id, AppointmentId = appointment.Id, AuthorityCode = authority.Code, StartDate = appointment.StartDate, RecordedOn = appointment.StartDate, SendOn = appointment.StartDate, DueBy = appointment.StartDate.PlusDays(14), Status = InvitationStatus.Declined, Email = email, DeclineReason = $"{given} has no time", CreatedAt = now });
            // Coaching, in a published round whose wish figures count both: the canary's request (what they must have and would
            // like in a coach) matched to another coach, and the canary as a coach, with a consent, matched to someone else.
            var round = new MatchingRound { Name = $"Round {tag}", CreatedAt = now, Status = RoundStatus.Published, PublishedAt = now };
            db.MatchingRounds.Add(round);
            var otherCoach = new CoachProfile { Email = $"coach.{tag}@coach.test", GivenName = "Other", FamilyName = $"Coach{tag}", Capacity = 2, OffersOnline = true, CreatedAt = now };
            otherCoach.Consents.Add(new CoachConsent { Characteristic = Canary.Wish, GivenOn = new LocalDate(2026, 1, 1) });
            var canaryCoach = new CoachProfile { Email = email, GivenName = given, FamilyName = family, Capacity = 2, OffersOnline = true, CreatedAt = now };
            canaryCoach.Consents.Add(new CoachConsent { Characteristic = Canary.Consent, GivenOn = new LocalDate(2026, 1, 1) });
            var coachee = new Participant { GivenName = "Other", FamilyName = $"Coachee{tag}", Email = $"coachee.{tag}@example.org", CreatedAt = now };
            db.AddRange(otherCoach, canaryCoach, coachee);
            await db.SaveChangesAsync();
            var canaryRequest = new CoachingRequest { RoundId = round.Id, ParticipantId = participant.Id, Must = Canary.Wish, WouldLike = Canary.Consent, CreatedAt = now };
            var coacheeRequest = new CoachingRequest { RoundId = round.Id, ParticipantId = coachee.Id, Must = Canary.Consent, WouldLike = Canary.Wish, CreatedAt = now };
            db.CoachingRequests.AddRange(canaryRequest, coacheeRequest);
            await db.SaveChangesAsync();
            db.RoundProposals.Add(new RoundProposal { RoundId = round.Id, RequestId = canaryRequest.Id, CoachId = otherCoach.Id, Score = 10, Reasons = "shares what they must have: women leaders" });
            db.RoundProposals.Add(new RoundProposal { RoundId = round.Id, RequestId = coacheeRequest.Id, CoachId = canaryCoach.Id, Score = 10, Reasons = "shares what they must have: global majority" });
            keys["coaching_requests"] = canaryRequest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys["coachee_request"] = coacheeRequest.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys["coach_profiles"] = canaryCoach.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            db.ProblemReports.Add(new ProblemReport { Reference = $"P{tag}", Name = $"{given} {family}", Email = email, Message = $"Please help, {given} {family} here", ReceivedAt = now, UpdatedAt = now });
            db.OutboxMessages.Add(new OutboxMessage { To = email, Subject = "Your booking", TextBody = $"Dear {given}, you are booked.", CreatedAt = now, NextAttemptAt = now });
            // Someone else's email that names the person: the sweep finds it.
            db.OutboxMessages.Add(new OutboxMessage { To = UponApp.EmailFor(Roles.Administrator), Subject = "A booking", TextBody = $"{given} {family} ({email}) booked a place.", CreatedAt = now, NextAttemptAt = now });
            db.SubjectRequests.Add(new SubjectRequest { Email = email, Kind = SubjectRequestKind.Access, ReceivedOn = new LocalDate(2026, 11, 20), DueOn = new LocalDate(2026, 12, 20), RecordedAt = now, RecordedBy = "admin" });
            await db.SaveChangesAsync();
            keys["participants"] = participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys["people"] = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys["appointments"] = appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await s.GetRequiredService<EqualityRecords>().SaveAsync(participant.Id, "white-roma", Sex.Female, Disability.Yes);

            // Session feedback: asked about the session they attended, answered (the answer itself is anonymous); and someone's
            // anonymous comment that names them, which the sweep finds.
            db.FeedbackRequests.Add(new FeedbackRequest { SessionId = past.Id, ParticipantId = participant.Id, RequestedOn = new LocalDate(2026, 10, 2), ClosesOn = new LocalDate(2026, 10, 16), RemindersSent = 1, LastRemindedOn = new LocalDate(2026, 10, 5), Answered = true });
            await FeedbackForms.EnsureStandardFormAsync(db);
            var form = await db.FeedbackForms.Include(f => f.Questions).FirstAsync(f => f.StrandId == null && f.SessionType == null);
            db.FeedbackResponses.Add(new FeedbackResponse
            {
                Id = Guid.NewGuid(), SessionId = past.Id, FormId = form.Id,
                Answers = [new FeedbackAnswer { Id = Guid.NewGuid(), QuestionId = form.Questions.First(q => q.Kind == Upon.Core.SessionFeedback.FeedbackQuestionKind.Text).Id, Text = $"{given} {family} ran a great table" }],
            });
            // Impact: a BALI graduate, and a New Directors enrolment imported for the retention evaluation.
            db.BaliGraduates.Add(new EqualityBaliGraduate { Email = email, GivenName = given, FamilyName = family, CohortYear = 2019, Source = "import", RecordedAt = now });
            db.ImportedEnrolments.Add(new ImportedEnrolment { PersonKey = person.Id, Email = email, AcceptedOn = new LocalDate(2001, 1, 10), ImportedAt = now });
            // Aspirant Directors: an application not selected, with an answer, an endorsement, equality monitoring and a review with a score.
            cohortName = $"P-{tag}";
            var cohort = new AspirantCohort { Name = cohortName, Places = 1, CreatedAt = now };
            cohort.Criteria.Add(new AspirantCriterion { Name = "Leadership", Weight = 1, Order = 1 });
            var question = new AspirantQuestion { Text = "Why now?", WordLimit = 300, Order = 1 };
            cohort.Questions.Add(question);
            db.AspirantCohorts.Add(cohort);
            var reviewer = new AspirantReviewer { Email = $"reviewer.{tag}@review.test", GivenName = "Rev", FamilyName = tag, CreatedAt = now };
            db.AspirantReviewers.Add(reviewer);
            await db.SaveChangesAsync();
            var application = new AspirantApplication
            {
                CohortId = cohort.Id, ApplicationId = $"P-{tag}-1", Email = email, GivenName = given, FamilyName = family, AuthorityCode = authority.Code,
                RoleTitle = "Assistant Director", YearsSenior = 5, TiersBelowDcs = 1, EndorserName = "Dr Dee Endorser", EndorserEmail = $"dcs.{tag}@example.org",
                BaliGraduate = true, Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = now, Outcome = SelectionOutcome.NotSelected, ConsiderNextYear = true,
            };
            application.Answers.Add(new AspirantAnswer { QuestionId = question.Id, Text = $"I am {given} {family} and I lead early help." });
            application.Endorsement = new AspirantEndorsement { Endorsed = true, Statement = $"{given} is ready.", RequestedAt = now, RespondedAt = now };
            db.AspirantApplications.Add(application);
            await db.SaveChangesAsync();
            // Every equality monitoring question answered, as the applicant's own form saves them.
            await s.GetRequiredService<Upon.Aspirants.Apply.EqualityMonitoringForm>().SaveAsync(application, new AspirantEqualityMonitoring
            {
                EthnicityCode = Canary.ApplicantEthnicity, Sex = MonitoringSex.Female, GenderSameAsAtBirth = YesNoPreferNot.PreferNotToSay, SexualOrientation = SexualOrientation.Bisexual,
                LongTermCondition = YesNoPreferNot.Yes, ActivitiesReduced = ActivitiesReduced.ALittle, Religion = Religion.Jewish, AgeBand = AgeBand.From40To49,
            });
            var review = new AspirantReview { ApplicationId = application.Id, ReviewerId = reviewer.Id, Status = ReviewStatus.Submitted, AssignedAt = now, SubmittedAt = now };
            review.Scores.Add(new AspirantScore { CriterionId = cohort.Criteria[0].Id, Score = 4, Comment = $"{given} writes well" });
            db.AspirantReviews.Add(review);
            await db.SaveChangesAsync();
            keys["aspirant_applications"] = application.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return true;
        });
        return new Canary(email, given, family, "white-roma", keys, participantId, cohortName);
    }

    private static readonly string[] EveryFeaturesTables =
    [
        "AspNetUsers", "AspNetUserRoles", "people", "appointments", "participants", "enrolments", "bookings", "apologies", "attendance_records",
        "equality_information", "director_invitations", "coaching_requests", "problem_reports", "outbox_messages", "subject_requests",
        "feedback_requests", "bali_graduates", "imported_enrolments", "aspirant_applications", "aspirant_answers", "aspirant_endorsements",
        "aspirant_equality_monitoring", "aspirant_reviews", "aspirant_scores", "coach_profiles", "coach_consents", "round_proposals",
    ];

    [SkippableFact]
    public async Task TheDownload_HoldsEveryRowAboutThePerson_ByCategory_WithASummary()
    {
        app.RequireDatabase();
        var canary = await SeedAsync();
        using var zip = await app.DownloadAsync(canary.Email);
        await CleanUpAsync(canary);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var file in new[] { "summary.txt", "identity.json", "contact.json", "special-category.json", "programme-record.json", "audit.json" })
        {
            Assert.Contains(file, names);
        }
        foreach (var table in EveryFeaturesTables)
        {
            Assert.True(names.Contains($"csv/{table}.csv"), $"The download has no rows of {table}.");
        }
        Assert.Contains(canary.GivenName, zip.Read("csv/aspirant_applications.csv"));
        Assert.Contains(canary.Keys["aspirant_applications"], zip.Read("csv/aspirant_applications.csv"));
        Assert.Contains(canary.GivenName, zip.Read("csv/bali_graduates.csv"));
        Assert.Contains("2001-01-10", zip.Read("csv/imported_enrolments.csv"));
        Assert.Contains("writes well", zip.Read("csv/aspirant_scores.csv"));
        var special = zip.Read("special-category.json");
        Assert.Contains("aspirant_equality_monitoring", special);
        Assert.Contains("bali_graduates", special);
        Assert.Contains("feedback_requests", zip.Read("programme-record.json"));
        var participants = zip.Read("csv/participants.csv");
        Assert.Contains(canary.GivenName, participants);
        Assert.Contains(canary.Keys["participants"], participants);
        Assert.Contains(canary.Ethnicity, zip.Read("special-category.json"));
        Assert.DoesNotContain(canary.Ethnicity, zip.Read("identity.json"));
        Assert.DoesNotContain("PasswordHash", zip.Read("csv/AspNetUsers.csv"));
        var summary = zip.Read("summary.txt");
        Assert.Contains("Lawful basis", summary);
        Assert.Contains("Who receives it", summary);
        Assert.Contains("How long it is kept", summary);
        using var audit = JsonDocument.Parse(zip.Read("audit.json"));
        Assert.True(audit.RootElement.GetProperty("content").GetProperty("auditLog").GetProperty("aboutYourRecords").GetArrayLength() > 0);
    }

    [SkippableFact]
    public async Task Erasure_LeavesNoTraceInAnyTextColumnOfAnyTable_AndEveryFigureStaysTheSame()
    {
        app.RequireDatabase();
        var canary = await SeedAsync();
        var seeded = await TracesAsync(canary);
        foreach (var value in new[] { canary.GivenName, canary.Email }.Concat(Canary.UniqueAnswers))
        {
            Assert.True(seeded.Any(t => t.EndsWith($" holds {value}", StringComparison.Ordinal)), $"The search does not find {value} before the erasure:\n{string.Join('\n', seeded)}");
        }
        var before = await ReportFigures.AllAsync(app, canary.Cohort);
        Assert.Contains($"Round {canary.Cohort[2..]}", before["coaching"], StringComparison.Ordinal);

        var result = await app.WithScopeAsync(s => s.GetRequiredService<PersonalData>().EraseAsync(new DataSubject(canary.Email), "Test"));

        Assert.NotNull(result);
        var traces = await TracesAsync(canary);
        Assert.True(traces.Count == 0, "Traces left:\n" + string.Join('\n', traces));
        ReportFigures.AssertSame(before, await ReportFigures.AllAsync(app, canary.Cohort));
        await app.WithDbAsync(async db =>
        {
            var participant = await db.Participants.AsNoTracking().SingleAsync(p => p.Id == canary.ParticipantId);
            Assert.Equal($"Erased {result!.Pseudonym}", participant.GivenName);
            Assert.Null(participant.UserId);
            Assert.Equal(1, await db.AttendanceRecords.CountAsync(a => a.ParticipantId == canary.ParticipantId));
            Assert.Equal(1, await db.Appointments.CountAsync(a => a.PersonKey.ToString() == canary.Keys["people"]));
            // Equality answers stay only as the major group, sex and disability the figures count, on records that no longer name anyone.
            var equality = await db.EqualityInformation.AsNoTracking().SingleAsync(e => e.ParticipantId == canary.ParticipantId);
            Assert.Equal(("white", Sex.Female, Disability.Yes), (equality.EthnicityCode, equality.Sex, equality.Disability));
            var application = await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id.ToString() == canary.Keys["aspirant_applications"]);
            Assert.EndsWith("@erased.invalid", application.Email, StringComparison.Ordinal);
            Assert.Null(application.EndorserEmail);
            var monitoring = await db.AspirantEqualityMonitoring.AsNoTracking().SingleAsync(e => e.ApplicationKey == application.Id);
            Assert.Equal(("asian", false, MonitoringSex.Female, (YesNoPreferNot?)YesNoPreferNot.Yes), (monitoring.EthnicityCode, monitoring.EthnicityPreferNotToSay, monitoring.Sex, monitoring.Disabled));
            Assert.Equal(((AgeBand?)null, (YesNoPreferNot?)null, (SexualOrientation?)null, (Religion?)null, (YesNoPreferNot?)null, (ActivitiesReduced?)null),
                (monitoring.AgeBand, monitoring.GenderSameAsAtBirth, monitoring.SexualOrientation, monitoring.Religion, monitoring.LongTermCondition, monitoring.ActivitiesReduced));
            // Coaching: the canary's wishes are gone and only their counts stay; as a coach, their consents are gone, and the
            // request matched to them keeps its wishes (someone else's) with the counts the published round's figures used.
            var request = await db.CoachingRequests.AsNoTracking().SingleAsync(r => r.Id.ToString() == canary.Keys["coaching_requests"]);
            Assert.Equal(("", "", (int?)1, (int?)1, (int?)1, (int?)0), (request.Must, request.WouldLike, request.CountedMust, request.CountedMustMet, request.CountedWouldLike, request.CountedWouldLikeMet));
            var coachee = await db.CoachingRequests.AsNoTracking().SingleAsync(r => r.Id.ToString() == canary.Keys["coachee_request"]);
            Assert.Equal((Canary.Consent, (int?)1, (int?)1, (int?)1, (int?)0), (coachee.Must, coachee.CountedMust, coachee.CountedMustMet, coachee.CountedWouldLike, coachee.CountedWouldLikeMet));
            Assert.False(await db.CoachConsents.AnyAsync(c => c.CoachId.ToString() == canary.Keys["coach_profiles"]));
            Assert.Equal("", (await db.RoundProposals.AsNoTracking().SingleAsync(p => p.RequestId == request.Id)).Reasons);
            Assert.EndsWith("@erased.invalid", (await db.CoachProfiles.AsNoTracking().SingleAsync(c => c.Id.ToString() == canary.Keys["coach_profiles"])).Email, StringComparison.Ordinal);
            // The erased coach's profile stays for the figures but is never offered in a round again.
            var newRound = new MatchingRound { Name = $"After {result.Pseudonym}", CreatedAt = app.Clock.GetCurrentInstant() };
            db.MatchingRounds.Add(newRound);
            await db.SaveChangesAsync();
            var loaded = await app.WithScopeAsync(s => s.GetRequiredService<MatchingService>().LoadAsync(newRound.Id));
            Assert.Contains(loaded!.Problem.Coaches, c => c.Key == $"coach.{canary.Cohort[2..]}@coach.test");
            Assert.DoesNotContain(loaded.Problem.Coaches, c => c.Key.EndsWith("@erased.invalid", StringComparison.Ordinal));
            // The audit log's entries about the equality answers and coaching wishes hold no value of them, before or after.
            foreach (var type in new[] { nameof(EqualityInformation), nameof(AspirantEqualityMonitoring), nameof(CoachingRequest), nameof(CoachConsent) })
            {
                var entries = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == type && e.Changes != null).Select(e => e.Changes!).ToListAsync();
                Assert.NotEmpty(entries);
                Assert.All(entries, c => Assert.DoesNotContain(Canary.UniqueAnswers.Concat([Canary.Wish, Canary.Consent]), a => c.Contains(a, StringComparison.Ordinal)));
            }
            Assert.Equal("", (await db.AspirantAnswers.AsNoTracking().SingleAsync(a => a.ApplicationId == application.Id)).Text);
            Assert.True(await db.FeedbackRequests.AnyAsync(q => q.ParticipantId == canary.ParticipantId));
            Assert.Equal(application.Email, (await db.BaliGraduates.AsNoTracking().SingleAsync(g => g.Email == application.Email)).Email);
            Assert.Equal(application.Email, (await db.ImportedEnrolments.AsNoTracking().SingleAsync(e => e.PersonKey.ToString() == canary.Keys["people"])).Email);
            var shredded = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Participant) && e.EntityId == canary.Keys["participants"]).ToListAsync();
            Assert.NotEmpty(shredded);
            Assert.All(shredded.Where(e => e.Action != AuditActions.Erased && e.Changes != null), e => Assert.NotNull(e.ShreddedAt));
            Assert.Contains(await db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.Erased && e.EntityType == "DataSubject").ToListAsync(), e => e.EntityId == result.Pseudonym);
        });
    }

    [SkippableFact]
    public async Task TheAuditLog_KeepsNoSpecialCategoryValues_AndRefusesEveryChangeButShredding()
    {
        app.RequireDatabase();
        var canary = await SeedAsync();
        await app.WithDbAsync(async db =>
        {
            var equality = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(EqualityInformation)).ToListAsync();
            Assert.NotEmpty(equality);
            Assert.All(equality, e => Assert.DoesNotContain(canary.Ethnicity, e.Changes ?? "", StringComparison.Ordinal));
            Assert.Contains(equality, e => e.Changes != null && e.Changes.Contains("\"EthnicityCode\":{\"changed\":true}", StringComparison.Ordinal));
            var requests = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(CoachingRequest)).ToListAsync();
            Assert.All(requests, e => Assert.DoesNotContain("global-majority", e.Changes ?? "", StringComparison.Ordinal));

            var id = equality.First(e => e.ShreddedAt == null).Id;
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_events SET \"Actor\" = 'someone else' WHERE \"Id\" = {id}"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_events WHERE \"Id\" = {id}"));
            var now = app.Clock.GetCurrentInstant();
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Action, "tampered").SetProperty(e => e.ShreddedAt, now)));
            Assert.Equal(1, await db.AuditEvents.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "Erased TEST").SetProperty(e => e.ShreddedAt, now)));
        });
        await CleanUpAsync(canary);
    }

    [SkippableFact]
    public async Task TheRetentionRun_OnAFakeClock_ListsWhatIsDueFirst_ThenErasesItAndLogsWhatItDid()
    {
        app.RequireDatabase();
        var canary = await SeedAsync();
        var start = app.Clock.GetCurrentInstant();
        try
        {
            // A year and a day on, the emails are due; the participant (6 years) and the problem report (2 years) are not.
            app.Clock.Reset(start + Duration.FromDays(367));
            var dry = await app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync(dryRun: true));
            Assert.Contains(dry.Due, d => d.StartsWith("Old emails", StringComparison.Ordinal));
            Assert.DoesNotContain(dry.Due, d => d.StartsWith("Participants with no activity", StringComparison.Ordinal) && d.Contains($"#{canary.ParticipantId}:", StringComparison.Ordinal));
            Assert.Equal(2, await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.CountAsync(m => m.TextBody.Contains(canary.GivenName))));

            var run = await app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync());
            Assert.Contains(run.Done, d => d.StartsWith("Old emails", StringComparison.Ordinal));
            Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().OutboxMessages.CountAsync(m => m.TextBody.Contains(canary.GivenName))));
            var log = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking().Where(e => e.Action == AuditActions.RetentionRun).OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());
            Assert.StartsWith("Due: ", log[^2], StringComparison.Ordinal);
            Assert.StartsWith("Done: ", log[^1], StringComparison.Ordinal);

            // Nothing goes on now (their enrolment has no end date to come, their coach profile is retired), and six years and
            // two days after the last activity (joining on 25 November 2026), the participant is erased as on request.
            await app.WithDbAsync(async db =>
            {
                (await db.CoachProfiles.SingleAsync(c => c.Id.ToString() == canary.Keys["coach_profiles"])).Status = CoachStatus.Retired;
                await db.SaveChangesAsync();
            });
            app.Clock.Reset(Instant.FromUtc(2032, 11, 27, 12, 0));
            var later = await app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync());
            Assert.Contains(later.Due, d => d.Contains($"#{canary.ParticipantId}:", StringComparison.Ordinal));
            Assert.Contains(later.Due, d => d.StartsWith("Reported problems", StringComparison.Ordinal));
            Assert.Empty(await TracesAsync(canary));
            Assert.DoesNotContain((await app.WithScopeAsync(s => s.GetRequiredService<RetentionRun>().RunAsync(dryRun: true))).Due,
                d => d.Contains($"#{canary.ParticipantId}:", StringComparison.Ordinal));
        }
        finally
        {
            app.Clock.Reset(start);
        }
    }

    [SkippableFact]
    public async Task ApplicationsNotSelected_AreErasedAfterTwoYears_OrAYearLaterWhenTheApplicantAskedToBeConsideredNextYear()
    {
        app.RequireDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        // Submitted on 20 November 2025: due on 21 November 2027, or 21 November 2028 for the applicant who asked to be kept.
        var ids = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var submitted = Instant.FromUtc(2025, 11, 20, 12, 0);
            var cohort = new AspirantCohort { Name = $"R-{tag}", Places = 1, CreatedAt = submitted };
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();
            var applications = new (string Name, bool? Wish)[] { ("unanswered", null), ("no", false), ("yes", true) }.Select(x => new AspirantApplication
            {
                CohortId = cohort.Id, ApplicationId = $"R-{tag}-{x.Name}", Email = $"{x.Name}.{tag}@applicant.test", GivenName = $"Given{tag}", FamilyName = x.Name,
                RoleTitle = "Assistant Director", Status = ApplicationStatus.Submitted, CreatedAt = submitted, SubmittedAt = submitted,
                Outcome = SelectionOutcome.NotSelected, ConsiderNextYear = x.Wish,
            }).ToList();
            db.AspirantApplications.AddRange(applications);
            await db.SaveChangesAsync();
            return applications.ToDictionary(a => a.FamilyName, a => a.Id);
        });
        async Task<Dictionary<string, bool>> ErasedAsync() => await app.WithScopeAsync(async s =>
        {
            var rows = await s.GetRequiredService<UponDbContext>().AspirantApplications.AsNoTracking().Where(a => ids.Values.Contains(a.Id)).ToListAsync();
            return ids.ToDictionary(i => i.Key, i => rows.Single(a => a.Id == i.Value).Email.EndsWith("@erased.invalid", StringComparison.Ordinal));
        });

        var notYet = await UponCli.RunAsync(app.Database, "privacy", "purge", "--as-of", "2027-11-20");
        Assert.True(notYet.ExitCode == 0, notYet.ToString());
        Assert.Equal(new Dictionary<string, bool> { ["unanswered"] = false, ["no"] = false, ["yes"] = false }, await ErasedAsync());

        var dry = await UponCli.RunAsync(app.Database, "privacy", "purge", "--as-of", "2027-11-21", "--dry-run");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("Applications not taken up: ", dry.Output, StringComparison.Ordinal);
        Assert.Contains("before 2025-11-21 (before 2024-11-21 when the applicant asked to be considered next year)", dry.Output, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was erased.", dry.Output, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, bool> { ["unanswered"] = false, ["no"] = false, ["yes"] = false }, await ErasedAsync());

        var first = await UponCli.RunAsync(app.Database, "privacy", "purge", "--as-of", "2027-11-21");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Done: Applications not taken up", first.Output, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, bool> { ["unanswered"] = true, ["no"] = true, ["yes"] = false }, await ErasedAsync());

        var later = await UponCli.RunAsync(app.Database, "privacy", "purge", "--as-of", "2028-11-21");
        Assert.True(later.ExitCode == 0, later.ToString());
        Assert.Equal(new Dictionary<string, bool> { ["unanswered"] = true, ["no"] = true, ["yes"] = true }, await ErasedAsync());
    }

    [SkippableFact]
    public async Task MyData_EverySignedInRoleDownloadsTheirOwn_AndOnlyAdministratorsHandleRequestsAndErasure()
    {
        app.RequireDatabase();
        foreach (var role in Roles.All)
        {
            var client = app.CreateClient(role);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/my/data")).StatusCode);
            var download = await client.GetAsync("/my/data?handler=Download");
            Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
            using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
            Assert.Contains(UponApp.EmailFor(role), zip.Read("summary.txt"));
            Assert.DoesNotContain(zip.Entries, e => zip.Read(e.FullName).Contains(role == Roles.Participant ? UponApp.EmailFor(Roles.Coach) : UponApp.EmailFor(Roles.Participant), StringComparison.Ordinal) && e.FullName != "audit.json");
            foreach (var page in new[] { "/privacy/requests", "/privacy/requests/new", "/privacy/erase" })
            {
                var answer = await client.GetAsync(page);
                Assert.True(role == Roles.Administrator ? answer.StatusCode == HttpStatusCode.OK : answer.StatusCode != HttpStatusCode.OK, $"{role} {page}: {answer.StatusCode}");
            }
        }
        var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/privacy")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/my/data")).StatusCode);
        var privacy = await anonymous.GetStringAsync("/privacy");
        Assert.Contains("equality information", privacy, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task AStaffLoggedRequest_IsDueInAMonth_AndItsDownloadAndErasureWork()
    {
        app.RequireDatabase();
        var canary = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var invalid = await Html.ParseAsync(await admin.PostFormAsync("/privacy/requests/new", new Dictionary<string, string> { ["Email"] = "not an address" }));
        Assert.Equal(["Enter an email address in the correct format, like name@example.com", "Select what the person asked for", "Enter a date received"], invalid.ErrorSummary());

        var logged = await admin.PostFormAsync("/privacy/requests/new", new Dictionary<string, string>
        {
            ["Email"] = canary.Email, ["Kind"] = "Access", ["ReceivedOn.day"] = "31", ["ReceivedOn.month"] = "10", ["ReceivedOn.year"] = "2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var page = await admin.GetDocumentAsync(logged.Headers.Location!.ToString());
        Assert.StartsWith("30 November 2026", page.QuerySelector("#due")!.TextContent.Trim(), StringComparison.Ordinal);
        var list = await admin.GetDocumentAsync("/privacy/requests");
        Assert.Contains(canary.Email, list.QuerySelector("#open-requests")!.TextContent, StringComparison.Ordinal);
        var zip = await admin.GetAsync(logged.Headers.Location + "?handler=Download");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);

        var preview = await Html.ParseAsync(await admin.PostFormAsync("/privacy/erase", new Dictionary<string, string> { ["Email"] = canary.Email }));
        Assert.NotNull(preview.QuerySelector("[data-table='equality_information']"));
        Assert.Contains("turnover", preview.QuerySelector("[data-table='appointments']")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(await TracesAsync(canary));
        var erased = await admin.PostFormAsync("/privacy/erase?handler=Erase", new Dictionary<string, string> { ["Email"] = canary.Email });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.Empty(await TracesAsync(canary));
    }

    [SkippableFact]
    public async Task TheCommands_ExportPreviewEraseAndPurge()
    {
        app.RequireDatabase();
        var canary = await SeedAsync();
        var file = Path.Combine(Path.GetTempPath(), $"upon-sar-{Guid.NewGuid():N}.zip");
        try
        {
            var export = await UponCli.RunAsync(app.Database, "privacy", "export", canary.Email, "--output", file);
            Assert.True(export.ExitCode == 0, export.ToString());
            // The audit log says whose data was exported (and the erasure below leaves no trace of it there either).
            Assert.True(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AnyAsync(e => e.Action == AuditActions.Exported && e.Detail!.Contains(canary.Email))),
                "The exported entry does not name the subject.");
            using (var zip = ZipFile.OpenRead(file))
            {
                Assert.Contains(canary.GivenName, zip.Read("csv/participants.csv"));
                foreach (var table in EveryFeaturesTables)
                {
                    Assert.True(zip.GetEntry($"csv/{table}.csv") is not null, $"The command's download has no rows of {table}.");
                }
                Assert.Contains(canary.GivenName, zip.Read("csv/aspirant_applications.csv"));
            }
            var preview = await UponCli.RunAsync(app.Database, "privacy", "erase", canary.Email);
            Assert.True(preview.ExitCode == 0, preview.ToString());
            Assert.Contains("equality_information: 1 row kept, EthnicityCode erased", preview.Output, StringComparison.Ordinal);
            Assert.Contains("feedback_requests: 1 row kept", preview.Output, StringComparison.Ordinal);
            Assert.Contains("aspirant_applications: 1 row kept", preview.Output, StringComparison.Ordinal);
            Assert.Contains("Nothing was erased", preview.Output, StringComparison.Ordinal);
            Assert.NotEmpty(await TracesAsync(canary));
            var erase = await UponCli.RunAsync(app.Database, "privacy", "erase", canary.Email, "--yes");
            Assert.True(erase.ExitCode == 0, erase.ToString());
            Assert.Empty(await TracesAsync(canary));
            var again = await UponCli.RunAsync(app.Database, "privacy", "export", canary.Email, "--output", file + ".2");
            Assert.Equal(1, again.ExitCode);
            var purge = await UponCli.RunAsync(app.Database, "privacy", "purge", "--dry-run", "--as-of", "2027-12-01");
            Assert.True(purge.ExitCode == 0, purge.ToString());
            Assert.Contains("Dry run: nothing was erased.", purge.Output, StringComparison.Ordinal);
            var badDate = await UponCli.RunAsync(app.Database, "privacy", "purge", "--as-of", "9999-01-01");
            Assert.Equal(2, badDate.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Erases a test's canary so that no later test in the class finds its equality answer.</summary>
    private Task<ErasureResult?> CleanUpAsync(Canary canary) =>
        app.WithScopeAsync(s => s.GetRequiredService<PersonalData>().EraseAsync(new DataSubject(canary.Email), "Test clean-up"));

    /// <summary>Every text column of every table that still holds the person's name, email address or one of their equality answers that no one else gave.</summary>
    private Task<List<string>> TracesAsync(Canary canary) => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<UponDbContext>();
        var found = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()))
            {
                var table = entity.GetTableName()!;
                foreach (var property in entity.GetProperties().Where(p => (p.GetProviderClrType() ?? p.ClrType) == typeof(string)))
                {
                    var column = property.GetColumnName();
                    foreach (var value in new[] { canary.GivenName, canary.FamilyName, canary.Email }.Concat(Canary.UniqueAnswers))
                    {
                        await using var command = connection.CreateCommand();
                        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE lower(\"{column}\") LIKE '%{value.ToLowerInvariant()}%'";
                        if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                        {
                            found.Add($"{table}.{column} holds {value}");
                        }
                    }
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return found;
    });
}

public sealed class PersonalDataTests_Sqlite(SqliteApp app) : PersonalDataTests(app), IClassFixture<SqliteApp>;

public sealed class PersonalDataTests_Postgres(PostgresApp app) : PersonalDataTests(app), IClassFixture<PostgresApp>;
