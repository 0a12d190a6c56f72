using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// One appointment of a person as DCS of an authority. <see cref="End"/> is the last day in post
/// (inclusive), null while in post.
/// </summary>
/// <param name="AuthorityCode">The authority's DfE number.</param>
/// <param name="PersonId">The person's stable identifier in the register's source.</param>
/// <param name="Type">How the person holds the post.</param>
/// <param name="Start">The first day in post.</param>
/// <param name="End">The last day in post (inclusive); null while in post.</param>
/// <param name="LeavingReason">Why the appointment ended; null while in post.</param>
/// <param name="Unplanned">Whether the ending was unplanned; null while in post.</param>
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

    /// <summary>Whether the appointment is interim or acting rather than permanent.</summary>
    public bool IsInterimOrActing => Type is AppointmentType.Interim or AppointmentType.Acting;
}
