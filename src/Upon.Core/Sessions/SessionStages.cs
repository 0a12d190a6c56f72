using NodaTime;
using Upon.Core.NewDirectors;

namespace Upon.Core.Sessions;

/// <summary>
/// Which stage of a participant's enrolment a kind of session is for. Coaching groups are the second year's: open from
/// the first day of month 13 of the enrolment (<see cref="Journey.CoachingYearStarts"/>), so a director in their first
/// months is not offered them. Every other kind of session is open throughout the enrolment.
/// </summary>
public static class SessionStages
{
    /// <summary>Whether a session of <paramref name="type"/> on <paramref name="sessionDate"/> is for the stage an enrolment that began on <paramref name="enrolledOn"/> is then in.</summary>
    public static bool IsForStage(SessionType type, LocalDate enrolledOn, LocalDate sessionDate) =>
        type != SessionType.CoachingGroup || sessionDate >= new Journey(enrolledOn).CoachingYearStarts;
}
