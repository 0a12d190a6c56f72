using NodaTime;
using Upon.Core.Register;

namespace Upon.Register;

/// <summary>
/// One appointment of a person as DCS of an authority, keyed by authority, person and start date.
/// <see cref="EndDate"/> is the last day in post (inclusive), null while in post.
/// </summary>
public class Appointment
{
    public int Id { get; set; }
    public required string AuthorityCode { get; set; }
    public Authority? Authority { get; set; }
    public int PersonKey { get; set; }
    public Person? Person { get; set; }
    public AppointmentType Type { get; set; }
    public LocalDate StartDate { get; set; }
    public LocalDate? EndDate { get; set; }
    public LeavingReason? LeavingReason { get; set; }
    public bool? Unplanned { get; set; }

    /// <summary>The day the register was told of the appointment (the import's <c>recorded_date</c>, else the day it was recorded); null for appointments recorded before Upon kept it.</summary>
    public LocalDate? RecordedOn { get; set; }

    public bool IsInPostOn(LocalDate date) => date >= StartDate && (EndDate is null || date <= EndDate);
}
