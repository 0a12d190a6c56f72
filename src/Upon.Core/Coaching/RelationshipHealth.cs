using NodaTime;

namespace Upon.Core.Coaching;

/// <summary>What staff should look at in a coaching relationship.</summary>
public enum HealthFlag
{
    /// <summary>No session logged in the last six weeks (42 days), counting from the start when there is none.</summary>
    NoSessionInSixWeeks,

    /// <summary>More sessions are left than whole months left in the coaching year: the entitlement may go unused.</summary>
    EntitlementAtRisk,

    /// <summary>The coachee asked to change coach.</summary>
    ChangeRequested,
}

/// <summary>The health flags of an active relationship on a day.</summary>
public static class RelationshipHealth
{
    public const int QuietDays = 42;

    /// <param name="sessionDates">The dates of the sessions logged and not queried.</param>
    public static IReadOnlyList<HealthFlag> Flags(LocalDate startsOn, LocalDate endsOn, int entitledSessions, IReadOnlyCollection<LocalDate> sessionDates, bool changeRequested, LocalDate today)
    {
        var flags = new List<HealthFlag>();
        if (today < startsOn || today > endsOn) return changeRequested ? [HealthFlag.ChangeRequested] : flags;
        var last = sessionDates.Where(d => d <= today).DefaultIfEmpty(startsOn).Max();
        if (Period.Between(last, today, PeriodUnits.Days).Days >= QuietDays) flags.Add(HealthFlag.NoSessionInSixWeeks);
        var left = entitledSessions - sessionDates.Count;
        var monthsLeft = Period.Between(today, endsOn, PeriodUnits.Months).Months;
        if (left > 0 && left > monthsLeft) flags.Add(HealthFlag.EntitlementAtRisk);
        if (changeRequested) flags.Add(HealthFlag.ChangeRequested);
        return flags;
    }

    public static string Describe(HealthFlag flag) => flag switch
    {
        HealthFlag.NoSessionInSixWeeks => "No session in six weeks",
        HealthFlag.EntitlementAtRisk => "Entitlement at risk",
        _ => "Asked to change coach",
    };
}
