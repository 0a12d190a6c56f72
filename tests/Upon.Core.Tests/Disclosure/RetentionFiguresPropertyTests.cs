using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;
using Upon.Core.Tests.Register;

namespace Upon.Core.Tests.Disclosure;

/// <summary>
/// The cross-figure property of <see cref="FunderFiguresPropertyTests"/>, extended to the retention evaluation: random
/// registers with random joining days, evaluated as of random days and disclosed as the funder gets them; no count the
/// funder sees is from 1 to 4, no linked pair of counts (a group's tenures and those ended; a group's whole and its
/// permanent and interim parts) differs by 1 to 4 with both shown, and no figure of a group whose size is hidden is shown.
/// </summary>
public sealed class RetentionFiguresPropertyTests
{
    private static readonly LocalDate InvitingSince = new(2010, 4, 1);

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 200)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomRegister_NoSmallCountOrDifferenceIsPublished(int seed)
    {
        var (result, rule) = Evaluate(seed);
        var disclosed = RetentionDisclosure.Disclose(result, rule);

        var counts = new Dictionary<string, (int Value, bool Shown)>();
        void Record(string prefix, SurvivalEstimate exact, DisclosedRetentionGroup shown)
        {
            counts[$"{prefix}.n"] = (exact.N, !shown.N.IsSuppressed);
            counts[$"{prefix}.events"] = (exact.Events, !shown.Events.IsSuppressed);
            if (shown.N.IsSuppressed)
            {
                Assert.True(shown.MedianMonths.IsSuppressed && shown.Survival12.IsSuppressed && shown.Survival24.IsSuppressed && shown.Survival36.IsSuppressed,
                    $"seed {seed}: {prefix} shows a figure of a hidden group");
            }
        }
        foreach (var group in disclosed.Groups)
        {
            Record($"all.{RetentionNames.Of(group.Group)}", result.All.Of(group.Group), group);
        }
        foreach (var type in disclosed.ByType)
        {
            foreach (var group in type.Groups)
            {
                Record($"{RetentionNames.Of(type.Type)}.{RetentionNames.Of(group.Group)}", result.ByType[type.Type].Of(group.Group), group);
            }
        }

        foreach (var (name, (value, shown)) in counts)
        {
            Assert.False(shown && rule.IsSmall(value), $"seed {seed}: {name} = {value} published");
        }
        var links = new List<(string Whole, string Part)>();
        foreach (var g in new[] { "participants", "comparison" })
        {
            foreach (var set in new[] { "all", "permanent", "interim" })
            {
                links.Add(($"{set}.{g}.n", $"{set}.{g}.events"));
            }
            foreach (var type in new[] { "permanent", "interim" })
            {
                links.Add(($"all.{g}.n", $"{type}.{g}.n"));
                links.Add(($"all.{g}.events", $"{type}.{g}.events"));
            }
        }
        foreach (var (whole, part) in links)
        {
            var (w, ws) = counts[whole];
            var (p, ps) = counts[part];
            Assert.False(ws && ps && rule.IsSmall(w - p), $"seed {seed}: {whole} {w} - {part} {p} both published");
        }
        // The other type's part is the whole minus this one: with the whole and one part shown, the other is known.
        foreach (var g in new[] { "participants", "comparison" })
        {
            foreach (var field in new[] { "n", "events" })
            {
                var (w, ws) = counts[$"all.{g}.{field}"];
                var (a, @as) = counts[$"permanent.{g}.{field}"];
                var (b, bs) = counts[$"interim.{g}.{field}"];
                Assert.False(ws && @as && !bs && rule.IsSmall(w - a), $"seed {seed}: interim.{g}.{field} = {b} given away");
                Assert.False(ws && bs && !@as && rule.IsSmall(w - b), $"seed {seed}: permanent.{g}.{field} = {a} given away");
            }
        }
    }

    public static TheoryData<int> SeriesSeeds() => [.. Enumerable.Range(1, 60)];

    // Every twentieth: each quarter end is still checked by three of the 60 seeds.
    private const int ReturnRowsEvery = 20;

    /// <summary>
    /// Across the as-of days the funder can ask for (every quarter end, <see cref="RetentionDisclosure.DiscloseEachQuarter"/>)
    /// and against the first-time tenures started (which the turnover figures and the return's first-time directors come
    /// close to): every count the funder can work out from the figures of any quarter end (<see cref="FunderKnowledge"/>:
    /// the counts shown; those behind a survival share or a number at risk, including the table under the chart; a whole
    /// and its permanent and interim parts; the rest of a group) is never 1 to 4 and never differs by 1 to 4 between
    /// two quarter ends; both groups' n together never fall short of the tenures started by 1 to 4 when both are shown;
    /// the DfE return's retention rows are the retention evaluation's own participants' survival, shown and suppressed
    /// alike (at every twentieth quarter end and the last, the seeds between them covering every one); and disclosing fewer
    /// quarter ends gives the same answer for them.
    /// </summary>
    [Theory]
    [MemberData(nameof(SeriesSeeds))]
    public void RandomRegister_QuarterByQuarter_NoCountCanBeWorkedOutBetweenAsOfDaysOrAgainstTurnover(int seed)
    {
        RandomRegister.Calculator(seed, out _, out var appointments);
        var random = new Random(seed * 7507);
        var joined = appointments.GroupBy(a => a.PersonId)
            .Where(_ => random.Next(2) > 0)
            .Select(g => (g.Key, On: g.Min(a => a.Start).PlusDays(random.Next(0, 120))))
            .ToLookup(j => j.Key, j => j.On);
        var rule = new DisclosureRule();
        var ends = new List<LocalDate>();
        for (var day = new LocalDate(2010, 6, 30); day <= new LocalDate(2026, 9, 30); day = day.PlusMonths(3).With(DateAdjusters.EndOfMonth))
        {
            ends.Add(day);
        }
        var results = ends.Select(d => RetentionEvaluationResult.Evaluate(RetentionPopulation.Build(appointments, joined, InvitingSince, d), d)).ToList();
        var started = ends.Select(d => RetentionPopulation.StartedBeforeLandmark(appointments, InvitingSince, d)).ToList();
        var each = RetentionDisclosure.DiscloseEachQuarter(results, started, rule);

        var knownOverTime = new Dictionary<string, List<(LocalDate Day, int Value)>>();
        for (var k = 0; k < results.Count; k++)
        {
            var disclosed = each[k];
            var exact = RetentionDisclosure.CountsOf(results[k]);
            foreach (var (name, value) in Shown(disclosed))
            {
                Assert.Equal(exact[name], value);
            }
            foreach (var (name, value) in FunderKnowledge(results[k], disclosed))
            {
                Assert.False(rule.IsSmall(value), $"seed {seed}, {ends[k]}: {name} = {value} can be worked out");
                if (!knownOverTime.TryGetValue(name, out var list))
                {
                    knownOverTime[name] = list = [];
                }
                list.Add((ends[k], value));
            }
            var participants = disclosed.Groups[0];
            var known = FunderKnowledge(results[k], disclosed);
            // Both groups' n however the funder works them out: shown, or from their permanent and interim parts, or at risk at the start.
            if (known.TryGetValue("all.participants.n", out var p) && known.TryGetValue("all.comparison.n", out var c))
            {
                Assert.False(rule.IsSmall(started[k] - p - c), $"seed {seed}, {ends[k]}: {started[k]} started, {p} + {c} in the groups");
            }

            // The return's rows: the participants' survival of the same quarter end, disclosed against the same quarter ends.
            // Each series discloses every quarter end up to its own again, so checking them all made each seed quadratic
            // in its quarter ends (most of this project's time): each seed checks every twentieth, from an offset of its own,
            // and its last, so that the seeds together still check every quarter end.
            if (k != results.Count - 1 && (k + seed) % ReturnRowsEvery != 0)
            {
                continue;
            }
            var series = new RetentionSeries(results[..(k + 1)], started[..(k + 1)]);
            var period = ReturnPeriod.OfYear(FinancialYear.Containing(ends[k]));
            foreach (var (months, published) in new[] { (12, participants.Survival12), (24, participants.Survival24) })
            {
                var row = ReturnDisclosure.Disclose(rule, new ReturnFigureDefinition("retained", "Retained", ReturnUnit.Share, "d"), period,
                    _ => ReturnMeasure.Survival(series, months), (_, _) => throw new InvalidOperationException());
                Assert.Equal(published.IsSuppressed, row.IsSuppressed);
                if (published.TryGetValue(out var share) && share is { } value)
                {
                    Assert.Equal(Math.Round(value, 4, MidpointRounding.AwayFromZero), row.TryGetValue(out var shown) ? shown : null);
                }
            }
        }
        foreach (var k in new[] { 0, results.Count / 3, results.Count / 2 })
        {
            var fewer = RetentionDisclosure.DiscloseOverQuarters(results[..(k + 1)], started[..(k + 1)], rule);
            Assert.Equal(Shown(each[k]).ToList(), Shown(fewer).ToList());
            Assert.Equal(FunderKnowledge(results[k], each[k]).OrderBy(p => p.Key).ToList(), FunderKnowledge(results[k], fewer).OrderBy(p => p.Key).ToList());
        }
        foreach (var (name, values) in knownOverTime)
        {
            foreach (var a in values)
            {
                foreach (var b in values)
                {
                    Assert.False(rule.IsSmall(Math.Abs(a.Value - b.Value)), $"seed {seed}: {name} {a.Value} on {a.Day} and {b.Value} on {b.Day} can both be worked out");
                }
            }
        }
    }

    /// <summary>
    /// Every count the funder can work out from <paramref name="disclosed"/>, worked out here from the population itself
    /// (not from the curves the disclosure reads): a group's n and events where shown; where a survival share at t
    /// months is shown, as if nobody were censored, those who left within t and those observed beyond t (just the
    /// latter, zero, when the share is null); where a number at risk at t is shown, those observed for at least t; then,
    /// over and over, a whole from its two parts or a part from the whole and the other part, and the rest of a group
    /// (n less any of these).
    /// </summary>
    private static Dictionary<string, int> FunderKnowledge(RetentionEvaluationResult result, DisclosedRetentionFigures disclosed)
    {
        // A count is "set.group.quantity"; its value comes from the population's tenures.
        int Value(string key)
        {
            var parts = key.Split('.', 3);
            var tenures = result.Population
                .Where(t => RetentionNames.Of(t.Group) == parts[1] && (parts[0] == "all" || RetentionNames.Of(t.Type) == parts[0]))
                .Select(t => t.Observation).ToList();
            var quantity = parts[2];
            if (quantity.StartsWith("rest-", StringComparison.Ordinal))
            {
                return tenures.Count - Value($"{parts[0]}.{parts[1]}.{quantity[5..]}");
            }
            var (what, days) = quantity.Split(':') is [var w, var d] ? (w, double.Parse(d, System.Globalization.CultureInfo.InvariantCulture)) : (quantity, 0.0);
            return what switch
            {
                "n" => tenures.Count,
                "events" => tenures.Count(o => o.Ended),
                "leftBy" => tenures.Count(o => o.Ended && o.Days <= days),
                "beyond" => tenures.Count(o => o.Days > days),
                _ => tenures.Count(o => o.Days >= days),
            };
        }
        static string Days(double days) => days.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var known = new HashSet<string>();
        void Survival(string prefix, int months, Disclosed<double?> share)
        {
            if (!share.TryGetValue(out var value))
            {
                return;
            }
            var days = months * TurnoverCalculator.DaysPerMonth;
            known.Add($"{prefix}.beyond:{Days(days)}");
            if (value is not null)
            {
                known.Add($"{prefix}.leftBy:{Days(days)}");
            }
        }
        void Group(string set, DisclosedRetentionGroup g)
        {
            var prefix = $"{set}.{RetentionNames.Of(g.Group)}";
            if (!g.N.IsSuppressed) known.Add($"{prefix}.n");
            if (!g.Events.IsSuppressed) known.Add($"{prefix}.events");
            Survival(prefix, 12, g.Survival12);
            Survival(prefix, 24, g.Survival24);
            Survival(prefix, 36, g.Survival36);
        }
        foreach (var g in disclosed.Groups)
        {
            Group("all", g);
        }
        foreach (var type in disclosed.ByType)
        {
            foreach (var g in type.Groups)
            {
                Group(RetentionNames.Of(type.Type), g);
            }
        }
        foreach (var row in disclosed.Table)
        {
            foreach (var (group, read) in new[] { ("participants", row.Participants), ("comparison", row.Comparison) })
            {
                Survival($"all.{group}", row.Months, read.Survival);
                var days = row.Months * TurnoverCalculator.DaysPerMonth;
                if (!read.AtRisk.IsSuppressed)
                {
                    // Observed for at least t days: the same tenures as those beyond t when t is not a whole number of days.
                    known.Add(Math.Floor(days) == days ? $"all.{group}.atLeast:{Days(days)}" : $"all.{group}.beyond:{Days(days)}");
                    if (days == 0)
                    {
                        // Everyone is observed for at least no days: the number at risk at the start is the group's n.
                        known.Add($"all.{group}.n");
                    }
                }
            }
        }
        string[] sets = ["all", "permanent", "interim"];
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var group in new[] { "participants", "comparison" })
            {
                var quantities = known.Select(k => k.Split('.', 3)).Where(k => k[1] == group && !k[2].StartsWith("rest-", StringComparison.Ordinal)).Select(k => k[2]).Distinct().ToList();
                foreach (var quantity in quantities)
                {
                    // The whole is its permanent and interim parts together: any two give the third.
                    var keys = sets.Select(s => $"{s}.{group}.{quantity}").ToList();
                    if (keys.Count(known.Contains) == 2)
                    {
                        known.UnionWith(keys);
                        changed = true;
                    }
                }
                foreach (var set in sets.Where(s => known.Contains($"{s}.{group}.n")))
                {
                    foreach (var key in known.Where(k => k.StartsWith($"{set}.{group}.", StringComparison.Ordinal) && k != $"{set}.{group}.n" && !k.Contains(".rest-", StringComparison.Ordinal)).ToList())
                    {
                        changed |= known.Add($"{set}.{group}.rest-{key.Split('.', 3)[2]}");
                    }
                }
            }
        }
        return known.ToDictionary(k => k, Value);
    }

    private static IEnumerable<(string Name, int Value)> Shown(DisclosedRetentionFigures figures)
    {
        foreach (var g in figures.Groups)
        {
            var name = RetentionNames.Of(g.Group);
            if (g.N.TryGetValue(out var n)) yield return ($"{name}.n", n);
            if (g.Events.TryGetValue(out var e)) yield return ($"{name}.events", e);
        }
        foreach (var t in figures.ByType)
        {
            foreach (var g in t.Groups)
            {
                var name = $"{RetentionNames.Of(t.Type)}.{RetentionNames.Of(g.Group)}";
                if (g.N.TryGetValue(out var n)) yield return ($"{name}.n", n);
                if (g.Events.TryGetValue(out var e)) yield return ($"{name}.events", e);
            }
        }
    }

    [Fact]
    public void QuarterByQuarter_TheSearchWouldFindTheLeak_WithoutTheRuleOverTime()
    {
        // The property above only means something if counts one quarter apart do differ by 1 to 4 when disclosed one at a time.
        var found = 0;
        foreach (var seed in Enumerable.Range(1, 20))
        {
            RandomRegister.Calculator(seed, out _, out var appointments);
            var joined = appointments.GroupBy(a => a.PersonId).Select(g => (g.Key, On: g.Min(a => a.Start).PlusDays(10))).ToLookup(j => j.Key, j => j.On);
            var rule = new DisclosureRule();
            DisclosedRetentionGroup At(LocalDate day) => RetentionDisclosure.Disclose(RetentionEvaluationResult.Evaluate(RetentionPopulation.Build(appointments, joined, InvitingSince, day), day), rule).Groups[0];
            for (var day = new LocalDate(2012, 6, 30); day <= new LocalDate(2020, 6, 30); day = day.PlusMonths(3).With(DateAdjusters.EndOfMonth))
            {
                if (At(day).N.TryGetValue(out var a) && At(day.PlusMonths(3).With(DateAdjusters.EndOfMonth)).N.TryGetValue(out var b) && rule.IsSmall(b - a))
                {
                    found++;
                }
            }
        }
        Assert.True(found > 5, $"only {found} small differences between quarters");
    }

    private static (RetentionEvaluationResult Result, DisclosureRule Rule) Evaluate(int seed)
    {
        RandomRegister.Calculator(seed, out _, out var appointments);
        var random = new Random(seed * 104729);
        var joined = appointments.GroupBy(a => a.PersonId)
            .Where(_ => random.Next(3) > 0)
            .Select(g => (g.Key, On: g.Min(a => a.Start).PlusDays(random.Next(-20, 200))))
            .ToLookup(j => j.Key, j => j.On);
        var asOf = new LocalDate(2012 + random.Next(14), 1 + random.Next(12), 1 + random.Next(28));
        return (RetentionEvaluationResult.Evaluate(RetentionPopulation.Build(appointments, joined, InvitingSince, asOf), asOf), new DisclosureRule());
    }

    [Fact]
    public void RandomRegisters_GiveSmallAndLargeGroups()
    {
        // The property only means something if some figures are suppressed and some are shown.
        var disclosed = Enumerable.Range(1, 200).Select(seed => RetentionDisclosure.Disclose(Evaluate(seed).Result, new DisclosureRule())).ToList();
        Assert.Contains(disclosed, d => d.ByType.Any(t => t.Groups.Any(g => g.N.IsSuppressed)));
        Assert.Contains(disclosed, d => d.ByType.Any(t => t.Groups.Any(g => g.N.TryGetValue(out var n) && n >= 5)));
        Assert.Contains(disclosed, d => d.Groups.Any(g => g.Events.IsSuppressed && !g.N.IsSuppressed));
    }
}
