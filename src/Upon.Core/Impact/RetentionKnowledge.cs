using Upon.Core.Disclosure;
using Upon.Core.Register;

namespace Upon.Core.Impact;

/// <summary>
/// The counts that published retention figures give away, for <see cref="RetentionDisclosure.DiscloseEachQuarter"/>.
/// A count is named <c>set.group.quantity</c>: the set <c>all</c>, <c>permanent</c> or <c>interim</c>; the group
/// <c>participants</c> or <c>comparison</c>; the quantity <c>n</c>, <c>events</c>, <c>left{D}</c> (tenures ended within
/// D days), <c>atLeast{D}</c> (tenures observed for at least D days), or <c>n-</c> one of those (the rest of the group).
/// <list type="bullet">
/// <item>A shown <c>n</c> or <c>events</c> gives itself away.</item>
/// <item>A shown survival share at t days gives away, as if nobody were censored before t, those who left by t
/// (<c>left{⌊t⌋}</c>) and those still in post beyond t (<c>atLeast{⌊t⌋+1}</c>); a share shown as null (nobody observed
/// that long) gives away that the second is zero.</item>
/// <item>A shown number at risk at t gives away <c>atLeast{⌈t⌉}</c>; at the start, the group's <c>n</c> as well.</item>
/// <item>Within one as-of day, the whole set is the permanent and interim sets together: any two of a quantity give the
/// third. With <c>n</c> known, every other quantity known gives the rest of the group, <c>n-</c> it.</item>
/// </list>
/// </summary>
internal sealed class RetentionKnowledge(RetentionEvaluationResult result)
{
    private static readonly string[] Sets = ["all", "permanent", "interim"];
    private static readonly RetentionGroup[] Groups = [RetentionGroup.Participants, RetentionGroup.Comparison];
    private static readonly string[] Types = ["permanent", "interim"];

    private Dictionary<string, List<string>> _revealedBy = new(StringComparer.Ordinal);

    /// <summary>Every count <paramref name="figures"/> give away, with its exact value.</summary>
    public IReadOnlyDictionary<string, int> GivenAway(DisclosedRetentionFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        _revealedBy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        void Direct(string key, string figure)
        {
            known[key] = ValueOf(key);
            if (!_revealedBy.TryGetValue(key, out var list))
            {
                _revealedBy[key] = list = [];
            }
            list.Add(figure);
        }
        void Survival(string set, RetentionGroup group, int months, Disclosed<double?> shown, string figure)
        {
            if (!shown.TryGetValue(out var value))
            {
                return;
            }
            var days = months * TurnoverCalculator.DaysPerMonth;
            Direct(Key(set, group, $"atLeast{(int)Math.Floor(days) + 1}"), figure);
            if (value is not null)
            {
                Direct(Key(set, group, $"left{(int)Math.Floor(days)}"), figure);
            }
        }
        void Group(string set, DisclosedRetentionGroup g)
        {
            var prefix = FigurePrefix(set, g.Group);
            if (g.N.TryGetValue(out _)) Direct(Key(set, g.Group, "n"), $"{prefix}.n");
            if (g.Events.TryGetValue(out _)) Direct(Key(set, g.Group, "events"), $"{prefix}.events");
            Survival(set, g.Group, 12, g.Survival12, $"{prefix}.survival12");
            Survival(set, g.Group, 24, g.Survival24, $"{prefix}.survival24");
            Survival(set, g.Group, 36, g.Survival36, $"{prefix}.survival36");
        }
        foreach (var g in figures.Groups)
        {
            Group("all", g);
        }
        foreach (var type in figures.ByType)
        {
            foreach (var g in type.Groups)
            {
                Group(RetentionNames.Of(type.Type), g);
            }
        }
        foreach (var row in figures.Table)
        {
            foreach (var (group, read) in new[] { (RetentionGroup.Participants, row.Participants), (RetentionGroup.Comparison, row.Comparison) })
            {
                var prefix = FigurePrefix("all", group);
                Survival("all", group, row.Months, read.Survival, $"{prefix}.survival{row.Months}");
                if (read.AtRisk.TryGetValue(out _))
                {
                    Direct(Key("all", group, $"atLeast{(int)Math.Ceiling(row.Months * TurnoverCalculator.DaysPerMonth)}"), $"{prefix}.atRisk{row.Months}");
                    if (row.Months == 0)
                    {
                        // Everyone is observed for at least no days: the number at risk at the start is the group's n.
                        Direct(Key("all", group, "n"), $"{prefix}.atRisk0");
                    }
                }
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var group in Groups)
            {
                var quantities = known.Keys.Select(Parse).Where(k => k.Group == group && !k.Quantity.StartsWith("n-", StringComparison.Ordinal)).Select(k => k.Quantity).Distinct().ToList();
                foreach (var quantity in quantities)
                {
                    var keys = Sets.Select(s => Key(s, group, quantity)).ToList();
                    if (keys.Count(known.ContainsKey) == 2)
                    {
                        var missing = keys.Single(k => !known.ContainsKey(k));
                        known[missing] = ValueOf(missing);
                        changed = true;
                    }
                }
                foreach (var set in Sets)
                {
                    if (!known.ContainsKey(Key(set, group, "n")))
                    {
                        continue;
                    }
                    foreach (var quantity in known.Keys.Select(Parse).Where(k => k.Set == set && k.Group == group && k.Quantity != "n" && !k.Quantity.StartsWith("n-", StringComparison.Ordinal)).Select(k => k.Quantity).ToList())
                    {
                        changed |= known.TryAdd(Key(set, group, $"n-{quantity}"), ValueOf(Key(set, group, $"n-{quantity}")));
                    }
                }
            }
        }
        return known;
    }

