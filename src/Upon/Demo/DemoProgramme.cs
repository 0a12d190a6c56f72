using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Register;
using Upon.Core.Sessions;
using Upon.Core.NewDirectors;
using Upon.Data;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Sessions;

namespace Upon.Demo;

/// <summary>
/// The demo programme year around today: New Directors workshops on Fridays 14:00 to 16:00 about monthly, a two-day
/// residential, an aspirant cohort's taught days, coaching groups and action learning sets; participants drawn from the
/// demo register's recent first-time directors and made-up aspirants; bookings, full sessions with waiting lists, apologies
/// and a few months of attendance. Everyone is invented. Called by <see cref="DemoData"/> after the demo accounts exist.
/// </summary>
public sealed class DemoProgramme(UponDbContext db, IClock clock)
{
    public const string DemoParticipantEmail = "participant@upon.test";

    private static readonly string[] WorkshopTitles =
    [
        "Your first hundred days", "Leading through an Ofsted inspection", "Working with your lead member", "The high-needs budget",
        "Safeguarding partnerships", "Corporate parenting", "SEND: from plan to practice", "Recruiting and keeping social workers",
        "Data that tells you something", "The media and a serious case", "Health partners and the ICB", "Youth justice",
        "Resilience and your own wellbeing",
    ];

    private static readonly string[] TaughtDayTitles =
    [
        "The role of the DCS", "Leading in a political environment", "Finance and resources", "Inspection and improvement",
        "Partnerships and place", "Equality, diversity and inclusion in leadership", "Leading through crisis", "Preparing for interview",
    ];

