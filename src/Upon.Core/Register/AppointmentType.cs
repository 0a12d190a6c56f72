namespace Upon.Core.Register;

/// <summary>How a director holds their post.</summary>
public enum AppointmentType
{
    /// <summary>Substantively appointed to the post, with no planned end.</summary>
    Permanent,

    /// <summary>Appointed for a limited time, often from outside, while a permanent director is recruited.</summary>
    Interim,

    /// <summary>Covering the post from within the authority, usually a deputy stepping up, until it is filled.</summary>
    Acting,
}
