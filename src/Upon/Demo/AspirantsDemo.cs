using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Aspirants;
using Upon.Aspirants.CohortYear;
using Upon.Core;
using Upon.Core.Equality;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;

namespace Upon.Demo;

/// <summary>
/// Demo Aspirant Directors (made-up people, one seeded <see cref="DemoRandom"/>): a past cohort whose alumni include
/// directors who were later appointed in the demo register; the current cohort, decided with offers in every state and
/// some not selected who asked to be considered next year, in its year: taught days, published action learning sets
/// with their meetings, and one who accepted from the waiting list after the sets were published; and an open cohort with applications in every state (drafts, awaiting endorsement, not endorsed, ineligible, overridden,
/// assigned, reviewed, disagreeing), reviewed by the demo partner, the demo coach and three more reviewers.
/// </summary>
public sealed class AspirantsDemo(UponDbContext db, IClock clock, OfferResponse offers)
{
    public const string OpenCohortName = "2027-28";
    public const string DecidedCohortName = "2026-27";
    public const string PastCohortName = "2021-22";

    private static readonly string[] GivenNames = ["Amara", "Bilal", "Carys", "Dev", "Elin", "Femi", "Grace", "Hamza", "Isla", "Jonah", "Kiran", "Leah", "Malik", "Nia", "Owen", "Priya", "Quinn", "Rhys", "Sana", "Tomas"];
    private static readonly string[] FamilyNames = ["Adeyemi", "Brennan", "Chowdhury", "Davies", "Evans", "Farah", "Gallagher", "Hussain", "Iqbal", "Jones", "Kowalski", "Lewis", "Mensah", "Nowak", "Okafor", "Patel", "Quinlan", "Roberts", "Shah", "Thomas"];
    private static readonly string[] Answers =
    [
        "I lead early help across our partnership and want to shape a whole system for children.",
        "Leading our improvement plan after inspection taught me how culture and practice change together.",
        "I want to develop my strategic finance knowledge and political leadership.",
        "Working with health and police colleagues, we built a joint front door for safeguarding.",
    ];

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        if (await db.AspirantCohorts.AnyAsync(cancellationToken)) return;
        var random = new DemoRandom(2027, 12);
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        var authorities = await db.Authorities.AsNoTracking().Where(a => a.OperatingTo == null).OrderBy(a => a.Code).Select(a => a.Code).ToListAsync(cancellationToken);

        var reviewers = new List<AspirantReviewer>
        {
            new() { Email = "partner@upon.test", GivenName = "Demo", FamilyName = "Partner", CreatedAt = now },
            new() { Email = "coach@upon.test", GivenName = "Demo", FamilyName = "Coach", ConflictAuthorityCodes = authorities[0], CreatedAt = now },
            new() { Email = "reviewer.one@example.org", GivenName = "Rowan", FamilyName = "Ellis", CreatedAt = now },
            new() { Email = "reviewer.two@example.org", GivenName = "Sasha", FamilyName = "Brook", CreatedAt = now },
            new() { Email = "reviewer.three@example.org", GivenName = "Tariq", FamilyName = "Moss", CreatedAt = now },
        };
        db.AspirantReviewers.AddRange(reviewers);

