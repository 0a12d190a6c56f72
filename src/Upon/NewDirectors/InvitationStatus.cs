namespace Upon.NewDirectors;

/// <summary>Where an invitation to the New Directors programme stands.</summary>
public enum InvitationStatus
{
    /// <summary>Created; not sent yet (its send date has not come, or no email is recorded).</summary>
    Pending,
    Sent,
    Accepted,
    Declined,

    /// <summary>Sent, and not answered within 28 days.</summary>
    Expired,

    /// <summary>Staff withdrew it (for example, created by mistake).</summary>
    Withdrawn,
}
