using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// The days an authority operated, both bounds inclusive. A null <see cref="From"/> means no start bound
/// (the authority predates GSS codes); a null <see cref="To"/> means it is still in operation.
/// </summary>
public readonly record struct OperatingPeriod(LocalDate? From, LocalDate? To)
{
    /// <summary>Whether the authority was in operation on <paramref name="date"/>.</summary>
    public bool Contains(LocalDate date) => (From is null || date >= From) && (To is null || date <= To);

    /// <summary>Whether every day from <paramref name="start"/> to <paramref name="end"/> (null: open) is in the period.</summary>
    public bool Covers(LocalDate start, LocalDate? end) =>
        (From is null || start >= From) && (To is null || (end is not null && end <= To));
}
