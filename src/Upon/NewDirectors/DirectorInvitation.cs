using NodaTime;
using Upon.Register;

namespace Upon.NewDirectors;

/// <summary>
/// An invitation to the New Directors programme for someone in their first DCS post. It is sent on the start date
/// (or at once if the register hears later) and is due within 14 days of the start date. The link in it is tied to the
/// email it was sent to; only its hash is kept.
/// </summary>
public class DirectorInvitation
{
    public int Id { get; set; }
    public int PersonKey { get; set; }
    public Person? Person { get; set; }
    public int? AppointmentId { get; set; }
    public Appointment? Appointment { get; set; }
    public required string AuthorityCode { get; set; }

    /// <summary>The first day in post.</summary>
    public LocalDate StartDate { get; set; }

    /// <summary>The day the register was told of the appointment (the invitation's creation, in London).</summary>
    public LocalDate RecordedOn { get; set; }

    /// <summary>Not sent before this day: the start date, or the day recorded when later.</summary>
    public LocalDate SendOn { get; set; }

    /// <summary>The start date plus 14 days: the programme's promise.</summary>
    public LocalDate DueBy { get; set; }
    public InvitationStatus Status { get; set; }

    /// <summary>Created by staff by hand rather than from the register.</summary>
    public bool ByHand { get; set; }

    /// <summary>The address it was (or will be) sent to: the person's email when sent.</summary>
    public string? Email { get; set; }
    public Instant? SentAt { get; set; }
    public LocalDate? SentOn { get; set; }
    public int Sends { get; set; }
    public string? TokenHash { get; set; }

    /// <summary>The link's secret, encrypted with the app's data-protection keys, so reminders can carry the same link.</summary>
    public string? ProtectedToken { get; set; }
    public Instant? ExpiresAt { get; set; }
    public Instant? FirstReminderAt { get; set; }
    public Instant? SecondReminderAt { get; set; }
    public Instant? AnsweredAt { get; set; }
    public LocalDate? AnsweredOn { get; set; }

    /// <summary>Why they declined, when they said; or the note staff recorded of a conversation.</summary>
    public string? DeclineReason { get; set; }
    public bool DeclinedInConversation { get; set; }
    public Instant CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public const int MaxReasonLength = 1000;

    /// <summary>Days from the start date to the day it was sent; negative never happens (never sent before the start).</summary>
    public int? DaysToInvitation => SentOn is { } sent ? Period.Between(StartDate, sent, PeriodUnits.Days).Days : null;

    /// <summary>How many days after the start date the register was told (0 when on or before the start).</summary>
    public int DaysRecordedLate => Math.Max(0, Period.Between(StartDate, RecordedOn, PeriodUnits.Days).Days);
}
