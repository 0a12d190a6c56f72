using NodaTime;
using Upon.Core;
using Upon.Core.Aspirants;

namespace Upon.Aspirants;

/// <summary>The rules every way of creating a cohort shares.</summary>
public static class AspirantCohorts
{
    /// <summary>Why <paramref name="name"/> cannot name a cohort; null when it can.</summary>
    public static string? CheckName(string name) =>
        name.Length is 0 or > AspirantCohort.MaxNameLength ? $"The cohort needs a name of 1 to {AspirantCohort.MaxNameLength} characters, like 2027-28."
        : ControlCharacters.Contains(name) ? $"The cohort's name {ControlCharacters.Problem(name)}."
        : null;

    /// <summary>
    /// A cohort created by an import: no application window or rules of its own (the imported record says who was
    /// eligible), the default review scale 1 to 5 and two reviews per application; its criteria come from its reviews.
    /// </summary>
    public static AspirantCohort Imported(string name, Instant now) => new()
    {
        Name = name,
        Imported = true,
        CreatedAt = now,
        MinYearsSenior = null,
        MaxTiersBelowDcs = null,
        RequireEndorsement = false,
    };

    /// <summary>The day the cohort's year ends (<see cref="CohortEnd"/>), from its taught days as given.</summary>
    public static LocalDate? EndOf(AspirantCohort cohort, IEnumerable<LocalDate> taughtDays)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var last = taughtDays.DefaultIfEmpty().Max();
        return CohortEnd.Of(cohort.EndsOn, last == default ? null : last, cohort.Name);
    }
}
