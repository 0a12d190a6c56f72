using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Upon.Accounts;
using Upon.Aspirants.Apply;
using Upon.Core;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Email;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon.Aspirants.CohortYear;

/// <param name="Participant">The participant the applicant became.</param>
/// <param name="SetPasswordPath">The one-time set-password link of a new account; null when an account already existed.</param>
/// <param name="Booked">The taught days booked for them: those not yet started when they accepted.</param>
/// <param name="AlreadyStarted">The cohort's taught days that had started before they accepted, which they are not booked on.</param>
/// <param name="LearningSet">The published learning set they joined; null when the sets are not published yet.</param>
public sealed record OfferAcceptance(Participant Participant, string? SetPasswordPath, int Booked, int AlreadyStarted = 0, LateSetJoin? LearningSet = null);

/// <summary>
/// The applicant's side of an offer of a place, and the cohort year that follows. Accepting makes them a participant of
/// the Aspirant Directors strand's cohort (an account, an enrolment) with every taught day of that cohort that has not yet
/// started booked (London time, by the clock), and, when the cohort's learning sets are published, a place in one
/// (<see cref="LateSetPlacement"/>), in one transaction; declining gives up the place, which goes to the first on the waiting list. Completion is recorded from attendance once the taught days are over:
/// at least the cohort's <see cref="AspirantCohort.CompletionMinTaughtDays"/>, or <c>Aspirants:Completion:MinTaughtDays</c>.
/// </summary>
public sealed class OfferResponse(UponDbContext db, IClock clock, UserManager<UponUser> users, AccountService accounts, IOptions<AspirantsApplyOptions> options, Selection selection, LateSetPlacement lateSets)
{
    /// <summary>Why the application has no offer to answer now, or null when it has one.</summary>
    public string? WhyClosed(AspirantApplication application, AspirantCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(cohort);
        if (cohort.DecisionsReleasedAt is null || application.Outcome != SelectionOutcome.Selected || application.Offer is null)
        {
            return "You have no offer of a place to answer.";
        }
        return application.Offer switch
        {
            OfferStatus.Accepted => "You have accepted your place.",
            OfferStatus.Declined => "You declined your place.",
            OfferStatus.Expired => "Your offer has expired.",
            _ when application.OfferDeadline <= clock.GetCurrentInstant() => "Your offer has expired.",
            _ => null,
        };
    }

