using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Participants;
using Upon.Sessions;

namespace Upon.NewDirectors;

/// <summary>A New Directors session as it concerns one participant: what the register says of them, and their booking.</summary>
public sealed record JourneySessionView(Session Session, AttendanceMark? Mark, BookingStatus? Booking, bool Apologised, Instant Now)
{
    public LocalDate Date => Session.Start.Date;
    public bool Cancelled => Session.Status == SessionStatus.Cancelled;
    public bool Held => !Cancelled && Session.EndUtc <= Now;
    public bool Upcoming => !Cancelled && Session.EndUtc > Now;
    public bool Attended => JourneySession.IsAttendance(Mark);
    public bool HasPlace => Booking == BookingStatus.Booked;
    public bool IsWaiting => Booking == BookingStatus.Waitlisted;

    /// <summary>What it means for them, in a word or two: "Attended", "Booked", "Missed" ...</summary>
    public string State => Mark switch
    {
        AttendanceMark.Present => "Attended",
        AttendanceMark.Late => "Attended (late)",
        AttendanceMark.LeftEarly => "Attended (left early)",
        AttendanceMark.Excused => "Apologies",
        AttendanceMark.Absent => "Missed",
        _ when Cancelled => "Cancelled",
        _ when Upcoming && HasPlace => "Booked",
        _ when Upcoming && IsWaiting => "Waiting list",
        _ when Apologised => "Apologies",
        _ when Held && HasPlace => "Booked, not marked yet",
        _ when Held && IsWaiting => "Waiting list: no place",
        _ => "Not booked",
    };

    public JourneySession ToCore() => new(Date, Session.Type, Held, Mark);
}

/// <summary>Everything about one New Director's journey on a day: stage, sessions, progress and flags.</summary>
public sealed record JourneyView(
    Enrolment Enrolment,
    Participant Participant,
    Journey Journey,
    LocalDate Today,
    IReadOnlyList<JourneySessionView> Sessions,
    CompletionProgress Progress)
{
    public JourneyStage Stage => Journey.StageOn(Today);
    public int? Month => Journey.MonthOn(Today);

    /// <summary>Still on the journey (not deferred, withdrawn or completed).</summary>
    public bool Active => Enrolment.Status is EnrolmentStatus.Enrolled or EnrolmentStatus.CoreProgramme or EnrolmentStatus.CoachingYear;

    /// <summary>Sessions attended during the journey, oldest first.</summary>
    public IReadOnlyList<JourneySessionView> Attended => [.. Sessions.Where(s => s.Attended && Journey.Contains(s.Date))];
    public LocalDate? LastAttended => Sessions.Where(s => s.Attended).Select(s => (LocalDate?)s.Date).Max();

    /// <summary>Upcoming sessions they hold a seat or a waiting-list place on, soonest first.</summary>
    public IReadOnlyList<JourneySessionView> Booked => [.. Sessions.Where(s => s.Upcoming && (s.HasPlace || s.IsWaiting))];

    /// <summary>No session attended in the last three months while active on the journey (see <see cref="Journey.IsFallingBehind"/>).</summary>
    public bool FallingBehind => Active && Journey.IsFallingBehind(Today, LastAttended);

    /// <summary>Left their DCS post during the journey; staff have not yet chosen to continue or withdraw.</summary>
    public bool LeftPostUndecided => Enrolment.LeftPostOn is not null && Enrolment.Status is not (EnrolmentStatus.Withdrawn or EnrolmentStatus.Completed);

    /// <summary>Month 24 has ended without the completion criteria met: still in the coaching year, for staff to decide.</summary>
    public bool DidNotMeetCriteria => Enrolment.Status == EnrolmentStatus.CoachingYear && Today >= Journey.FinishedFrom && !Progress.Met;

    /// <summary>The history, in the order it happened.</summary>
    public IReadOnlyList<EnrolmentStatusChange> History => [.. Enrolment.History.OrderBy(h => h.From).ThenBy(h => h.RecordedAt).ThenBy(h => h.Id)];

    /// <summary>The sessions of their journey's month <paramref name="month"/> that concern them (marked, booked or apologised).</summary>
    public IReadOnlyList<JourneySessionView> InMonth(JourneyMonth month) =>
        [.. Sessions.Where(s => month.Contains(s.Date) && (s.Mark is not null || s.Booking is BookingStatus.Booked or BookingStatus.Waitlisted || s.Apologised))];
}

/// <summary>One row of the staff overview of New Directors.</summary>
public sealed record JourneySummary(
    Enrolment Enrolment,
    Participant Participant,
    JourneyStage Stage,
    int? Month,
    int AttendedCount,
    LocalDate? LastAttended,
    bool FallingBehind,
    bool LeftPostUndecided,
    bool DidNotMeetCriteria);

