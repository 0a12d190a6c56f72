using NodaTime;

namespace Upon.Sessions;

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

    /// <summary>The invitation accepted to create this enrolment (New Directors), if any.</summary>
    public int? InvitationId { get; set; }

    /// <summary>The last status recorded (deferred, withdrawn, completed ...); stages by date are worked out from <see cref="StartsOn"/>.</summary>
    public EnrolmentStatus Status { get; set; }

    /// <summary>Set when the participant left their DCS post during the journey, until staff decide to continue or withdraw.</summary>
    public LocalDate? LeftPostOn { get; set; }
    public List<EnrolmentStatusChange> History { get; set; } = [];

    public bool IsActiveOn(LocalDate date) => date >= StartsOn && (EndsOn is null || date <= EndsOn);
}
