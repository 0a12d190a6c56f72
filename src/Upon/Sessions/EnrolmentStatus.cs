namespace Upon.Sessions;

/// <summary>
/// A New Director's place on the journey. Core programme and coaching year follow from the enrolment date (months 1 to
/// 12, 13 to 24); the others are recorded with a date and a reason.
/// </summary>
public enum EnrolmentStatus
{
    Enrolled,
    CoreProgramme,
    CoachingYear,
    Completed,
    Deferred,
    Withdrawn,
}