    private readonly DemoRandom _random = new(DemoData.Seed, stream: 10);

    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.TodayInLondon();
        var newDirectors = await StrandSetup.StandingStrandAsync(db, StrandSetup.NewDirectorsSlug, cancellationToken);
        var aspirants = await StrandSetup.StandingStrandAsync(db, StrandSetup.AspirantDirectorsSlug, cancellationToken);
        var cohortYear = today.Month >= 9 ? today.Year : today.Year - 1;
        var cohort = new Cohort { StrandId = aspirants.Id, Name = $"{cohortYear}-{(cohortYear + 1) % 100:00} cohort", StartsOn = new LocalDate(cohortYear, 9, 1), EndsOn = new LocalDate(cohortYear + 1, 8, 31) };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);

        var sessions = new List<Session>();
        sessions.AddRange(Workshops(newDirectors, today));
        sessions.AddRange(Residentials(newDirectors, today));
        sessions.AddRange(CoachingGroups(newDirectors, today));
        sessions.AddRange(TaughtDays(aspirants, cohort));
        sessions.AddRange(ActionLearningSets(aspirants, cohort, today));
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(cancellationToken);

        var directors = await NewDirectorsAsync(newDirectors, today, cancellationToken);
        var aspiring = AspirantParticipants(aspirants, cohort);
        db.Participants.AddRange(aspiring);
        await db.SaveChangesAsync(cancellationToken);

        BookAndMark(sessions.Where(s => s.StrandId == newDirectors.Id), directors, today);
        BookAndMark(sessions.Where(s => s.StrandId == aspirants.Id), aspiring, today);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The second Friday of each month, 14:00 to 16:00, from six months ago to six months ahead.</summary>
    private IEnumerable<Session> Workshops(Strand strand, LocalDate today)
    {
        var month = today.PlusMonths(-6);
        for (var i = 0; i < 13; i++, month = month.PlusMonths(1))
        {
            var first = new LocalDate(month.Year, month.Month, 1);
            var friday = first.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Friday)).PlusWeeks(1);
            yield return New(strand, null, WorkshopTitles[i % WorkshopTitles.Length], SessionType.VirtualWorkshop,
                friday.At(new LocalTime(14, 0)), friday.At(new LocalTime(16, 0)), 40, venue: null,
                videoLink: $"https://meet.example.org/new-directors-{friday:yyyy-MM-dd}", facilitators: "The Staff College programme team");
        }
    }

    private IEnumerable<Session> Residentials(Strand strand, LocalDate today)
    {
        const string venue = "Hilltop Conference Centre, 1 Example Road, Harrogate HG1 0AA";
        foreach (var (offsetMonths, title) in new[] { (-4, "New Directors residential (spring)"), (2, "New Directors residential (winter)") })
        {
            var tuesday = today.PlusMonths(offsetMonths).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Tuesday));
            var session = New(strand, null, title, SessionType.Residential, tuesday.At(new LocalTime(10, 0)), tuesday.PlusDays(1).At(new LocalTime(16, 0)), 24,
                venue, videoLink: null, facilitators: "Current and former DCSs with the programme team");
            session.CircumstancesPermitting = true;
            session.Description = "Two days together, overnight stay included: peer learning, a director's question time and time with your coach.";
            yield return session;
        }
    }

    private IEnumerable<Session> CoachingGroups(Strand strand, LocalDate today)
    {
        for (var i = -2; i <= 3; i++)
        {
            var wednesday = today.PlusMonths(i * 2).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Wednesday));
            yield return New(strand, null, "Second-year coaching group", SessionType.CoachingGroup, wednesday.At(new LocalTime(9, 30)), wednesday.At(new LocalTime(11, 0)), 8,
                venue: null, videoLink: $"https://meet.example.org/coaching-{wednesday:yyyy-MM-dd}", facilitators: "A former DCS coach");
        }
    }

    /// <summary>Eight taught days, the first Tuesday of each month from October to May.</summary>
    private IEnumerable<Session> TaughtDays(Strand strand, Cohort cohort)
    {
        var month = new LocalDate(cohort.StartsOn.Year, 10, 1);
        for (var i = 0; i < TaughtDayTitles.Length; i++, month = month.PlusMonths(1))
        {
            var tuesday = month.With(DateAdjusters.NextOrSame(IsoDayOfWeek.Tuesday));
            yield return New(strand, cohort, TaughtDayTitles[i], SessionType.TaughtDay, tuesday.At(new LocalTime(9, 30)), tuesday.At(new LocalTime(16, 30)), 30,
                venue: "Learning Centre, 20 Sample Street, Birmingham B1 1AA", videoLink: null, facilitators: "The Staff College and the Institute of Public Care");
        }
    }

    private IEnumerable<Session> ActionLearningSets(Strand strand, Cohort cohort, LocalDate today)
    {
        for (var i = -1; i <= 2; i++)
        {
            var thursday = today.PlusMonths(i).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Thursday));
            yield return New(strand, cohort, "Action learning set", SessionType.ActionLearningSet, thursday.At(new LocalTime(13, 0)), thursday.At(new LocalTime(15, 30)), 8,
                venue: null, videoLink: $"https://meet.example.org/als-{thursday:yyyy-MM-dd}", facilitators: "An experienced set adviser");
        }
    }

    private Session New(Strand strand, Cohort? cohort, string title, SessionType type, LocalDateTime start, LocalDateTime end, int capacity,
        string? venue, string? videoLink, string facilitators)
    {
        var now = clock.GetCurrentInstant();
        return new Session
        {
            Uid = $"{_random.NextULong():x16}{_random.NextULong():x16}@upon",
            StrandId = strand.Id,
            CohortId = cohort?.Id,
            Title = title,
            Type = type,
            Start = start,
            End = end,
            StartUtc = SessionTimes.ToInstant(start),
            EndUtc = SessionTimes.ToInstant(end),
            Capacity = capacity,
            Venue = venue,
            VideoLink = videoLink,
            Facilitators = facilitators,
            Status = SessionStatus.Scheduled,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// The demo register's first-time directors of the last two years, each with their invitation: most accepted (and are
    /// participants, enrolled on the day they accepted), some declined or let it expire, the newest still to answer, one
    /// waiting for an email address; plus the demo participant account.
    /// </summary>
    private async Task<List<Participant>> NewDirectorsAsync(Strand strand, LocalDate today, CancellationToken cancellationToken)
    {
        var since = today.PlusMonths(-24);
        var appointments = await db.Appointments.AsNoTracking().Include(a => a.Person).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var firstPosts = appointments.GroupBy(a => a.PersonKey).Select(g => g.MinBy(a => a.StartDate)!)
            .Where(a => a.StartDate >= since && a.StartDate <= today).OrderBy(a => a.StartDate).ToList();
        var now = clock.GetCurrentInstant();
        var participants = new List<Participant>();
        var accepted = new List<(Enrolment Enrolment, DirectorInvitation Invitation)>();
        foreach (var (first, index) in firstPosts.Select((a, i) => (a, i)))
        {
            var person = first.Person!;
            var recordedLate = index % 5 == 0 ? 10 + _random.Next(30) : 0;
            var recordedOn = LocalDate.Min(today, first.StartDate.PlusDays(recordedLate == 0 ? -_random.Next(20) : recordedLate));
            var invitation = new DirectorInvitation
            {
                PersonKey = first.PersonKey,
                AppointmentId = first.Id,
                AuthorityCode = first.AuthorityCode,
                StartDate = first.StartDate,
                RecordedOn = recordedOn,
                SendOn = LocalDate.Max(first.StartDate, recordedOn),
                DueBy = InvitationRules.DueDate(first.StartDate),
                Status = InvitationStatus.Pending,
                CreatedAt = now,
                CreatedBy = "Demo data",
            };
            db.DirectorInvitations.Add(invitation);
            if (person.Email is null || invitation.SendOn > today)
            {
                continue;
            }
            var sentOn = LocalDate.Min(today, invitation.SendOn.PlusDays(_random.Next(3)));
            InvitationRunner.MarkSent(invitation, person.Email, sentOn, sentOn.At(new LocalTime(9, 0)).InZoneLeniently(Time.London).ToInstant());
            var answeredOn = sentOn.PlusDays(1 + _random.Next(10));
            if (answeredOn > today)
            {
                continue;
            }
            if (index % 9 == 4)
            {
                invitation.Status = InvitationStatus.Declined;
                invitation.DeclineReason = "Not now: please ask me again once the inspection is over.";
            }
            else if (index % 9 == 7)
            {
                invitation.Status = sentOn.PlusDays(InvitationRules.LinkValidDays) < today ? InvitationStatus.Expired : InvitationStatus.Sent;
                continue;
            }
            else
            {
                invitation.Status = InvitationStatus.Accepted;
                var enrolment = new Enrolment
                {
                    StrandId = strand.Id,
                    StartsOn = answeredOn,
                    EndsOn = answeredOn.PlusMonths(InvitationAcceptance.JourneyMonths).PlusDays(-1),
                    History = [new EnrolmentStatusChange { Status = EnrolmentStatus.Enrolled, From = answeredOn, Reason = "Accepted the invitation", RecordedAt = now, RecordedBy = "Demo data" }],
                };
                accepted.Add((enrolment, invitation));
                participants.Add(new Participant
                {
                    PersonKey = first.PersonKey,
                    GivenName = person.GivenName,
                    FamilyName = person.FamilyName,
                    Email = person.Email,
                    CreatedAt = now,
                    Enrolments = [enrolment],
                });
            }
            invitation.AnsweredOn = answeredOn;
            invitation.AnsweredAt = answeredOn.At(new LocalTime(11, 0)).InZoneLeniently(Time.London).ToInstant();
        }
        var account = await db.Users.FirstOrDefaultAsync(u => u.Email == DemoParticipantEmail, cancellationToken);
        participants.Add(new Participant
        {
            UserId = account?.Id,
            GivenName = "Demo",
            FamilyName = "Participant",
            Email = DemoParticipantEmail,
            CreatedAt = now,
            Enrolments = [new Enrolment { StrandId = strand.Id, StartsOn = today.PlusMonths(-7), EndsOn = today.PlusMonths(17).PlusDays(-1) }],
        });
        db.Participants.AddRange(participants);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (enrolment, invitation) in accepted)
        {
            enrolment.InvitationId = invitation.Id;
        }
        await db.SaveChangesAsync(cancellationToken);
        return participants;
    }

    private List<Participant> AspirantParticipants(Strand strand, Cohort cohort)
    {
        var now = clock.GetCurrentInstant();
        return [.. Enumerable.Range(1, 26).Select(i =>
        {
            var given = DemoNames.GivenNames[_random.Next(DemoNames.GivenNames.Count)];
            var family = DemoNames.FamilyNames[_random.Next(DemoNames.FamilyNames.Count)];
            return new Participant
            {
                GivenName = given,
                FamilyName = family,
                Email = $"{given.ToLowerInvariant()}.{family.ToLowerInvariant().Replace(' ', '-').Replace('\'', '-')}.aspirant{i}@example.org",
                CreatedAt = now,
                Enrolments = [new Enrolment { StrandId = strand.Id, CohortId = cohort.Id, StartsOn = cohort.StartsOn, EndsOn = cohort.EndsOn }],
            };
        })];
    }

    /// <summary>
    /// Books most eligible people on each session in a random order (so small sessions fill and queue), sends a few
    /// apologies, and marks the register for sessions already over.
    /// </summary>
    private void BookAndMark(IEnumerable<Session> sessions, List<Participant> people, LocalDate today)
    {
        var now = clock.GetCurrentInstant();
        foreach (var session in sessions)
        {
            var eligible = people.Where(p => BookingService.IsOpenTo(session, p.Enrolments, session.Start.Date)).OrderBy(_ => _random.NextULong()).ToList();
            var over = session.EndUtc <= now;
            var queue = 0L;
            foreach (var person in eligible)
            {
                var roll = _random.NextDouble();
                if (roll < 0.08)
                {
                    db.Apologies.Add(new Apology { SessionId = session.Id, ParticipantId = person.Id, Reason = ApologyReasons[_random.Next(ApologyReasons.Length)], SentAt = session.StartUtc - Duration.FromDays(3) });
                    if (over)
                    {
                        Mark(session, person, AttendanceMark.Excused);
                    }
                    continue;
                }
                if (roll > 0.85 && person.Email != DemoParticipantEmail)
                {
                    continue;
                }
                // The demo participant is in their core year: no coaching groups yet, and later sessions are left for them to book.
                if (person.Email == DemoParticipantEmail && (session.Type == SessionType.CoachingGroup || session.StartUtc > now + Duration.FromDays(45)))
                {
                    continue;
                }
                queue++;
                var seat = queue <= session.Capacity;
                var requested = session.StartUtc - Duration.FromDays(20 + _random.Next(20));
                db.Bookings.Add(new Booking
                {
                    SessionId = session.Id,
                    ParticipantId = person.Id,
                    Status = seat ? BookingStatus.Booked : BookingStatus.Waitlisted,
                    Queue = queue,
                    RequestedAt = requested,
                    BookedAt = seat ? requested : null,
                });
                if (over && seat)
                {
                    var mark = _random.NextDouble() switch
                    {
                        < 0.74 => AttendanceMark.Present,
                        < 0.82 => AttendanceMark.Late,
                        < 0.88 => AttendanceMark.LeftEarly,
                        _ => AttendanceMark.Absent,
                    };
                    Mark(session, person, mark);
                }
            }
        }
    }

    private void Mark(Session session, Participant person, AttendanceMark mark) =>
        db.AttendanceRecords.Add(new AttendanceRecord
        {
            SessionId = session.Id,
            ParticipantId = person.Id,
            Mark = mark,
            Source = AttendanceSource.Register,
            RecordedAt = session.EndUtc + Duration.FromHours(1),
            RecordedBy = "Demo data",
        });

    private static readonly string[] ApologyReasons =
    [
        "Ofsted focused visit that week", "Full council meeting", "Annual leave", "Corporate parenting panel", "Unwell", "Court hearing I must attend",
    ];
}
