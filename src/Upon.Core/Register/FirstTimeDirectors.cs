using NodaTime;

namespace Upon.Core.Register;

/// <summary>
/// Who is a first-time director, as the turnover figures count them (<see cref="TurnoverFigures.FirstTimeDirectors"/>)
/// and the retention evaluation's population takes them: an appointment starting on its person's earliest appointment
/// start anywhere in the register is first-time, and so is the tenure it starts. Two shared first posts starting the same
/// day are both first-time.
/// </summary>
public static class FirstTimeDirectors
{
    /// <summary>Each person's earliest appointment start anywhere in the register, by person id.</summary>
    public static Dictionary<string, LocalDate> FirstStarts(IEnumerable<AppointmentFact> appointments)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        var first = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var a in appointments)
        {
            if (!first.TryGetValue(a.PersonId, out var start) || a.Start < start)
            {
                first[a.PersonId] = a.Start;
            }
        }
        return first;
    }

    /// <summary>Whether an appointment or tenure of a person starting on <paramref name="start"/> is first-time.</summary>
    /// <param name="start">Its first day.</param>
    /// <param name="firstStarts">From <see cref="FirstStarts"/>.</param>
    /// <param name="personId">The person.</param>
    public static bool IsFirstTime(string personId, LocalDate start, IReadOnlyDictionary<string, LocalDate> firstStarts)
    {
        ArgumentNullException.ThrowIfNull(firstStarts);
        return firstStarts.TryGetValue(personId, out var first) && start == first;
    }

    /// <summary>The first-time tenures of the register (<see cref="Register.Tenures.Build"/>), in its order.</summary>
    public static IReadOnlyList<Tenure> Tenures(IReadOnlyCollection<AppointmentFact> appointments)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        var firstStarts = FirstStarts(appointments);
        return [.. Register.Tenures.Build(appointments).Where(t => IsFirstTime(t.PersonId, t.Start, firstStarts))];
    }
}
