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
