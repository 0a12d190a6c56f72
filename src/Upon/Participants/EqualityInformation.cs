using NodaTime;
using Upon.Sessions;

namespace Upon.Participants;

public enum Sex
{
    PreferNotToSay,
    Female,
    Male,
}

public enum Disability
{
    PreferNotToSay,
    Yes,
    No,
}

/// <summary>
/// A participant's equality information: special-category data. They give it themselves at <c>/my/equality</c>; only they
/// and administrators see it, every view of it is written to the audit log, and the DfE only ever gets counts.
/// </summary>
public class EqualityInformation
{
    public int Id { get; set; }
    public int ParticipantId { get; set; }
    public Participant? Participant { get; set; }

    /// <summary>A code of <see cref="Core.Equality.Ethnicity.Groups"/>; null when they prefer not to say.</summary>
    public string? EthnicityCode { get; set; }
    public Sex Sex { get; set; }
    public Disability Disability { get; set; }
    public Instant UpdatedAt { get; set; }
}
