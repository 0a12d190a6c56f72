using NodaTime;

namespace Upon.Register;

/// <summary>An appointment just recorded, by its key: authority, person and start date.</summary>
public sealed record RecordedAppointment(string AuthorityCode, int PersonKey, LocalDate Start);

/// <summary>
/// Raised, inside the saving transaction, by every way of recording new appointments: the form, the API, the upload and
/// <c>upon import appointments</c>. New Directors plans its invitations from it.
/// </summary>
public sealed record AppointmentsRecorded(IReadOnlyCollection<RecordedAppointment> Appointments)
{
    /// <summary>How many New Directors invitations the handlers created, for the upload's preview to say.</summary>
    public int InvitationsCreated { get; set; }
}
