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
/// <param name="Suppressed">The name of every suppressed figure, such as <c>participants.n</c>, <c>interim.comparison.survival24</c> or <c>permanent.logRank</c>.</param>
public sealed record DisclosedRetentionFigures(
    RetentionFigures Figures, IReadOnlyList<DisclosedRetentionGroup> Groups, DisclosedLogRank LogRank,
    IReadOnlyList<DisclosedRetentionType> ByType, IReadOnlyList<string> Suppressed);

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
    public static DisclosedRetentionFigures Disclose(RetentionEvaluationResult result, DisclosureRule rule) =>
        Disclose(result, rule, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// Discloses the last of <paramref name="quarterEnds"/> (the evaluations as of every financial quarter's last day
    /// from the first after <c>NewDirectors:InvitingSince</c>, oldest first) so that no count can be worked out across
    /// the as-of days the funder can see, nor against the turnover figures:
    /// <list type="bullet">
    /// <item><b>Over time.</b> Each count (a group's or a type's <c>n</c> and <c>events</c>) only grows from one quarter
    /// end to the next. Going through the quarter ends in order, a count is shown only where it differs by 0 or at least
    /// the threshold from the last one shown (0 before the first), so any two shown differ by 0 or at least the
    /// threshold. The same rule run on fewer quarter ends gives the same answer for them, so earlier as-of days stay as
    /// they were published.</item>
    /// <item><b>Against turnover.</b> <paramref name="startedTenures"/> is, for each quarter end, the first-time tenures
    /// that started from <c>NewDirectors:InvitingSince</c> up to 89 days before it (those that would be in the
    /// population had they lasted 90 days), which the funder can come close to from the turnover figures' and the
    /// return's first-time directors. When it exceeds both groups' <c>n</c> together by 1 to threshold − 1 (the short
    /// tenures), the comparison group's <c>n</c> is suppressed.</item>
    /// </list>
    /// Then the rules of <see cref="Disclose(RetentionEvaluationResult, DisclosureRule)"/> apply as well.
    /// </summary>
    public static DisclosedRetentionFigures DiscloseOverQuarters(IReadOnlyList<RetentionEvaluationResult> quarterEnds, IReadOnlyList<int> startedTenures, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(quarterEnds);
        ArgumentNullException.ThrowIfNull(startedTenures);
        ArgumentNullException.ThrowIfNull(rule);
        if (quarterEnds.Count == 0 || startedTenures.Count != quarterEnds.Count)
        {
            throw new ArgumentException("Give an evaluation and a count of started tenures for every quarter end, at least one.", nameof(quarterEnds));
        }
        var extra = new HashSet<string>(StringComparer.Ordinal);
        var series = quarterEnds.Select(CountsOf).ToList();
        foreach (var name in series[^1].Keys)
        {
            var lastShown = 0;
            var shownAtEnd = false;
            foreach (var counts in series)
            {
                var value = counts[name];
                shownAtEnd = !rule.IsSmall(Math.Abs(value - lastShown));
                if (shownAtEnd)
                {
                    lastShown = value;
                }
            }
            if (!shownAtEnd)
            {
                extra.Add(name);
            }
        }
        var last = quarterEnds[^1];
        if (rule.IsSmall(startedTenures[^1] - last.All.Participants.N - last.All.Comparison.N))
        {
            extra.Add($"{RetentionNames.Of(RetentionGroup.Comparison)}.n");
        }
        return Disclose(last, rule, extra);
    }

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

        var disclosedGroups = groups.Select(g => Group(result.All.Of(g), g, allCounts[g], rule, RetentionNames.Of(g), suppressed)).ToList();
        var logRank = LogRank(result.All, disclosedGroups, "logRank", suppressed);
        var byType = types.Select(t =>
        {
            var prefix = RetentionNames.Of(t);
            var typeGroups = groups.Select(g => Group(result.ByType[t].Of(g), g, typeCounts[(t, g)], rule, $"{prefix}.{RetentionNames.Of(g)}", suppressed)).ToList();
            return new DisclosedRetentionType(t, typeGroups, LogRank(result.ByType[t], typeGroups, $"{prefix}.logRank", suppressed));
        }).ToList();
        return new DisclosedRetentionFigures(figures, disclosedGroups, logRank, byType, suppressed);
    }

    /// <summary>
    /// A whole group's survival at <paramref name="months"/> months as <paramref name="rule"/> lets it be published (the
    /// DfE return's retention of participants): suppressed when the group's size is (1 to threshold − 1 tenures), when 1
    /// to threshold − 1 are at risk then, or when none are but the curve has been cut by small numbers.
    /// </summary>
    public static Disclosed<double?> SurvivalAt(SurvivalEstimate curve, int months, DisclosureRule rule)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(rule);
        return SurvivalShown(curve, months, rule, rule.Count(curve.N).IsSuppressed, DisclosedSurvivalCurve.Disclose(curve.Curve, rule));
    }

    private static Disclosed<double?> SurvivalShown(SurvivalEstimate curve, int months, DisclosureRule rule, bool hidden, DisclosedSurvivalCurve cut)
    {
        var atRisk = curve.AtRiskAt(months * TurnoverCalculator.DaysPerMonth);
        return hidden || rule.IsSmall(atRisk) || (atRisk == 0 && cut.HiddenFromDays is not null)
            ? Disclosed.Suppressed<double?>()
            : Disclosed.Shown(curve.SurvivalAtMonths(months));
    }

    private static DisclosedRetentionGroup Group(
        SurvivalEstimate curve, RetentionGroup group, (Disclosed<int> N, Disclosed<int> Events) counts, DisclosureRule rule, string name, List<string> suppressed)
    {
        var cut = DisclosedSurvivalCurve.Disclose(curve.Curve, rule);
        var hidden = counts.N.IsSuppressed;
        var median = hidden || cut.MedianDays.IsSuppressed ? Disclosed.Suppressed<double?>() : Disclosed.Shown(curve.MedianMonths);
        Disclosed<double?> At(int months) => SurvivalShown(curve, months, rule, hidden, cut);
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
