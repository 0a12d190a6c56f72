namespace Upon.Register;

/// <summary>
/// Raised, inside the saving transaction, when the form changes or ends a recorded appointment (its person, authority,
/// type or dates). New Directors brings an invitation not yet sent into line with it.
/// </summary>
public sealed record AppointmentChanged(int AppointmentId);
