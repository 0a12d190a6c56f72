using NodaTime;

namespace Upon.Core.Impact;

/// <summary>A group's retention figures.</summary>
/// <param name="Group">participants or comparison.</param>
/// <param name="N">Tenures in the group.</param>
/// <param name="Events">Tenures that ended on or before the as-of day.</param>
/// <param name="MedianMonths">The Kaplan-Meier median length in months (days / 30.4375); null if survival never falls to one half.</param>
/// <param name="Survival12">The estimated share lasting beyond 12 months (365.25 days); null beyond the group's longest observed time.</param>
/// <param name="Survival24">The same at 24 months.</param>
/// <param name="Survival36">The same at 36 months.</param>
public sealed record RetentionGroupFigures(
    RetentionGroup Group, int N, int Events, double? MedianMonths, double? Survival12, double? Survival24, double? Survival36);

/// <summary>The log-rank test's published figures.</summary>
/// <param name="ChiSquare">The statistic, one degree of freedom; null when its variance is zero.</param>
/// <param name="PValue">Its p-value; null with it.</param>
public sealed record LogRankFigures(double? ChiSquare, double? PValue);

/// <summary>The figures of one kind of first appointment.</summary>
/// <param name="Type">permanent or interim (interim and acting).</param>
/// <param name="Groups">Participants, then comparison.</param>
/// <param name="LogRank">The log-rank test between them.</param>
public sealed record RetentionTypeFigures(RetentionType Type, IReadOnlyList<RetentionGroupFigures> Groups, LogRankFigures LogRank);

/// <summary>The retention evaluation's figures (definitions on <see cref="RetentionPopulation"/> and <see cref="SurvivalEstimate"/>).</summary>
/// <param name="AsOf">The as-of day.</param>
/// <param name="LandmarkDays">90.</param>
/// <param name="Groups">Participants, then comparison, of the whole population.</param>
/// <param name="LogRank">The log-rank test between them.</param>
/// <param name="ByType">Permanent, then interim.</param>
public sealed record RetentionFigures(
    LocalDate AsOf, int LandmarkDays, IReadOnlyList<RetentionGroupFigures> Groups, LogRankFigures LogRank, IReadOnlyList<RetentionTypeFigures> ByType);

/// <summary>A set of tenures compared: each group's curve and the log-rank test between them.</summary>
/// <param name="Participants">The participants' curve.</param>
/// <param name="Comparison">The comparison group's curve.</param>
/// <param name="LogRank">The test, participants first.</param>
public sealed record RetentionComparison(SurvivalEstimate Participants, SurvivalEstimate Comparison, LogRankResult LogRank)
{
    /// <summary>The curve of <paramref name="group"/>.</summary>
    public SurvivalEstimate Of(RetentionGroup group) => group == RetentionGroup.Participants ? Participants : Comparison;

    /// <summary>Compares the participants and the comparison group among <paramref name="tenures"/>.</summary>
    public static RetentionComparison Of(IEnumerable<RetentionTenure> tenures)
    {
        ArgumentNullException.ThrowIfNull(tenures);
        var list = tenures.ToList();
        var participants = list.Where(t => t.Group == RetentionGroup.Participants).Select(t => t.Observation).ToList();
        var comparison = list.Where(t => t.Group == RetentionGroup.Comparison).Select(t => t.Observation).ToList();
        return new RetentionComparison(new SurvivalEstimate(participants), new SurvivalEstimate(comparison), Impact.LogRank.Compare(participants, comparison));
    }
}

/// <summary>The retention evaluation of a population: every curve and the figures read from them.</summary>
/// <param name="AsOf">The as-of day.</param>
/// <param name="Population">The tenures evaluated.</param>
/// <param name="All">The whole population compared.</param>
/// <param name="ByType">Each kind of first appointment compared, permanent then interim.</param>
public sealed record RetentionEvaluationResult(
    LocalDate AsOf, IReadOnlyList<RetentionTenure> Population, RetentionComparison All, IReadOnlyDictionary<RetentionType, RetentionComparison> ByType)
{
    /// <summary>The months at which survival is published.</summary>
    public static IReadOnlyList<int> SurvivalMonths { get; } = [12, 24, 36];

    /// <summary>Evaluates <paramref name="population"/> (from <see cref="RetentionPopulation.Build"/>) as of <paramref name="asOf"/>.</summary>
    public static RetentionEvaluationResult Evaluate(IReadOnlyList<RetentionTenure> population, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(population);
        var byType = new Dictionary<RetentionType, RetentionComparison>
        {
            [RetentionType.Permanent] = RetentionComparison.Of(population.Where(t => t.Type == RetentionType.Permanent)),
            [RetentionType.Interim] = RetentionComparison.Of(population.Where(t => t.Type == RetentionType.Interim)),
        };
        return new RetentionEvaluationResult(asOf, population, RetentionComparison.Of(population), byType);
    }

    /// <summary>The published figures, unrounded.</summary>
    public RetentionFigures Figures() => new(
        AsOf,
        RetentionPopulation.LandmarkDays,
        GroupsOf(All),
        LogRankOf(All),
        [.. ByType.OrderBy(p => p.Key).Select(p => new RetentionTypeFigures(p.Key, GroupsOf(p.Value), LogRankOf(p.Value)))]);

    private static IReadOnlyList<RetentionGroupFigures> GroupsOf(RetentionComparison comparison) =>
        [.. new[] { RetentionGroup.Participants, RetentionGroup.Comparison }.Select(g =>
        {
            var curve = comparison.Of(g);
            return new RetentionGroupFigures(
                g, curve.N, curve.Events, curve.MedianMonths, curve.SurvivalAtMonths(12), curve.SurvivalAtMonths(24), curve.SurvivalAtMonths(36));
        })];

    private static LogRankFigures LogRankOf(RetentionComparison comparison) => new(comparison.LogRank.ChiSquare, comparison.LogRank.PValue);
}
