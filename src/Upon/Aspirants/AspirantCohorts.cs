using NodaTime;
using Upon.Core;

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

    /// <summary>
    /// The day the cohort's year ends, from which alumni are counted: its configured end, else its last taught day, else
    /// 31 July of the second year in a name like <c>2021-22</c>; null when none of these is known.
    /// </summary>
    public static LocalDate? EndOf(AspirantCohort cohort, IEnumerable<LocalDate> taughtDays)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (cohort.EndsOn is { } ends) return ends;
        var last = taughtDays.DefaultIfEmpty().Max();
        if (last != default) return last;
        var name = cohort.Name;
        if (name.Length >= 4 && int.TryParse(name.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var first) && first is >= 2000 and < 2200)
        {
            return new LocalDate(first + 1, 7, 31);
        }
        return null;
    }
}
