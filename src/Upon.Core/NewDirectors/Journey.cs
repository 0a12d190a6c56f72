using NodaTime;

namespace Upon.Core.NewDirectors;

/// <summary>Where a New Director is on their two years, by the calendar.</summary>
public enum JourneyStage
{
    /// <summary>Before the enrolment's first day.</summary>
    NotStarted,

    /// <summary>Months 1 to 12: virtual workshops and residentials with other new directors.</summary>
    CoreProgramme,

    /// <summary>Months 13 to 24: online coaching sessions, one-to-one coaching and the annual residential.</summary>
    CoachingYear,

    /// <summary>After the last day of month 24.</summary>
    Finished,
}

/// <summary>One month of a journey: its number (1 to 24), its first and last days, and its stage.</summary>
public sealed record JourneyMonth(int Number, LocalDate Starts, LocalDate Ends, JourneyStage Stage)
{
    /// <summary>Whether <paramref name="date"/> falls in this month of the journey.</summary>
    public bool Contains(LocalDate date) => date >= Starts && date <= Ends;
}

/// <summary>
/// A New Director's 24 months, counted from the enrolment's first day (the day they accepted). Month <c>n</c> starts on
/// the start date plus <c>n - 1</c> calendar months, always counted from the start date so that short months do not
/// drift: enrolled on 31 January, month 2 starts on 28 February (29 in a leap year) and month 3 on 31 March. A month
/// ends the day before the next one starts. Months 1 to 12 are the core programme, 13 to 24 the coaching year; the
/// journey is finished from the day after month 24 ends.
/// </summary>
public sealed record Journey(LocalDate StartsOn)
{
    /// <summary>The length of the journey in months.</summary>
    public const int Months = 24;

    /// <summary>The core programme's months (1 to 12); the coaching year is the rest.</summary>
    public const int CoreMonths = 12;

    /// <summary>How long without attending a session counts as falling behind, and how long someone must have been enrolled first.</summary>
    public static readonly Period FallingBehindAfter = Period.FromMonths(3);

    /// <summary>The first day of month <paramref name="month"/> (1 to 25; month 25's first day is the first day after the journey).</summary>
    public LocalDate MonthStarts(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, Months + 1);
        return StartsOn.PlusMonths(month - 1);
    }

    /// <summary>The last day of month <paramref name="month"/> (1 to 24).</summary>
    public LocalDate MonthEnds(int month)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, Months);
        return MonthStarts(month + 1).PlusDays(-1);
    }

    /// <summary>The first day of the core programme: the enrolment's first day.</summary>
    public LocalDate CoreProgrammeStarts => StartsOn;

    /// <summary>The last day of month 12.</summary>
    public LocalDate CoreProgrammeEnds => MonthEnds(CoreMonths);

    /// <summary>The first day of month 13.</summary>
    public LocalDate CoachingYearStarts => MonthStarts(CoreMonths + 1);

    /// <summary>The last day of month 24: the journey's last day.</summary>
    public LocalDate CoachingYearEnds => MonthEnds(Months);

    /// <summary>The journey's last day (the last day of month 24).</summary>
    public LocalDate EndsOn => CoachingYearEnds;

    /// <summary>The first day after the journey: the day a participant who met the criteria is completed.</summary>
    public LocalDate FinishedFrom => MonthStarts(Months + 1);

    /// <summary>The month (1 to 24) containing <paramref name="date"/>, or null before the start and after the end.</summary>
    public int? MonthOn(LocalDate date)
    {
        if (date < StartsOn)
        {
            return null;
        }
        var months = ((date.Year - StartsOn.Year) * 12) + date.Month - StartsOn.Month;
        if (StartsOn.PlusMonths(months) > date)
        {
            months--;
        }
        var month = months + 1;
        return month > Months ? null : month;
    }

    /// <summary>The stage of the journey on <paramref name="date"/>.</summary>
    public JourneyStage StageOn(LocalDate date) => MonthOn(date) switch
    {
        null when date < StartsOn => JourneyStage.NotStarted,
        null => JourneyStage.Finished,
        <= CoreMonths => JourneyStage.CoreProgramme,
        _ => JourneyStage.CoachingYear,
    };

    /// <summary>The first day of a stage (for <see cref="JourneyStage.Finished"/>, the first day after the journey).</summary>
    public LocalDate StageStarts(JourneyStage stage) => stage switch
    {
        JourneyStage.CoreProgramme => CoreProgrammeStarts,
        JourneyStage.CoachingYear => CoachingYearStarts,
        JourneyStage.Finished => FinishedFrom,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "The journey has no start for this stage."),
    };

    /// <summary>Whether <paramref name="date"/> falls in the core programme (months 1 to 12).</summary>
    public bool InCoreProgramme(LocalDate date) => date >= CoreProgrammeStarts && date <= CoreProgrammeEnds;

    /// <summary>Whether <paramref name="date"/> falls in the journey (months 1 to 24).</summary>
    public bool Contains(LocalDate date) => date >= StartsOn && date <= EndsOn;

    /// <summary>The 24 months in order.</summary>
    public IReadOnlyList<JourneyMonth> Timeline =>
        [.. Enumerable.Range(1, Months).Select(m => new JourneyMonth(m, MonthStarts(m), MonthEnds(m), m <= CoreMonths ? JourneyStage.CoreProgramme : JourneyStage.CoachingYear))];

    /// <summary>
    /// The stages begun on or before <paramref name="today"/>, each with the day it began: the core programme from the
    /// start, the coaching year from month 13, finished from the day after month 24.
    /// </summary>
    public IReadOnlyList<(JourneyStage Stage, LocalDate From)> StagesBegunBy(LocalDate today) =>
        [.. new[] { JourneyStage.CoreProgramme, JourneyStage.CoachingYear, JourneyStage.Finished }
            .Select(s => (Stage: s, From: StageStarts(s))).Where(s => s.From <= today)];

    /// <summary>
    /// Falling behind: on the journey (months 1 to 24), enrolled at least three months, and no session attended in the
    /// last three months, that is on or after <paramref name="today"/> less three months.
    /// </summary>
    /// <param name="today">The day to judge on, in London.</param>
    /// <param name="lastAttended">The day of the last session attended (present, late or left early), if any.</param>
    public bool IsFallingBehind(LocalDate today, LocalDate? lastAttended) =>
        Contains(today)
        && today >= StartsOn + FallingBehindAfter
        && (lastAttended is not { } last || last < today - FallingBehindAfter);
}