    /// <summary>
    /// The shown figures to suppress so that <paramref name="key"/> is no longer given away: those that give it away
    /// directly; for the rest of a group, those that give away the quantity taken from <c>n</c>; for a count worked out
    /// from the other two sets, those of the permanent and interim sets (or, failing those, the whole's).
    /// </summary>
    public IReadOnlyList<string> FiguresGivingAway(string key, DisclosedRetentionFigures figures)
    {
        if (_revealedBy.TryGetValue(key, out var direct))
        {
            return direct;
        }
        var (set, group, quantity) = Parse(key);
        if (quantity.StartsWith("n-", StringComparison.Ordinal))
        {
            var taken = FiguresGivingAway(Key(set, group, quantity[2..]), figures);
            return taken.Count > 0 ? taken : FiguresGivingAway(Key(set, group, "n"), figures);
        }
        var parts = Types.SelectMany(s => _revealedBy.GetValueOrDefault(Key(s, group, quantity)) ?? []).ToList();
        return parts.Count > 0 ? parts : _revealedBy.GetValueOrDefault(Key("all", group, quantity)) ?? [];
    }

    private int ValueOf(string key)
    {
        var (set, group, quantity) = Parse(key);
        var curve = set switch
        {
            "all" => result.All.Of(group),
            "permanent" => result.ByType[RetentionType.Permanent].Of(group),
            _ => result.ByType[RetentionType.Interim].Of(group),
        };
        if (quantity.StartsWith("n-", StringComparison.Ordinal))
        {
            return curve.N - ValueOf(Key(set, group, quantity[2..]));
        }
        if (quantity == "n")
        {
            return curve.N;
        }
        if (quantity == "events")
        {
            return curve.Events;
        }
        if (quantity.StartsWith("left", StringComparison.Ordinal))
        {
            var days = int.Parse(quantity[4..], System.Globalization.CultureInfo.InvariantCulture);
            return curve.Steps.Where(s => s.Days <= days).Sum(s => s.Events);
        }
        return curve.AtRiskAt(int.Parse(quantity["atLeast".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string FigurePrefix(string set, RetentionGroup group) =>
        set == "all" ? RetentionNames.Of(group) : $"{set}.{RetentionNames.Of(group)}";

    private static string Key(string set, RetentionGroup group, string quantity) => $"{set}.{RetentionNames.Of(group)}.{quantity}";

    private static (string Set, RetentionGroup Group, string Quantity) Parse(string key)
    {
        var parts = key.Split('.', 3);
        return (parts[0], parts[1] == "participants" ? RetentionGroup.Participants : RetentionGroup.Comparison, parts[2]);
    }
}
