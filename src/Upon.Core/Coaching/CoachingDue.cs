using NodaTime;
using Upon.Core.NewDirectors;

namespace Upon.Core.Coaching;

/// <summary>
/// Whether a participant is due coaching, and so offered the request form: a New Director in their coaching year
/// (month 13 to 24 of the enrolment), or an aspirant after their cohort's last taught day.
/// </summary>
public static class CoachingDue
{
    /// <summary>A New Director enrolled on <paramref name="enrolledOn"/> is due from the first day of month 13 to the last day of month 24.</summary>
    public static bool NewDirector(LocalDate enrolledOn, LocalDate today)
    {
        var journey = new Journey(enrolledOn);
        return today >= journey.CoachingYearStarts && today <= journey.CoachingYearEnds;
    }

    /// <summary>An aspirant is due from the day after their cohort's last taught day (never when it has none).</summary>
    public static bool Aspirant(LocalDate? lastTaughtDay, LocalDate today) => lastTaughtDay is { } last && today > last;
}