    public async Task<OfferAcceptance?> AcceptAsync(int applicationKey, CancellationToken cancellationToken = default)
    {
        var cohortId = await db.AspirantApplications.Where(a => a.Id == applicationKey).Select(a => (int?)a.CohortId).FirstOrDefaultAsync(cancellationToken);
        if (cohortId is null)
        {
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The cohort's row orders this answer with declines, expiry and the taught days' sessions being made.
        await db.LockRowAsync<AspirantCohort>(cohortId.Value, cancellationToken);
        var application = await db.AspirantApplications.Include(a => a.Cohort).FirstOrDefaultAsync(a => a.Id == applicationKey, cancellationToken);
        if (application is null || WhyClosed(application, application.Cohort!) is not null)
        {
            return null;
        }
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        string? setPassword = null;
        var user = await users.FindByEmailAsync(application.Email);
        if (user is null)
        {
            user = new UponUser { UserName = application.Email, Email = application.Email, DisplayName = application.FullName, CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create the account: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, Roles.Participant);
            setPassword = await accounts.CreateInvitationAsync(user, cancellationToken: cancellationToken);
        }
        else if (!await users.IsInRoleAsync(user, Roles.Participant))
        {
            await users.AddToRoleAsync(user, Roles.Participant);
        }
        var lower = application.Email.ToLowerInvariant();
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
        var participant = await db.Participants.Include(p => p.Enrolments).FirstOrDefaultAsync(p => p.UserId == user.Id || p.Email.ToLower() == lower, cancellationToken);
#pragma warning restore CA1862
        if (participant is null)
        {
            participant = new Participant { GivenName = application.GivenName, FamilyName = application.FamilyName, Email = application.Email, CreatedAt = now };
            db.Participants.Add(participant);
        }
        participant.UserId ??= user.Id;
        var programmeCohort = await ProgrammeCohortAsync(application.Cohort!, cancellationToken);
        participant.Enrolments.Add(new Enrolment
        {
            StrandId = programmeCohort.StrandId,
            CohortId = programmeCohort.Id,
            StartsOn = today < programmeCohort.StartsOn ? programmeCohort.StartsOn : today,
            EndsOn = programmeCohort.EndsOn,
            Status = EnrolmentStatus.Enrolled,
            History = [new EnrolmentStatusChange { Status = EnrolmentStatus.Enrolled, From = today, Reason = $"Accepted a place in the Aspirant Directors cohort {application.Cohort!.Name}", RecordedAt = now, RecordedBy = application.Email }],
        });
        application.Offer = OfferStatus.Accepted;
        application.OfferRespondedAt = now;
        application.Participant = participant;
        await db.SaveChangesAsync(cancellationToken);

        var allTaughtDays = await TaughtDaySessionsAsync(application.Cohort!, programmeCohort, now, cancellationToken);
        // A taught day already started (or over) is not booked: someone accepting late joins the days still to come.
        var taughtDays = allTaughtDays.Where(s => s.StartUtc > now).ToList();
        var alreadyStarted = allTaughtDays.Count - taughtDays.Count;
        foreach (var session in taughtDays)
        {
            await BookAsync(session, participant.Id, now, cancellationToken);
        }
        EmailOutbox.Enqueue(db, application.Email, $"Your place on the Aspirant Directors programme {application.Cohort.Name}",
            $"Dear {application.GivenName},\n\nThank you for accepting your place on the Aspirant Directors programme {application.Cohort.Name}. " +
            (allTaughtDays.Count == 0 ? "We will book you on the taught days when their dates are set.\n" :
                (taughtDays.Count == 0 ? "The taught days have all taken place.\n" : $"You are booked on the {taughtDays.Count} taught days{(alreadyStarted > 0 ? " still to come" : "")}:\n" + string.Join('\n', taughtDays.Select(s => $"- {s.Title}: {ApplyEmails.Format(s.StartUtc)}")) + "\n") +
                (alreadyStarted > 0 ? $"{alreadyStarted} of the {allTaughtDays.Count} taught days had already begun before you accepted.\n" : "")) +
            "\nSign in to Upon to see your sessions, add them to your calendar and, after the taught days, ask for a coach.\n");
        await db.SaveChangesAsync(cancellationToken);
        var set = await lateSets.PlaceAsync(application, participant.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OfferAcceptance(participant, setPassword, taughtDays.Count, alreadyStarted, set);
    }

    /// <summary>Declines the offer; the place goes to the first on the waiting list (<see cref="Selection.DeclineAsync"/>).</summary>
    public async Task<bool> DeclineAsync(int applicationKey, CancellationToken cancellationToken = default)
    {
        var application = await db.AspirantApplications.AsNoTracking().Include(a => a.Cohort).FirstOrDefaultAsync(a => a.Id == applicationKey, cancellationToken);
        if (application is null || WhyClosed(application, application.Cohort!) is not null)
        {
            return false;
        }
        await selection.DeclineAsync(applicationKey, cancellationToken);
        return true;
    }

    /// <summary>The Aspirant Directors strand's cohort for <paramref name="cohort"/>: the one linked, else one of the same name, else a new one over its taught days.</summary>
    public async Task<Cohort> ProgrammeCohortAsync(AspirantCohort cohort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (cohort.ProgrammeCohortId is { } id)
        {
            return await db.Cohorts.SingleAsync(c => c.Id == id, cancellationToken);
        }
        var strand = await StrandSetup.StandingStrandAsync(db, StrandSetup.AspirantDirectorsSlug, cancellationToken);
        var programmeCohort = await db.Cohorts.FirstOrDefaultAsync(c => c.StrandId == strand.Id && c.Name == cohort.Name, cancellationToken);
        if (programmeCohort is null)
        {
            var days = await db.AspirantTaughtDays.Where(d => d.CohortId == cohort.Id).Select(d => d.Date).ToListAsync(cancellationToken);
            var starts = days.Count > 0 ? days.Min() : clock.TodayInLondon();
            programmeCohort = new Cohort
            {
                StrandId = strand.Id,
                Name = cohort.Name,
                StartsOn = starts,
                EndsOn = cohort.EndsOn ?? (days.Count > 0 ? days.Max() : starts.PlusYears(1).PlusDays(-1)),
            };
            db.Cohorts.Add(programmeCohort);
            await db.SaveChangesAsync(cancellationToken);
        }
        var tracked = await db.AspirantCohorts.SingleAsync(c => c.Id == cohort.Id, cancellationToken);
        tracked.ProgrammeCohortId = programmeCohort.Id;
        return programmeCohort;
    }

    /// <summary>The taught day's hours (London time) for a session made from one of the cohort's taught day dates.</summary>
    public static readonly LocalTime TaughtDayStarts = new(9, 30);
    public static readonly LocalTime TaughtDayEnds = new(16, 30);

    /// <summary>
    /// The programme cohort's taught day sessions, first making a session for each of the cohort's taught day dates that
    /// has none on that day (9:30 to 16:30 London time, as many places as the cohort has, or as have accepted if more).
    /// Runs in the caller's transaction.
    /// </summary>
    private async Task<List<Session>> TaughtDaySessionsAsync(AspirantCohort cohort, Cohort programmeCohort, Instant now, CancellationToken cancellationToken)
    {
        var existing = await db.Sessions.Where(s => s.CohortId == programmeCohort.Id && s.Type == SessionType.TaughtDay && s.Status != SessionStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var dates = (await db.AspirantTaughtDays.AsNoTracking().Where(d => d.CohortId == cohort.Id).Select(d => d.Date).ToListAsync(cancellationToken)).Order().ToList();
        var accepted = await db.AspirantApplications.CountAsync(a => a.CohortId == cohort.Id && a.Offer == OfferStatus.Accepted, cancellationToken);
        var made = false;
        for (var i = 0; i < dates.Count; i++)
        {
            if (existing.Any(s => s.Start.Date == dates[i]))
            {
                continue;
            }
            var session = new Session
            {
                Uid = SessionSchedule.NewUid(),
                Title = $"Taught day {i + 1}, Aspirant Directors {cohort.Name}",
                Type = SessionType.TaughtDay,
                StrandId = programmeCohort.StrandId,
                CohortId = programmeCohort.Id,
                Capacity = Math.Clamp(Math.Max(cohort.Places, accepted + 1), 1, Session.MaxCapacity),
                Status = SessionStatus.Scheduled,
                CreatedAt = now,
                UpdatedAt = now,
            };
            SessionSchedule.SetTimes(session, dates[i].At(TaughtDayStarts), dates[i].At(TaughtDayEnds));
            db.Sessions.Add(session);
            existing.Add(session);
            made = true;
        }
        if (made)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return [.. existing.OrderBy(s => s.StartUtc)];
    }

    /// <summary>
    /// After staff change the taught days of a cohort whose applicants have started accepting: makes a session for each
    /// new date and books everyone who accepted on every taught day. Returns how many places were booked.
    /// </summary>
    public async Task<int> BookTaughtDaysAsync(int cohortId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockRowAsync<AspirantCohort>(cohortId, cancellationToken);
        var cohort = await db.AspirantCohorts.SingleAsync(c => c.Id == cohortId, cancellationToken);
        if (cohort.ProgrammeCohortId is null)
        {
            return 0;
        }
        var programmeCohort = await ProgrammeCohortAsync(cohort, cancellationToken);
        var now = clock.GetCurrentInstant();
        var sessions = await TaughtDaySessionsAsync(cohort, programmeCohort, now, cancellationToken);
        var participants = await db.AspirantApplications.Where(a => a.CohortId == cohortId && a.Offer == OfferStatus.Accepted && a.ParticipantId != null)
            .Select(a => a.ParticipantId!.Value).ToListAsync(cancellationToken);
        var booked = 0;
        foreach (var session in sessions.Where(s => s.EndUtc > now))
        {
            foreach (var participant in participants)
            {
                if (await BookAsync(session, participant, now, cancellationToken))
                {
                    booked++;
                }
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return booked;
    }

    private Task<bool> BookAsync(Session session, int participantId, Instant now, CancellationToken cancellationToken) =>
        CohortYearBookings.BookAsync(db, session, participantId, now, cancellationToken);

    /// <summary>
    /// For every accepted applicant whose cohort's taught days are all past and whose completion is not yet known:
    /// completed when they attended (present, late or leaving early) at least the cohort's minimum of taught days.
    /// Returns how many were recorded.
    /// </summary>
    public async Task<int> RecordCompletionAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.TodayInLondon();
        var pending = await db.AspirantApplications.Include(a => a.Cohort)
            .Where(a => a.Offer == OfferStatus.Accepted && a.Completed == null && a.ParticipantId != null && a.Cohort!.ProgrammeCohortId != null)
            .ToListAsync(cancellationToken);
        var recorded = 0;
        foreach (var cohort in pending.GroupBy(a => a.Cohort!))
        {
            var programmeCohortId = cohort.Key.ProgrammeCohortId!.Value;
            var taught = await db.Sessions.AsNoTracking().Where(s => s.CohortId == programmeCohortId && s.Type == SessionType.TaughtDay && s.Status != SessionStatus.Cancelled)
                .Select(s => new { s.Id, s.End }).ToListAsync(cancellationToken);
            if (taught.Count == 0 || taught.Max(s => s.End).Date >= today)
            {
                continue;
            }
            var minimum = cohort.Key.CompletionMinTaughtDays ?? options.Value.Completion.MinTaughtDays;
            var ids = taught.Select(s => s.Id).ToList();
            var participants = cohort.Select(a => a.ParticipantId!.Value).ToList();
            var attended = (await db.AttendanceRecords.AsNoTracking()
                    .Where(r => ids.Contains(r.SessionId) && participants.Contains(r.ParticipantId)
                        && (r.Mark == AttendanceMark.Present || r.Mark == AttendanceMark.Late || r.Mark == AttendanceMark.LeftEarly))
                    .Select(r => r.ParticipantId).ToListAsync(cancellationToken))
                .CountBy(p => p).ToDictionary(p => p.Key, p => p.Value);
            foreach (var application in cohort)
            {
                application.Completed = attended.GetValueOrDefault(application.ParticipantId!.Value) >= minimum;
                recorded++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return recorded;
    }
}
