using NodaTime;

namespace Upon.Sessions;

/// <summary>One line of an enrolment's history: a status from a date, with the reason and who recorded it.</summary>
public class EnrolmentStatusChange
{
    public int Id { get; set; }
    public int EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }
    public EnrolmentStatus Status { get; set; }
    public LocalDate From { get; set; }
    public string? Reason { get; set; }
    public Instant RecordedAt { get; set; }
    public string? RecordedBy { get; set; }

    public const int MaxReasonLength = 1000;
}
