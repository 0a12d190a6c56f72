using NodaTime;
using Upon.Sessions;

namespace Upon.Participants;

/// <summary>A participant's place on a strand (and cohort, where the strand has them) from a date.</summary>
public class Enrolment
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }
    public int StrandId { get; set; }
    public Strand? Strand { get; set; }
    public int? CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public LocalDate StartsOn { get; set; }
    public LocalDate? EndsOn { get; set; }

    public bool IsActiveOn(LocalDate date) => date >= StartsOn && (EndsOn is null || date <= EndsOn);
}
