using NodaTime;
using Upon.Core.Sessions;

namespace Upon.Core.NewDirectors;

/// <summary>
/// One New Directors session as it bears on one participant's journey: its day (London), its type, whether it has
/// been held (it has ended and was not cancelled), and what the register says of them, if anything.
/// </summary>
public sealed record JourneySession(LocalDate Date, SessionType Type, bool Held, AttendanceMark? Mark)
{
    /// <summary>Present, late or left early: they were there.</summary>
    public bool Attended => IsAttendance(Mark);

    /// <summary>Whether a mark says the person was there (present, late or left early).</summary>
    public static bool IsAttendance(AttendanceMark? mark) => mark is AttendanceMark.Present or AttendanceMark.Late or AttendanceMark.LeftEarly;
}

/// <summary>
/// What a New Director must do to complete the programme, from configuration: attend at least
/// <see cref="MinCoreWorkshopShare"/> of the virtual workshops held during their core programme (months 1 to 12),
/// when <see cref="RequireResidential"/>, a residential during their core programme, and have at least
/// <see cref="MinCoachingSessions"/> one-to-one coaching sessions confirmed in their coaching year (months 13 to 24).
/// </summary>
public sealed record CompletionCriteria
{
    /// <summary>The share (0 to 1) of the core year's virtual workshops to attend; 0.6 is 60%.</summary>
    public double MinCoreWorkshopShare { get; init; } = 0.6;

    /// <summary>Whether attending a residential in the core year is required.</summary>
    public bool RequireResidential { get; init; } = true;

    /// <summary>
    /// The fewest one-to-one coaching sessions, logged by the coach and confirmed by the coachee, dated in the coaching year;
    /// 0 (the default) leaves coaching out of the criteria.
    /// </summary>
    public int MinCoachingSessions { get; init; }

    /// <summary>The most <see cref="MinCoachingSessions"/> may be: a session a week for the coaching year.</summary>
    public const int MaxCoachingSessions = 52;

    /// <summary>Whether the values make sense: a share from 0 to 1 and from 0 to <see cref="MaxCoachingSessions"/> coaching sessions.</summary>
    public bool IsValid => MinCoreWorkshopShare is >= 0 and <= 1 && MinCoachingSessions is >= 0 and <= MaxCoachingSessions;

    // Shares are compared with a little room, so that 3 of 5 meets 0.6 whatever binary fractions make of it.
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Progress against the criteria on <paramref name="today"/>. Only sessions on days in the core programme count,
    /// and only workshops already held count towards the share; only coaching sessions dated in the coaching year count.
    /// </summary>
    /// <param name="journey">The participant's journey.</param>
    /// <param name="sessions">The strand's sessions as they concern the participant.</param>
    /// <param name="today">The day the progress is for.</param>
    /// <param name="confirmedCoachingDates">The dates of the participant's confirmed one-to-one coaching sessions.</param>
    public CompletionProgress Assess(Journey journey, IEnumerable<JourneySession> sessions, LocalDate today, IEnumerable<LocalDate>? confirmedCoachingDates = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var core = sessions.Where(s => journey.InCoreProgramme(s.Date)).ToList();
        var workshops = core.Where(s => s.Type == SessionType.VirtualWorkshop && s.Held).ToList();
        var held = workshops.Count;
        var attended = workshops.Count(s => s.Attended);
        double? share = held == 0 ? null : (double)attended / held;
        var workshopsMet = share is { } value ? value >= MinCoreWorkshopShare - Tolerance : MinCoreWorkshopShare <= 0;
        var residentials = core.Count(s => s.Type == SessionType.Residential && s.Held && s.Attended);
        var coaching = (confirmedCoachingDates ?? []).Count(d => d >= journey.CoachingYearStarts && d <= journey.CoachingYearEnds);
        return new CompletionProgress(this, held, attended, share, workshopsMet, residentials,
            !RequireResidential || residentials > 0, today > journey.CoreProgrammeEnds)
        {
            CoachingSessionsConfirmed = coaching,
            CoachingMet = coaching >= MinCoachingSessions,
        };
    }

    /// <summary>The fewest workshops to attend out of <paramref name="held"/> to meet the share.</summary>
    public int WorkshopsNeeded(int held) => held == 0 ? 0 : (int)Math.Ceiling((MinCoreWorkshopShare * held) - Tolerance);
}

/// <summary>A participant's progress against the <see cref="CompletionCriteria"/>: each criterion, with its numbers.</summary>
/// <param name="Criteria">The criteria the progress is measured against.</param>
/// <param name="CoreWorkshopsHeld">Virtual workshops held so far on days in the core programme.</param>
/// <param name="CoreWorkshopsAttended">Of those, the ones they attended.</param>
/// <param name="CoreWorkshopShare">Attended / held; null when none has been held.</param>
/// <param name="WorkshopsMet">Whether the share reaches the minimum.</param>
/// <param name="CoreResidentialsAttended">Residentials attended on days in the core programme.</param>
/// <param name="ResidentialMet">Whether the residential criterion is met (always, when not required).</param>
/// <param name="CoreProgrammeOver">Whether the core programme has ended, so the numbers are final.</param>
public sealed record CompletionProgress(
    CompletionCriteria Criteria,
    int CoreWorkshopsHeld,
    int CoreWorkshopsAttended,
    double? CoreWorkshopShare,
    bool WorkshopsMet,
    int CoreResidentialsAttended,
    bool ResidentialMet,
    bool CoreProgrammeOver)
{
    /// <summary>Confirmed one-to-one coaching sessions dated in the coaching year.</summary>
    public int CoachingSessionsConfirmed { get; init; }

    /// <summary>Whether the coaching criterion is met (always, when <see cref="CompletionCriteria.MinCoachingSessions"/> is 0).</summary>
    public bool CoachingMet { get; init; } = true;

    /// <summary>Every criterion is met.</summary>
    public bool Met => WorkshopsMet && ResidentialMet && CoachingMet;

    /// <summary>How many of the workshops held so far must be attended to meet the share.</summary>
    public int WorkshopsNeeded => Criteria.WorkshopsNeeded(CoreWorkshopsHeld);
}
