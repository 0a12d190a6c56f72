using NodaTime;

namespace Upon.Core.Aspirants;

/// <summary>
/// The day an Aspirant Directors cohort's year ends, from which its completions are counted in the DfE return and its
/// alumni in the alumni figures: its configured end, else its last taught day, else 31 March of the financial year its
/// name begins with (<c>2021-22</c> ends on 31 March 2022: the taught days run from autumn to spring); null when none of
/// these is known.
/// </summary>
public static class CohortEnd
{
    /// <summary>The cohort's end: <paramref name="configuredEnd"/>, else <paramref name="lastTaughtDay"/>, else from <paramref name="name"/>.</summary>
    public static LocalDate? Of(LocalDate? configuredEnd, LocalDate? lastTaughtDay, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return configuredEnd ?? lastTaughtDay ?? Nominal(name);
    }

    private static LocalDate? Nominal(string name) =>
        name.Length >= 4 && int.TryParse(name.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first) && first is >= 2000 and < 2200
            ? new LocalDate(first + 1, 3, 31)
            : null;
}
