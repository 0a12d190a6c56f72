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

    /// <summary>
    /// Across the as-of days the funder can ask for (every quarter end, <see cref="RetentionDisclosure.DiscloseOverQuarters"/>)
    /// and against the first-time tenures started (which the turnover figures and the return's first-time directors come
    /// close to): no two shown values of the same count differ by 1 to 4, both groups' n together never fall short of the
    /// tenures started by 1 to 4 when both are shown, and the DfE return's retention rows (participants' survival at 12
    /// and 24 months, <see cref="ReturnMeasure.Survival"/>) are never shown for a small group or with 1 to 4 at risk.
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

        var shownOverTime = new Dictionary<string, List<(LocalDate Day, int Value)>>();
        for (var k = 1; k <= results.Count; k++)
        {
            var disclosed = RetentionDisclosure.DiscloseOverQuarters(results[..k], started[..k], rule);
            var exact = RetentionDisclosure.CountsOf(results[k - 1]);
            foreach (var (name, value) in Shown(disclosed))
            {
                Assert.Equal(exact[name], value);
                Assert.False(rule.IsSmall(value), $"seed {seed}, {ends[k - 1]}: {name} = {value} published");
                if (!shownOverTime.TryGetValue(name, out var list))
                {
                    shownOverTime[name] = list = [];
                }
                list.Add((ends[k - 1], value));
            }
            var participants = disclosed.Groups[0];
            var comparison = disclosed.Groups[1];
            if (participants.N.TryGetValue(out var p) && comparison.N.TryGetValue(out var c))
            {
                Assert.False(rule.IsSmall(started[k - 1] - p - c), $"seed {seed}, {ends[k - 1]}: {started[k - 1]} started, {p} + {c} in the groups");
            }

            // The return's rows: the same curve, disclosed as the return discloses it.
            var curve = results[k - 1].All.Participants;
            foreach (var months in new[] { 12, 24 })
            {
                var row = ReturnDisclosure.Disclose(rule, new ReturnFigureDefinition("retained", "Retained", ReturnUnit.Share, "d"), ReturnPeriod.OfYear(FinancialYear.Containing(ends[k - 1])),
                    _ => ReturnMeasure.Survival(curve, months), (_, _) => throw new InvalidOperationException());
                if (!row.IsSuppressed)
                {
                    Assert.False(rule.IsSmall(curve.N) || rule.IsSmall(curve.AtRiskAt(months * TurnoverCalculator.DaysPerMonth)),
                        $"seed {seed}, {ends[k - 1]}: survival at {months} months shown with n {curve.N}");
                }
            }
        }
        foreach (var (name, values) in shownOverTime)
        {
            foreach (var a in values)
            {
                foreach (var b in values)
                {
                    Assert.False(rule.IsSmall(Math.Abs(a.Value - b.Value)), $"seed {seed}: {name} {a.Value} on {a.Day} and {b.Value} on {b.Day} both published");
                }
            }
        }
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
