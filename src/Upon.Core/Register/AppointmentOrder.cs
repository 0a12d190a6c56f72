namespace Upon.Core.Register;

/// <summary>The order in which the turnover figures walk an authority's appointments.</summary>
internal static class AppointmentOrder
{
    /// <summary>
    /// By start, then by end (open appointments last), then by person (ordinal), so that among appointments
    /// starting on the same day the one that lasts longest comes last.
    /// </summary>
    public static readonly Comparison<AppointmentFact> ByStartThenEnd = static (a, b) =>
    {
        var byStart = a.Start.CompareTo(b.Start);
        if (byStart != 0)
        {
            return byStart;
        }
        var byEnd = (a.End, b.End) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            ({ } x, { } y) => x.CompareTo(y),
        };
        return byEnd != 0 ? byEnd : string.CompareOrdinal(a.PersonId, b.PersonId);
    };
}
