using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Core.Impact;

/// <summary>A group's retention figures as they may be published.</summary>
/// <param name="Group">participants or comparison.</param>
/// <param name="N">Tenures in the group.</param>
/// <param name="Events">Tenures ended.</param>
/// <param name="MedianMonths">The median in months.</param>
/// <param name="Survival12">Survival at 12 months.</param>
/// <param name="Survival24">Survival at 24 months.</param>
/// <param name="Survival36">Survival at 36 months.</param>
public sealed record DisclosedRetentionGroup(
    RetentionGroup Group, Disclosed<int> N, Disclosed<int> Events, Disclosed<double?> MedianMonths,
    Disclosed<double?> Survival12, Disclosed<double?> Survival24, Disclosed<double?> Survival36);

/// <summary>The log-rank figures as they may be published (both shown or both suppressed).</summary>
/// <param name="ChiSquare">The statistic.</param>
/// <param name="PValue">Its p-value.</param>
public sealed record DisclosedLogRank(Disclosed<double?> ChiSquare, Disclosed<double?> PValue);

/// <summary>One kind of first appointment's figures as they may be published.</summary>
/// <param name="Type">permanent or interim.</param>
/// <param name="Groups">Participants, then comparison.</param>
/// <param name="LogRank">The test between them.</param>
public sealed record DisclosedRetentionType(RetentionType Type, IReadOnlyList<DisclosedRetentionGroup> Groups, DisclosedLogRank LogRank);

/// <summary>The retention figures as they may be published under a <see cref="DisclosureRule"/>.</summary>
/// <param name="Figures">The exact figures they come from (for the as-of day and the landmark; never publish its counts).</param>
/// <param name="Groups">Participants, then comparison.</param>
/// <param name="LogRank">The test between them.</param>
/// <param name="ByType">Permanent, then interim.</param>
/// <param name="Suppressed">The name of every suppressed figure of the JSON, such as <c>participants.n</c>, <c>interim.comparison.survival24</c> or <c>permanent.logRank</c>.</param>
/// <param name="Table">The whole population's curves read at <see cref="RetentionDisclosure.TableMonths"/>: the table under the chart.</param>
public sealed record DisclosedRetentionFigures(
    RetentionFigures Figures, IReadOnlyList<DisclosedRetentionGroup> Groups, DisclosedLogRank LogRank,
    IReadOnlyList<DisclosedRetentionType> ByType, IReadOnlyList<string> Suppressed, IReadOnlyList<DisclosedCurveRow> Table);

/// <summary>One group's curve read at one time, as it may be published.</summary>
/// <param name="Survival">The estimated share lasting beyond the time (null beyond the longest observed).</param>
/// <param name="Band">Its 95% band.</param>
/// <param name="AtRisk">The tenures observed for at least that long.</param>
public sealed record DisclosedCurveRead(Disclosed<double?> Survival, Disclosed<(double Lower, double Upper)?> Band, Disclosed<int> AtRisk);

/// <summary>Both groups' curves read at <paramref name="Months"/> months from the tenure's start.</summary>
/// <param name="Months">The time, in months of <see cref="TurnoverCalculator.DaysPerMonth"/> days.</param>
/// <param name="Participants">The participants' curve.</param>
/// <param name="Comparison">The comparison group's curve.</param>
public sealed record DisclosedCurveRow(int Months, DisclosedCurveRead Participants, DisclosedCurveRead Comparison);