        // The past cohort: alumni include directors appointed after it in the demo register.
        var past = NewCohort(PastCohortName, places: 20, now);
        past.OpensAt = Instant.FromUtc(2021, 1, 4, 9, 0);
        past.ClosesAt = Instant.FromUtc(2021, 2, 14, 23, 59);
        past.DecisionsReleasedAt = Instant.FromUtc(2021, 4, 1, 9, 0);
        past.EndsOn = new LocalDate(2022, 7, 31);
        var decided = NewCohort(DecidedCohortName, places: 12, now);
        decided.OpensAt = Instant.FromUtc(2026, 1, 5, 9, 0);
        decided.ClosesAt = Instant.FromUtc(2026, 2, 15, 23, 59);
        var open = NewCohort(OpenCohortName, places: 8, now);
        open.OpensAt = today.PlusDays(-10).At(new LocalTime(9, 0)).InZoneLeniently(Time.London).ToInstant();
        open.ClosesAt = today.PlusDays(40).At(new LocalTime(23, 59)).InZoneLeniently(Time.London).ToInstant();
        foreach (var (month, day) in new[] { (10, 6), (11, 10), (12, 8) }) open.TaughtDays.Add(new AspirantTaughtDay { Date = new LocalDate(today.Year + 1, month, day) });
        foreach (var (month, day) in new[] { (1, 12), (2, 9), (3, 9), (4, 13), (5, 11) }) open.TaughtDays.Add(new AspirantTaughtDay { Date = new LocalDate(today.Year + 2, month, day) });
        db.AspirantCohorts.AddRange(past, decided, open);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var cohort in new[] { past, decided, open })
        {
            foreach (var reviewer in reviewers) db.CohortReviewers.Add(new CohortReviewer { CohortId = cohort.Id, ReviewerId = reviewer.Id, GrantedAt = now, GrantedBy = "demo" });
        }

        var firstStarts = (await db.Appointments.AsNoTracking().Select(a => new { a.PersonKey, a.StartDate }).ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonKey).ToDictionary(g => g.Key, g => g.Min(a => a.StartDate));
        var laterKeys = firstStarts.Where(p => p.Value >= new LocalDate(2022, 9, 1) && p.Value <= new LocalDate(2025, 7, 31)).Select(p => p.Key).Order().Take(6).ToList();
        var laterDirectors = (await db.People.AsNoTracking().Where(p => laterKeys.Contains(p.Id)).ToListAsync(cancellationToken))
            .OrderBy(p => p.PersonId, StringComparer.Ordinal).Take(6).ToList();

        var serial = 0;
        AspirantApplication Application(AspirantCohort cohort, Instant submitted)
        {
            serial++;
            var given = GivenNames[random.Next(GivenNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            return new AspirantApplication
            {
                CohortId = cohort.Id,
                ApplicationId = $"{cohort.Name[..4]}-{serial:D3}",
                Email = $"{given}.{family}.{serial}@example.org".ToLowerInvariant(),
                GivenName = given,
                FamilyName = family,
                AuthorityCode = authorities[1 + random.Next(authorities.Count - 1)],
                RoleTitle = random.Chance(0.5) ? "Assistant Director" : "Head of Service",
                YearsSenior = random.Between(2, 9),
                TiersBelowDcs = random.Between(1, 2),
                EndorserName = "A Director",
                EndorserEmail = $"director.{serial}@example.org",
                Status = ApplicationStatus.Submitted,
                CreatedAt = submitted,
                SubmittedAt = submitted,
                BaliGraduate = random.Chance(0.1),
            };
        }

        // Past cohort: 30 applications, 20 selected, most completed; the later directors among the alumni (same email).
        var pastApplications = new List<AspirantApplication>();
        for (var i = 0; i < 30; i++)
        {
            var a = Application(past, Instant.FromUtc(2021, 1, 10 + i % 20, 10, 0));
            a.Imported = true;
            a.ImportedEligible = i < 26;
            a.Outcome = i < 20 ? SelectionOutcome.Selected : i < 24 ? SelectionOutcome.Waiting : i < 26 ? SelectionOutcome.NotSelected : null;
            a.Offer = i < 20 ? OfferStatus.Accepted : null;
            a.Completed = i < 20 ? i < 18 : null;
            if (i < laterDirectors.Count)
            {
                var person = laterDirectors[i];
                a.GivenName = person.GivenName;
                a.FamilyName = person.FamilyName;
                if (person.Email is { Length: > 0 } email) a.Email = email;
                else a.ConfirmedPersonKey = person.Id;
            }
            pastApplications.Add(a);
        }

        // Decided cohort: released, offers in every state, a waiting list.
        var decidedApplications = new List<AspirantApplication>();
        for (var i = 0; i < 20; i++)
        {
            var a = Application(decided, Instant.FromUtc(2026, 1, 12 + i, 11, 0));
            a.Endorsement = new AspirantEndorsement { Endorsed = true, RespondedAt = a.SubmittedAt, Statement = "A strong candidate.", DueOn = new LocalDate(2026, 2, 22) };
            a.YearsSenior = 4;
            decidedApplications.Add(a);
        }
        decided.DecisionsReleasedAt = Instant.FromUtc(2026, 4, 1, 9, 0);

        // Open cohort: applications in every state.
        var openApplications = new List<AspirantApplication>();
        for (var i = 0; i < 24; i++)
        {
            var a = Application(open, now.Minus(Duration.FromDays(8 - i % 8)));
            if (i < 2)
            {
                a.Status = ApplicationStatus.Draft;
                a.SubmittedAt = null;
            }
            else if (i == 2) a.YearsSenior = 1; // not eligible: too few years
            a.Endorsement = i switch
            {
                < 2 => null,
                3 => new AspirantEndorsement { RequestedAt = a.SubmittedAt, DueOn = open.ClosesAt!.Value.InZone(Time.London).Date.PlusDays(7) },
                4 => new AspirantEndorsement { Endorsed = false, Statement = "Not ready yet.", RespondedAt = now, DueOn = open.ClosesAt!.Value.InZone(Time.London).Date.PlusDays(7) },
                5 => new AspirantEndorsement { Endorsed = true, Statement = "Endorsed by letter.", RespondedAt = now, RecordedByStaff = "admin@upon.test" },
                _ => new AspirantEndorsement { Endorsed = true, Statement = "I strongly support this application.", RespondedAt = now, DueOn = open.ClosesAt!.Value.InZone(Time.London).Date.PlusDays(7) },
            };
            if (i == 6)
            {
                a.YearsSenior = 2;
                a.EligibilityOverride = true;
                a.EligibilityOverrideReason = "Two and a half years as interim Assistant Director count as senior.";
                a.EligibilityOverriddenBy = "admin@upon.test";
                a.EligibilityOverriddenAt = now;
            }
            openApplications.Add(a);
        }
        db.AspirantApplications.AddRange(pastApplications.Concat(decidedApplications).Concat(openApplications));
        await db.SaveChangesAsync(cancellationToken);

        foreach (var cohort in new[] { past, decided, open })
        {
            foreach (var a in cohort.Id == past.Id ? pastApplications : cohort.Id == decided.Id ? decidedApplications : openApplications)
            {
                if (cohort.Id != past.Id)
                {
                    foreach (var (question, k) in cohort.Questions.OrderBy(q => q.Order).Select((q, k) => (q, k)))
                    {
                        db.AspirantAnswers.Add(new AspirantAnswer { ApplicationId = a.Id, QuestionId = question.Id, Text = Answers[(k + a.Id) % Answers.Length] });
                    }
                }
                if (a.Status == ApplicationStatus.Submitted && random.Chance(0.8))
                {
                    db.AspirantEqualityMonitoring.Add(new AspirantEqualityMonitoring
                    {
                        ApplicationKey = a.Id,
                        CohortId = cohort.Id,
                        EthnicityCode = random.Chance(0.1) ? null : Ethnicity.Groups[random.Chance(0.7) ? random.Next(2) : random.Next(Ethnicity.Groups.Count)].Code,
                        EthnicityPreferNotToSay = false,
                        Sex = random.Chance(0.65) ? MonitoringSex.Female : random.Chance(0.9) ? MonitoringSex.Male : MonitoringSex.PreferNotToSay,
                        Disabled = random.Chance(0.1) ? YesNoPreferNot.Yes : YesNoPreferNot.No,
                        AgeBand = (AgeBand)random.Between(1, 3),
                        UpdatedAt = now,
                    });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // Reviews: two per reviewed application, the reviewers' leniency differing so calibration has work to do.
        var criteria = await db.AspirantCriteria.Where(c => c.CohortId == past.Id || c.CohortId == decided.Id || c.CohortId == open.Id).ToListAsync(cancellationToken);
        double[] leniency = [0.6, -0.4, 0, 0.3, -0.7];
        void Review(AspirantApplication a, int reviewer, bool submitted, int quality, bool disagree = false)
        {
            var review = new AspirantReview { ApplicationId = a.Id, ReviewerId = reviewers[reviewer].Id, AssignedAt = now, Status = submitted ? ReviewStatus.Submitted : ReviewStatus.Assigned, SubmittedAt = submitted ? now : null };
            if (submitted)
            {
                foreach (var criterion in criteria.Where(c => c.CohortId == a.CohortId))
                {
                    var score = (int)Math.Round(quality + leniency[reviewer] + random.NextGaussian() * 0.5);
                    if (disagree) score = reviewer % 2 == 0 ? 5 : 1;
                    review.Scores.Add(new AspirantScore { CriterionId = criterion.Id, Score = Math.Clamp(score, 1, 5), Comment = "Clear evidence in the answers." });
                }
            }
            db.AspirantReviews.Add(review);
        }
        foreach (var (a, i) in pastApplications.Take(26).Select((a, i) => (a, i))) { Review(a, i % 5, true, 4 - i / 9); Review(a, (i + 2) % 5, true, 4 - i / 9); }
        foreach (var (a, i) in decidedApplications.Select((a, i) => (a, i))) { Review(a, i % 5, true, 5 - i / 4); Review(a, (i + 1) % 5, true, 5 - i / 4); }
        // Open: applications 7 to 19 reviewed (one disagreeing), 20 to 23 assigned and waiting for their reviewers.
        foreach (var (a, i) in openApplications.Select((a, i) => (a, i)).Where(x => x.i >= 5))
        {
            // No open application is from the demo coach's conflict authority, so any two reviewers will do.
            var first = i % 5;
            var second = (i + 1) % 5;
            var submitted = i < 20;
            Review(a, first, submitted, 2 + i % 4, disagree: i == 9);
            Review(a, second, submitted && i % 3 != 0, 2 + i % 4, disagree: i == 9);
        }
        await db.SaveChangesAsync(cancellationToken);

        // The decided cohort's selection: released, with offers in every state, a waiting list, and some not selected
        // who asked to be considered next year. The first on the waiting list had the declined place and accepted it late.
        foreach (var (a, i) in decidedApplications.Select((a, i) => (a, i)))
        {
            a.Outcome = i < 13 ? SelectionOutcome.Selected : i < 16 ? SelectionOutcome.Waiting : SelectionOutcome.NotSelected;
            a.WaitingPosition = i is >= 13 and < 16 ? i - 12 : null;
            if (i < 13)
            {
                a.Offer = i switch { < 10 or 12 => OfferStatus.Accepted, 10 => OfferStatus.Declined, _ => OfferStatus.Offered };
                a.OfferedAt = decided.DecisionsReleasedAt;
                a.OfferDeadline = i == 11 ? now.Plus(Duration.FromDays(7)) : decided.DecisionsReleasedAt!.Value.Plus(Duration.FromDays(14));
            }
            a.ConsiderNextYear = i switch { 16 or 17 => true, 18 => false, _ => null };
        }
        await db.SaveChangesAsync(cancellationToken);
        await CohortYearAsync(decided, decidedApplications, authorities, cancellationToken);
    }

    /// <summary>
    /// The decided cohort's year: eight taught days (three already held, attended), the accepted applicants as
    /// participants, two published learning sets with a meeting held and two to come, and one who accepted from the
    /// waiting list after the first two taught days and joined the smaller set late.
    /// </summary>
    private async Task CohortYearAsync(AspirantCohort cohort, List<AspirantApplication> applications, List<string> authorities, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        var holidays = await BankHolidayImporter.BetweenAsync(db, today.PlusWeeks(-12), today.PlusWeeks(24), cancellationToken);
        for (var k = 0; k < 8; k++) cohort.TaughtDays.Add(new AspirantTaughtDay { Date = WorkingDay(today.PlusWeeks(-10 + 4 * k), IsoDayOfWeek.Wednesday, holidays) });
        await db.SaveChangesAsync(cancellationToken);
        var programme = await offers.ProgrammeCohortAsync(cohort, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var late = applications[12];
        var early = applications.Take(10).ToList();
        var joinedLateAt = now.Minus(Duration.FromDays(7 * 5));
        var published = now.Minus(Duration.FromDays(7 * 12));
        foreach (var (a, i) in early.Append(late).Select((a, i) => (a, i)))
        {
            // Each from a different authority, as the sets need.
            a.AuthorityCode = authorities[1 + i];
            a.OfferRespondedAt = a == late ? joinedLateAt : published.Minus(Duration.FromDays(20 - i));
            a.Participant = new Participant
            {
                GivenName = a.GivenName, FamilyName = a.FamilyName, Email = a.Email, CreatedAt = a.OfferRespondedAt.Value,
                Enrolments = [new Enrolment { StrandId = programme.StrandId, CohortId = programme.Id, StartsOn = programme.StartsOn, EndsOn = programme.EndsOn, Status = EnrolmentStatus.Enrolled }],
            };
        }
        await db.SaveChangesAsync(cancellationToken);
        // The taught days as accepting makes them; each participant is booked on those that started after they accepted.
        var taught = cohort.TaughtDays.Select(d => d.Date).Order().Select((date, k) =>
        {
            var session = new Session
            {
                Uid = SessionSchedule.NewUid(), Title = $"Taught day {k + 1}, Aspirant Directors {cohort.Name}", Type = SessionType.TaughtDay,
                StrandId = programme.StrandId, CohortId = programme.Id, Capacity = cohort.Places, Status = SessionStatus.Scheduled,
                Venue = "Conference Centre, 1 Example Street, London", CreatedAt = published, UpdatedAt = published,
            };
            SessionSchedule.SetTimes(session, date.At(OfferResponse.TaughtDayStarts), date.At(OfferResponse.TaughtDayEnds));
            return session;
        }).ToList();
        db.Sessions.AddRange(taught);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var session in taught)
        {
            var queue = 0L;
            foreach (var a in early.Append(late).Where(a => a.OfferRespondedAt < session.StartUtc))
            {
                db.Bookings.Add(new Booking { SessionId = session.Id, ParticipantId = a.ParticipantId!.Value, Status = BookingStatus.Booked, Queue = ++queue, RequestedAt = a.OfferRespondedAt!.Value, BookedAt = a.OfferRespondedAt });
                if (session.EndUtc <= now)
                {
                    db.AttendanceRecords.Add(new AttendanceRecord
                    {
                        SessionId = session.Id, ParticipantId = a.ParticipantId!.Value, Mark = queue % 7 == 0 ? AttendanceMark.Absent : AttendanceMark.Present,
                        Source = AttendanceSource.Register, RecordedAt = session.EndUtc + Duration.FromHours(1), RecordedBy = "Demo data",
                    });
                }
            }
        }

        var sets = new[] { early.Take(5).Append(late).ToList(), early.Skip(5).ToList() }.Select((members, n) => new AspirantLearningSet
        {
            CohortId = cohort.Id, Number = n + 1, CreatedAt = published, PublishedAt = published,
            Members = [.. members.Select(a => new AspirantLearningSetMember { ApplicationId = a.Id })],
        }).ToList();
        db.AspirantLearningSets.AddRange(sets);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (set, members) in sets.Zip(new[] { early.Take(5).Append(late).ToList(), early.Skip(5).ToList() }))
        {
            foreach (var weeks in new[] { -8, 1, 5 })
            {
                var day = WorkingDay(today.PlusWeeks(weeks), set.Number == 1 ? IsoDayOfWeek.Tuesday : IsoDayOfWeek.Thursday, holidays);
                var session = new Session
                {
                    Uid = SessionSchedule.NewUid(), Title = $"{set.Name}, {cohort.Name}", Type = SessionType.ActionLearningSet,
                    StrandId = programme.StrandId, CohortId = programme.Id, Capacity = members.Count, Status = SessionStatus.Scheduled,
                    VideoLink = $"https://meet.example.org/set-{set.Number}-{day:yyyy-MM-dd}", CreatedAt = published, UpdatedAt = published,
                };
                SessionSchedule.SetTimes(session, day.At(new LocalTime(14, 0)), day.At(new LocalTime(16, 0)));
                db.Sessions.Add(session);
                await db.SaveChangesAsync(cancellationToken);
                db.AspirantLearningSetMeetings.Add(new AspirantLearningSetMeeting { SetId = set.Id, SessionId = session.Id });
                var queue = 0L;
                foreach (var a in members.Where(a => a.OfferRespondedAt < session.StartUtc))
                {
                    db.Bookings.Add(new Booking { SessionId = session.Id, ParticipantId = a.ParticipantId!.Value, Status = BookingStatus.Booked, Queue = ++queue, RequestedAt = published, BookedAt = published });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AspirantCohort NewCohort(string name, int places, Instant now)
    {
        var cohort = new AspirantCohort { Name = name, Places = places, CreatedAt = now, CompletionMinTaughtDays = 6 };
        cohort.Criteria.AddRange(
        [
            new AspirantCriterion { Name = "Leadership and impact", Weight = 2, Order = 1 },
            new AspirantCriterion { Name = "Readiness for a director's role", Weight = 1, Order = 2 },
            new AspirantCriterion { Name = "Commitment to children and families", Weight = 1, Order = 3 },
        ]);
        cohort.Questions.AddRange(
        [
            new AspirantQuestion { Text = "Why do you want to become a director of children's services?", WordLimit = 300, Order = 1 },
            new AspirantQuestion { Text = "Describe a change you led and what it achieved for children.", WordLimit = 400, Order = 2 },
            new AspirantQuestion { Text = "What do you most need to develop, and how will the programme help?", WordLimit = 300, Order = 3 },
            new AspirantQuestion { Text = "How do you work with partners across the system?", WordLimit = 300, Order = 4 },
        ]);
        return cohort;
    }

    /// <summary>
    /// The first <paramref name="weekday"/> on or after <paramref name="from"/>, or the next working day after it when that
    /// is a bank holiday: the programme meets on working days, whatever day the demo data is made on.
    /// </summary>
    private static LocalDate WorkingDay(LocalDate from, IsoDayOfWeek weekday, IReadOnlyDictionary<LocalDate, string> holidays)
    {
        var day = from.With(DateAdjusters.NextOrSame(weekday));
        while (holidays.ContainsKey(day) || day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            day = day.PlusDays(1);
        }
        return day;
    }
}
