using NodaTime;

namespace Upon.Core.Coaching;

/// <summary>
/// A coach's consent to be matched on one characteristic, given on <see cref="GivenOn"/> and withdrawn (if ever) on
/// <see cref="WithdrawnOn"/>. Withdrawal removes the characteristic from every matching run from that day.
/// </summary>
public sealed record CharacteristicConsent(string Characteristic, LocalDate GivenOn, LocalDate? WithdrawnOn = null)
{
    /// <summary>Whether the consent holds on <paramref name="day"/>: given on or before it and not withdrawn by then.</summary>
    public bool HoldsOn(LocalDate day) => GivenOn <= day && (WithdrawnOn is null || WithdrawnOn > day);

    /// <summary>The characteristics a coach may be matched on, on <paramref name="day"/>.</summary>
    public static IReadOnlySet<string> InForce(IEnumerable<CharacteristicConsent> consents, LocalDate day) =>
        consents.Where(c => c.HoldsOn(day)).Select(c => c.Characteristic).ToHashSet(StringComparer.Ordinal);
}
