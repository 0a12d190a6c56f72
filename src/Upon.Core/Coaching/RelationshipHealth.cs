using NodaTime;

namespace Upon.Core.Coaching;

/// <summary>What staff should look at in a coaching relationship.</summary>
public enum HealthConcern
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
    /// <summary>Days without a session after which a relationship is flagged: six weeks.</summary>
    public const int QuietDays = 42;

    /// <summary>What staff should look at in the relationship on <paramref name="today"/>. Outside its dates only a change request is flagged.</summary>
    /// <param name="startsOn">The relationship's first day.</param>
    /// <param name="endsOn">The relationship's last day.</param>
    /// <param name="entitledSessions">Sessions in the entitlement.</param>
    /// <param name="sessionDates">The dates of the sessions logged and not queried.</param>
    /// <param name="changeRequested">Whether the coachee asked to change coach.</param>
    /// <param name="today">The day to judge on, in London.</param>
    public static IReadOnlyList<HealthConcern> Flags(LocalDate startsOn, LocalDate endsOn, int entitledSessions, IReadOnlyCollection<LocalDate> sessionDates, bool changeRequested, LocalDate today)
    {
        var flags = new List<HealthConcern>();
        if (today < startsOn || today > endsOn) return changeRequested ? [HealthConcern.ChangeRequested] : flags;
        var last = sessionDates.Where(d => d <= today).DefaultIfEmpty(startsOn).Max();
        if (Period.Between(last, today, PeriodUnits.Days).Days >= QuietDays) flags.Add(HealthConcern.NoSessionInSixWeeks);
        var left = entitledSessions - sessionDates.Count;
        var monthsLeft = Period.Between(today, endsOn, PeriodUnits.Months).Months;
        if (left > 0 && left > monthsLeft) flags.Add(HealthConcern.EntitlementAtRisk);
        if (changeRequested) flags.Add(HealthConcern.ChangeRequested);
        return flags;
    }

    /// <summary>A short label for staff, such as "Entitlement at risk".</summary>
    public static string Describe(HealthConcern flag) => flag switch
    {
        HealthConcern.NoSessionInSixWeeks => "No session in six weeks",
        HealthConcern.EntitlementAtRisk => "Entitlement at risk",
        _ => "Asked to change coach",
    };
}
