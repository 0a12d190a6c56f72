using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// One person's unbroken time as DCS of one authority, built from one or more appointments by
/// <see cref="Tenures.Build"/>. <see cref="End"/> is the last day in post (inclusive), null while still in post.
/// </summary>
/// <param name="AuthorityCode">The authority's DfE number.</param>
/// <param name="PersonId">The director.</param>
/// <param name="Start">The first day in post.</param>
/// <param name="End">The last day in post, or null if still in post.</param>
public sealed record Tenure(string AuthorityCode, string PersonId, LocalDate Start, LocalDate? End)
{
    /// <summary>
    /// The number of days in post, counting both the first and the last day. If the tenure is still running
    /// (<see cref="End"/> null) or ends after <paramref name="asOf"/>, it is counted up to and including
    /// <paramref name="asOf"/>. Zero if <paramref name="asOf"/> is before <see cref="Start"/>.
    /// </summary>
    public int LengthInDays(LocalDate asOf)
    {
        var last = End is { } end && end <= asOf ? end : asOf;
        return last < Start ? 0 : Period.DaysBetween(Start, last) + 1;
    }
}
