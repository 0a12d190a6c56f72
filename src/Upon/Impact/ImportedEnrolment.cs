using NodaTime;
using Upon.Register;

namespace Upon.Impact;

/// <summary>
/// A past New Directors participant loaded by <c>upon newdirectors import enrolments</c>, so that the retention
/// evaluation covers people who joined before Upon. One per person: a later import replaces the date. It makes no
/// account, enrolment or email; the evaluation reads it beside the acceptances and enrolments recorded in Upon.
/// </summary>
public class ImportedEnrolment
{
    public int Id { get; set; }
    public int PersonKey { get; set; }
    public Person? Person { get; set; }

    /// <summary>The email the programme had for them, as the file gave it.</summary>
    public required string Email { get; set; }

    /// <summary>The day they accepted the invitation or enrolled.</summary>
    public LocalDate AcceptedOn { get; set; }
    public Instant ImportedAt { get; set; }

    public const int MaxEmailLength = 320;
}
