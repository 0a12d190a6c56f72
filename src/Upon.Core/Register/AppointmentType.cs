namespace Upon.Core.Register;

/// <summary>How a director holds their post.</summary>
public enum AppointmentType
{
    Permanent,
    Interim,
    Acting,
}