/// <summary>
/// Small-number suppression of the retention figures (README, "Retention evaluation: the funder's view"):
/// <list type="bullet">
/// <item><b>Counts.</b> <c>n</c> and <c>events</c> from 1 to threshold − 1 are suppressed; zero is shown.</item>
/// <item><b>Events within n.</b> <c>events</c> is a part of <c>n</c>, the still running the other part
/// (<see cref="DisclosureRule.PartOf"/>): suppressed when those still running are 1 to 4.</item>
/// <item><b>By type.</b> A group's permanent and interim figures add up to the whole group's, so when either type's
/// <c>n</c> (or <c>events</c>) is suppressed, the other type's is too; and when the whole group's <c>events</c> is, both
/// types' are, since they would add up to it.</item>
/// <item><b>Curves.</b> The median and survival at 12, 24 and 36 months are suppressed with the group's <c>n</c>; the
/// median as the turnover curve's is (<see cref="DisclosedSurvivalCurve"/>: its step not shown); survival at a time when
/// 1 to 4 are at risk then, or none are but the curve has been cut by small numbers.</item>
/// <item><b>Log-rank.</b> Suppressed when either group's <c>n</c> is.</item>
/// </list>
/// </summary>
public static class RetentionDisclosure
{
    /// <summary>Discloses <paramref name="result"/> under <paramref name="rule"/>.</summary>
    /// <remarks>The counts its figures give away are checked against zero only: for one as-of day, not a series (see <see cref="DiscloseEachQuarter"/>).</remarks>
    public static DisclosedRetentionFigures Disclose(RetentionEvaluationResult result, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rule);
        return DiscloseAgainst(result, rule, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, List<int>>(StringComparer.Ordinal));
    }

    /// <summary>The months at which the table under the chart reads both curves (survival, band and number at risk).</summary>
    public static IReadOnlyList<int> TableMonths { get; } = [0, 6, 12, 18, 24, 30, 36, 48, 60];

    /// <summary>
    /// Discloses the last of <paramref name="quarterEnds"/> (the evaluations as of every financial quarter's last day
    /// from the first after <c>NewDirectors:InvitingSince</c>, oldest first) so that no count can be worked out across
    /// the as-of days the funder can see, nor against the turnover figures (<see cref="DiscloseEachQuarter"/>).
    /// </summary>
    public static DisclosedRetentionFigures DiscloseOverQuarters(IReadOnlyList<RetentionEvaluationResult> quarterEnds, IReadOnlyList<int> startedTenures, DisclosureRule rule) =>
        DiscloseEachQuarter(quarterEnds, startedTenures, rule)[^1];

    /// <summary>
    /// Discloses each of <paramref name="quarterEnds"/> (oldest first) as the funder gets it, so that no count from 1 to
    /// threshold − 1 can be worked out from any of the figures published as of any of them (README, "Retention
    /// evaluation: the funder's view"):
    /// <list type="bullet">
    /// <item><b>What the figures give away.</b> Each published figure gives away counts (<see cref="RetentionKnowledge"/>):
    /// a group's <c>n</c> and <c>events</c> themselves; a survival share at t, as if nobody were censored before t, those
    /// who left by t and those still in post beyond t; a number at risk at t, those observed for at least t. Within one
    /// as-of day more follow: a group's whole is its permanent and interim parts together, so any two of them give the
    /// third; <c>n</c> less any of these gives the rest of the group.</item>
    /// <item><b>Over time.</b> Going through the quarter ends in order, every count given away is checked against zero
    /// and against every value the same count had where it was given away before: when any differs by 1 to
    /// threshold − 1, the figures that give it away are suppressed too, and the check runs again. The same rule run on
    /// fewer quarter ends gives the same answer for them, so earlier as-of days stay as they were published.</item>
    /// <item><b>Against turnover.</b> <paramref name="startedTenures"/> is, for each quarter end, the first-time tenures
    /// that started from <c>NewDirectors:InvitingSince</c> up to 89 days before it (those that would be in the
    /// population had they lasted 90 days), which the funder can come close to from the turnover figures' and the
    /// return's first-time directors. When it exceeds both groups' <c>n</c> together by 1 to threshold − 1 (the short
    /// tenures), and both can be worked out (shown, from their permanent and interim parts, or as the number at risk at
    /// the start), the figures that give away the comparison group's <c>n</c> are suppressed until it cannot be.</item>
    /// </list>
    /// The rules of <see cref="Disclose(RetentionEvaluationResult, DisclosureRule)"/> apply as well.
    /// </summary>
    public static IReadOnlyList<DisclosedRetentionFigures> DiscloseEachQuarter(IReadOnlyList<RetentionEvaluationResult> quarterEnds, IReadOnlyList<int> startedTenures, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(quarterEnds);
        ArgumentNullException.ThrowIfNull(startedTenures);
        ArgumentNullException.ThrowIfNull(rule);
        if (quarterEnds.Count == 0 || startedTenures.Count != quarterEnds.Count)
        {
            throw new ArgumentException("Give an evaluation and a count of started tenures for every quarter end, at least one.", nameof(quarterEnds));
        }
        var history = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var disclosed = new List<DisclosedRetentionFigures>(quarterEnds.Count);
        for (var k = 0; k < quarterEnds.Count; k++)
        {
            var result = quarterEnds[k];
            disclosed.Add(DiscloseAgainst(result, rule, new HashSet<string>(StringComparer.Ordinal), history, startedTenures[k]));
        }
        return disclosed;
    }

    /// <summary>
    /// Discloses <paramref name="result"/> with the figures named in <paramref name="extra"/> suppressed, and as many more
    /// as it takes for every count the figures give away to differ by 0 or at least the threshold from zero and from
    /// every value of it in <paramref name="history"/>; then adds the counts given away to the history.
    /// </summary>
    private static DisclosedRetentionFigures DiscloseAgainst(
        RetentionEvaluationResult result, DisclosureRule rule, HashSet<string> extra, Dictionary<string, List<int>> history, int? startedTenures = null)
    {
        var knowledge = new RetentionKnowledge(result);
        while (true)
        {
            var figures = Disclose(result, rule, extra);
            if (!rule.SuppressesAnything)
            {
                return figures;
            }
            var known = knowledge.GivenAway(figures);
            var conflict = known.FirstOrDefault(c => rule.IsSmall(c.Value)
                || (history.TryGetValue(c.Key, out var before) && before.Exists(b => rule.IsSmall(Math.Abs(c.Value - b)))));
            if (conflict.Key is null && startedTenures is { } started && known.TryGetValue(ParticipantsN, out var participants)
                && known.TryGetValue(ComparisonN, out var comparison) && rule.IsSmall(started - participants - comparison))
            {
                // Both groups' n, however they are worked out, would tell the short tenures against turnover.
                conflict = new KeyValuePair<string, int>(ComparisonN, comparison);
            }
            if (conflict.Key is null)
            {
                foreach (var (key, value) in known)
                {
                    if (!history.TryGetValue(key, out var values))
                    {
                        history[key] = values = [];
                    }
                    values.Add(value);
                }
                return figures;
            }
            if (!knowledge.FiguresGivingAway(conflict.Key, figures).Aggregate(false, (added, name) => extra.Add(name) || added))
            {
                throw new InvalidOperationException($"No figure is left to suppress to hide {conflict.Key}.");
            }
        }
    }

    // The whole groups' sizes as RetentionKnowledge names them.
    private const string ParticipantsN = "all.participants.n";
    private const string ComparisonN = "all.comparison.n";

    /// <summary>Every count of an evaluation by name: <c>participants.n</c>, <c>comparison.events</c>, <c>interim.participants.n</c> ...</summary>
    public static IReadOnlyDictionary<string, int> CountsOf(RetentionEvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in new[] { RetentionGroup.Participants, RetentionGroup.Comparison })
        {
            var g = RetentionNames.Of(group);
            counts[$"{g}.n"] = result.All.Of(group).N;
            counts[$"{g}.events"] = result.All.Of(group).Events;
            foreach (var type in new[] { RetentionType.Permanent, RetentionType.Interim })
            {
                counts[$"{RetentionNames.Of(type)}.{g}.n"] = result.ByType[type].Of(group).N;
                counts[$"{RetentionNames.Of(type)}.{g}.events"] = result.ByType[type].Of(group).Events;
            }
        }
        return counts;
    }

    private static DisclosedRetentionFigures Disclose(RetentionEvaluationResult result, DisclosureRule rule, HashSet<string> alsoSuppressed)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rule);
        var figures = result.Figures();
        var suppressed = new List<string>();
        var types = new[] { RetentionType.Permanent, RetentionType.Interim };
        var groups = new[] { RetentionGroup.Participants, RetentionGroup.Comparison };

        var allCounts = new Dictionary<RetentionGroup, (Disclosed<int> N, Disclosed<int> Events)>();
        var typeCounts = new Dictionary<(RetentionType, RetentionGroup), (Disclosed<int> N, Disclosed<int> Events)>();
        foreach (var group in groups)
        {
            var all = result.All.Of(group);
            var g = RetentionNames.Of(group);
            Disclosed<int> Also(Disclosed<int> count, string name) => alsoSuppressed.Contains(name) ? Disclosed.Suppressed<int>() : count;
            var whole = (N: Also(rule.Count(all.N), $"{g}.n"), Events: Also(rule.PartOf(all.N, all.Events), $"{g}.events"));
            var n = types.ToDictionary(t => t, t => Also(rule.Count(result.ByType[t].Of(group).N), $"{RetentionNames.Of(t)}.{g}.n"));
            var events = types.ToDictionary(t => t, t => Also(rule.PartOf(result.ByType[t].Of(group).N, result.ByType[t].Of(group).Events), $"{RetentionNames.Of(t)}.{g}.events"));
            var anyN = n.Values.Any(d => d.IsSuppressed);
            var anyEvents = whole.Events.IsSuppressed || events.Values.Any(d => d.IsSuppressed);
            allCounts[group] = whole;
            foreach (var type in types)
            {
                typeCounts[(type, group)] = (
                    anyN ? Disclosed.Suppressed<int>() : n[type],
                    anyEvents ? Disclosed.Suppressed<int>() : events[type]);
            }
        }

        var disclosedGroups = groups.Select(g => Group(result.All.Of(g), g, allCounts[g], rule, RetentionNames.Of(g), suppressed, alsoSuppressed)).ToList();
        var logRank = LogRank(result.All, disclosedGroups, "logRank", suppressed);
        var byType = types.Select(t =>
        {
            var prefix = RetentionNames.Of(t);
            var typeGroups = groups.Select(g => Group(result.ByType[t].Of(g), g, typeCounts[(t, g)], rule, $"{prefix}.{RetentionNames.Of(g)}", suppressed, alsoSuppressed)).ToList();
            return new DisclosedRetentionType(t, typeGroups, LogRank(result.ByType[t], typeGroups, $"{prefix}.logRank", suppressed));
        }).ToList();
        DisclosedCurveRead Read(RetentionGroup group, int months)
        {
            var curve = result.All.Of(group);
            var name = RetentionNames.Of(group);
            var survival = alsoSuppressed.Contains($"{name}.survival{months}")
                ? Disclosed.Suppressed<double?>()
                : SurvivalShown(curve, months, rule, allCounts[group].N.IsSuppressed, DisclosedSurvivalCurve.Disclose(curve.Curve, rule));
            var atRisk = curve.AtRiskAt(months * TurnoverCalculator.DaysPerMonth);
            return new DisclosedCurveRead(
                survival,
                survival.IsSuppressed ? Disclosed.Suppressed<(double, double)?>() : Disclosed.Shown(curve.BandAt(months * TurnoverCalculator.DaysPerMonth)),
                alsoSuppressed.Contains($"{name}.atRisk{months}") ? Disclosed.Suppressed<int>() : rule.Count(atRisk));
        }
        var table = TableMonths.Select(m => new DisclosedCurveRow(m, Read(RetentionGroup.Participants, m), Read(RetentionGroup.Comparison, m))).ToList();
        return new DisclosedRetentionFigures(figures, disclosedGroups, logRank, byType, suppressed, table);
    }

    /// <summary>
    /// Survival at <paramref name="months"/> on its own: suppressed when the group is hidden, when 1 to threshold − 1 are
    /// at risk then, or when the curve has been cut (<see cref="DisclosedSurvivalCurve"/>) at or before that time.
    /// </summary>
    private static Disclosed<double?> SurvivalShown(SurvivalEstimate curve, int months, DisclosureRule rule, bool hidden, DisclosedSurvivalCurve cut)
    {
        var days = months * TurnoverCalculator.DaysPerMonth;
        var atRisk = curve.AtRiskAt(days);
        return hidden || rule.IsSmall(atRisk) || (cut.HiddenFromDays is { } from && from <= days)
            ? Disclosed.Suppressed<double?>()
            : Disclosed.Shown(curve.SurvivalAtMonths(months));
    }

    private static DisclosedRetentionGroup Group(
        SurvivalEstimate curve, RetentionGroup group, (Disclosed<int> N, Disclosed<int> Events) counts, DisclosureRule rule, string name, List<string> suppressed,
        HashSet<string> alsoSuppressed)
    {
        var cut = DisclosedSurvivalCurve.Disclose(curve.Curve, rule);
        var hidden = counts.N.IsSuppressed;
        var median = hidden || cut.MedianDays.IsSuppressed ? Disclosed.Suppressed<double?>() : Disclosed.Shown(curve.MedianMonths);
        Disclosed<double?> At(int months) =>
            alsoSuppressed.Contains($"{name}.survival{months}") ? Disclosed.Suppressed<double?>() : SurvivalShown(curve, months, rule, hidden, cut);
        var disclosed = new DisclosedRetentionGroup(group, counts.N, counts.Events, median, At(12), At(24), At(36));
        void Note(bool isSuppressed, string field)
        {
            if (isSuppressed)
            {
                suppressed.Add($"{name}.{field}");
            }
        }
        Note(disclosed.N.IsSuppressed, "n");
        Note(disclosed.Events.IsSuppressed, "events");
        Note(disclosed.MedianMonths.IsSuppressed, "medianMonths");
        Note(disclosed.Survival12.IsSuppressed, "survival12");
        Note(disclosed.Survival24.IsSuppressed, "survival24");
        Note(disclosed.Survival36.IsSuppressed, "survival36");
        return disclosed;
    }

    private static DisclosedLogRank LogRank(RetentionComparison comparison, IReadOnlyList<DisclosedRetentionGroup> groups, string name, List<string> suppressed)
    {
        if (groups.Any(g => g.N.IsSuppressed))
        {
            suppressed.Add(name);
            return new DisclosedLogRank(Disclosed.Suppressed<double?>(), Disclosed.Suppressed<double?>());
        }
        return new DisclosedLogRank(Disclosed.Shown(comparison.LogRank.ChiSquare), Disclosed.Shown(comparison.LogRank.PValue));
    }
}