/// <summary>Reads for the journey pages: a participant's journey, and every New Director for staff.</summary>
public sealed class JourneyQueries(UponDbContext db, IClock clock, CompletionCriteria criteria, Coaching.CoachingSummaries coaching)
{
    /// <summary>The New Directors strand's id, or null when there is no such strand yet.</summary>
    public Task<int?> StrandIdAsync(CancellationToken cancellationToken = default) =>
        db.Strands.Where(s => s.Slug == StrandSetup.NewDirectorsSlug).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The journey of one New Directors enrolment, or null when there is no such enrolment.</summary>
    public async Task<JourneyView?> ForEnrolmentAsync(int enrolmentId, CancellationToken cancellationToken = default)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Participant).ThenInclude(p => p!.Person).Include(e => e.History).Include(e => e.Strand)
            .FirstOrDefaultAsync(e => e.Id == enrolmentId && e.Strand!.Slug == StrandSetup.NewDirectorsSlug, cancellationToken);
        return enrolment is null ? null : await ViewAsync(enrolment, cancellationToken);
    }

    /// <summary>The participant's latest New Directors journey, or null when they have none.</summary>
    public async Task<JourneyView?> ForParticipantAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Participant).ThenInclude(p => p!.Person).Include(e => e.History).Include(e => e.Strand)
            .Where(e => e.ParticipantId == participantId && e.Strand!.Slug == StrandSetup.NewDirectorsSlug)
            .OrderByDescending(e => e.StartsOn).ThenByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        return enrolment is null ? null : await ViewAsync(enrolment, cancellationToken);
    }

    private async Task<JourneyView> ViewAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        var sessions = await SessionsAsync(db, enrolment.StrandId, enrolment.ParticipantId, now, cancellationToken);
        var journey = new Journey(enrolment.StartsOn);
        var coachingDates = await coaching.ConfirmedSessionDatesAsync(enrolment.ParticipantId, cancellationToken);
        return new JourneyView(enrolment, enrolment.Participant!, journey, today, sessions,
            criteria.Assess(journey, sessions.Select(s => s.ToCore()), today, coachingDates[enrolment.ParticipantId]));
    }

    /// <summary>Every session of the strand as it concerns the participant, in time order.</summary>
    public static async Task<IReadOnlyList<JourneySessionView>> SessionsAsync(UponDbContext db, int strandId, int participantId, Instant now, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StrandId == strandId).OrderBy(s => s.StartUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var marks = await db.AttendanceRecords.AsNoTracking().Where(a => a.ParticipantId == participantId && a.Session!.StrandId == strandId)
            .Select(a => new { a.SessionId, a.Mark }).ToListAsync(cancellationToken);
        var bookings = await db.Bookings.AsNoTracking().Where(b => b.ParticipantId == participantId && b.Session!.StrandId == strandId)
            .Select(b => new { b.SessionId, b.Status }).ToListAsync(cancellationToken);
        var apologies = (await db.Apologies.AsNoTracking().Where(a => a.ParticipantId == participantId && a.Session!.StrandId == strandId)
            .Select(a => a.SessionId).ToListAsync(cancellationToken)).ToHashSet();
        var markOf = marks.GroupBy(m => m.SessionId).ToDictionary(g => g.Key, g => g.First().Mark);
        var bookingOf = bookings.GroupBy(b => b.SessionId).ToDictionary(g => g.Key, g => g.First().Status);
        return [.. sessions.Select(s => new JourneySessionView(s, markOf.TryGetValue(s.Id, out var m) ? m : null,
            bookingOf.TryGetValue(s.Id, out var b) ? b : null, apologies.Contains(s.Id), now))];
    }

    /// <summary>Every New Director's journey on one line each, by family name.</summary>
    public async Task<IReadOnlyList<JourneySummary>> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var strandId = await StrandIdAsync(cancellationToken);
        if (strandId is null)
        {
            return [];
        }
        var now = clock.GetCurrentInstant();
        var today = clock.TodayInLondon();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Participant).Where(e => e.StrandId == strandId)
            .OrderBy(e => e.Participant!.FamilyName).ThenBy(e => e.Participant!.GivenName).ThenBy(e => e.StartsOn).ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.StrandId == strandId)
            .Select(s => new { s.Id, s.Start, s.Type, s.Status, s.EndUtc }).ToListAsync(cancellationToken);
        var sessionById = sessions.ToDictionary(s => s.Id);
        var marks = (await db.AttendanceRecords.AsNoTracking().Where(a => a.Session!.StrandId == strandId)
            .Select(a => new { a.ParticipantId, a.SessionId, a.Mark }).ToListAsync(cancellationToken)).ToLookup(a => a.ParticipantId);
        var coachingDates = await coaching.ConfirmedSessionDatesAsync(null, cancellationToken);
        var result = new List<JourneySummary>(enrolments.Count);
        foreach (var enrolment in enrolments)
        {
            var journey = new Journey(enrolment.StartsOn);
            var theirs = marks[enrolment.ParticipantId].Where(m => sessionById.ContainsKey(m.SessionId)).ToDictionary(m => m.SessionId, m => m.Mark);
            var facts = sessions.Select(s => new JourneySession(s.Start.Date, s.Type, s.Status != SessionStatus.Cancelled && s.EndUtc <= now,
                theirs.TryGetValue(s.Id, out var mark) ? mark : null)).ToList();
            var attended = facts.Where(f => f.Attended).ToList();
            var last = attended.Select(f => (LocalDate?)f.Date).Max();
            var active = enrolment.Status is EnrolmentStatus.Enrolled or EnrolmentStatus.CoreProgramme or EnrolmentStatus.CoachingYear;
            var finishedUnmet = enrolment.Status == EnrolmentStatus.CoachingYear && today >= journey.FinishedFrom && !criteria.Assess(journey, facts, today, coachingDates[enrolment.ParticipantId]).Met;
            result.Add(new JourneySummary(enrolment, enrolment.Participant!, journey.StageOn(today), journey.MonthOn(today),
                attended.Count(f => journey.Contains(f.Date)), last, active && journey.IsFallingBehind(today, last),
                enrolment.LeftPostOn is not null && enrolment.Status is not (EnrolmentStatus.Withdrawn or EnrolmentStatus.Completed), finishedUnmet));
        }
        return result;
    }
}
