using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// One appointment of a person as DCS of an authority. <see cref="End"/> is the last day in post
/// (inclusive), null while in post.
/// </summary>
public sealed record AppointmentFact(
    string AuthorityCode,
    string PersonId,
    AppointmentType Type,
    LocalDate Start,
    LocalDate? End = null,
    LeavingReason? LeavingReason = null,
    bool? Unplanned = null)
{
    /// <summary>Whether the person was in post on <paramref name="date"/>.</summary>
    public bool IsInPostOn(LocalDate date) => date >= Start && (End is null || date <= End);

    public bool IsInterimOrActing => Type is AppointmentType.Interim or AppointmentType.Acting;
}
