using Upon.Core.Coaching;
using Upon.Core.Disclosure;
using Upon.Core.Impact;
using Upon.Core.Register;

namespace Upon.Core.Tests.Disclosure;

/// <summary>
/// The funder sees coaching sessions in two places: the coaching figures, by strand and month (each strand's sessions
/// with its months as parts), and the DfE return, by financial quarter and year over every strand
/// (<c>coachingSessionsDelivered</c>). On random pools over two financial years, both disclosed as the funder gets them:
/// no suppressed month of a strand can be worked out from everything shown in either place, and the return's figures
/// tell nothing the coaching figures do not (each shown quarter and year is a sum the coaching figures already give).
/// </summary>
public sealed class CoachingReturnPropertyTests
{
    private static readonly DisclosureRule Rule = new();

    private static readonly FinancialYear[] Years = [new(2025), new(2026)];

    private static readonly ReturnFigureDefinition Sessions =
        new("coachingSessionsDelivered", "Sessions", ReturnUnit.Count, "d") { AddsUpOverQuarters = true };

    private static readonly ReturnFigureDefinition Hours =
        new("coachingHoursDelivered", "Hours", ReturnUnit.Hours, "d") { BasisKey = "coachingSessionsDelivered" };

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 300)];

    private static IReadOnlyList<ReturnPeriod> Periods() =>
        [.. Years.SelectMany(y => ReturnPeriod.OfYear(y).QuartersOfYear().Append(ReturnPeriod.OfYear(y)))];

    /// <summary>
    /// A random pool: up to 3 strands, some with few relationships, each relationship with 0 to 5 sessions on random days
    /// from April 2025 to March 2027, so that small months (and small quarters of a strand) are common.
    /// </summary>
    private static CoachingFigures RandomFigures(int seed)
    {
        var random = new Random(seed);
        string[] strands = ["new-directors", "aspirant-directors", CoachingFigures.NoStrand];
        var relationships = new List<CoachingRelationshipFact>();
        foreach (var strand in strands)
        {
            var count = random.Next(3) switch { 0 => random.Next(0, 3), 1 => random.Next(2, 8), _ => random.Next(6, 20) };
            for (var i = 0; i < count; i++)
            {
                relationships.Add(new CoachingRelationshipFact(relationships.Count + 1, strand, 360, true));
            }
        }
        var first = new LocalDate(2025, 4, 1);
        var sessions = relationships.SelectMany(r => Enumerable.Range(0, random.Next(0, 6))
            .Select(_ => new CoachingSessionFact(r.Id, first.PlusDays(random.Next(0, 730)), 30 * random.Next(1, 5)))).ToList();
        return CoachingFigures.Of(0, relationships, sessions, []);
    }

    /// <summary>What the funder sees: each strand's months and total, and each quarter's and year's sessions of the return.</summary>
    private static (List<(int Strand, LocalDate Month, int Value, bool Shown)> Cells, List<(int Strand, bool Shown)> Totals,
        List<(ReturnPeriod Period, int Value, bool Shown)> Quarters) FunderSees(CoachingFigures exact, Func<ReturnPeriod, ReturnMeasure> measureOf)
    {
        var published = CoachingDisclosure.Disclose(Rule, exact);
        var cells = exact.Strands.SelectMany((s, i) => s.Months.Select((m, j) =>
            (i, DateOf(m.Month), m.Sessions, !published.Strands[i].Months[j].Sessions.IsSuppressed))).ToList();
        var totals = exact.Strands.Select((_, i) => (i, !published.Strands[i].Sessions.IsSuppressed)).ToList();
        var periods = Periods().Select(p =>
        {
            var disclosed = ReturnDisclosure.Disclose(Rule, Sessions, p, measureOf, (_, _) => throw new InvalidOperationException());
            return (p, measureOf(p).Numerator, !disclosed.IsSuppressed);
        }).ToList();
        return (cells, totals, periods);
    }

    private static LocalDate DateOf(string month) => new(int.Parse(month[..4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(month[5..], System.Globalization.CultureInfo.InvariantCulture), 1);

    private static ReturnMeasure Measure(CoachingFigures exact, ReturnPeriod p) => ReturnMeasure.CountOfParts(exact.SessionsBetween(p.FirstDay, p.LastDay));

    /// <summary>The equations the funder can write over the suppressed cells, from the page's totals and from the return's.</summary>
    private static (List<double[]> Page, List<double[]> Return, int Width) Equations(
        (List<(int Strand, LocalDate Month, int Value, bool Shown)> Cells, List<(int Strand, bool Shown)> Totals, List<(ReturnPeriod Period, int Value, bool Shown)> Quarters) seen)
    {
        var hidden = seen.Cells.Where(c => !c.Shown).ToList();
        var page = seen.Totals.Where(t => t.Shown).Select(t => hidden.Select(h => h.Strand == t.Strand ? 1.0 : 0.0).ToArray()).ToList();
        var ret = seen.Quarters.Where(q => q.Shown).Select(q => hidden.Select(h => q.Period.Contains(h.Month) ? 1.0 : 0.0).ToArray()).ToList();
        return (page, ret, hidden.Count);
    }

    private static IEnumerable<int> Derivable(List<double[]> equations, int width)
    {
        var rank = LinearAlgebra.Rank(equations, width);
        for (var i = 0; i < width; i++)
        {
            var unit = new double[width];
            unit[i] = 1;
            if (LinearAlgebra.Rank([.. equations, unit], width) == rank)
            {
                yield return i;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomPool_NoSuppressedMonthCanBeWorkedOut_AndTheReturnTellsNothingMore(int seed)
    {
        var exact = RandomFigures(seed);
        var seen = FunderSees(exact, p => Measure(exact, p));

        // The return counts exactly the sessions of the months in each period.
        foreach (var (period, value, _) in seen.Quarters)
        {
            Assert.Equal(seen.Cells.Where(c => period.Contains(c.Month)).Sum(c => c.Value), value);
        }
        // Nothing small is shown.
        Assert.All(seen.Quarters.Where(q => q.Shown), q => Assert.False(Rule.IsSmall(q.Value), $"seed {seed}: {q.Period} shows {q.Value}"));

        var (page, ret, width) = Equations(seen);
        Assert.Empty(Derivable([.. page, .. ret], width));
        Assert.True(LinearAlgebra.Rank(page, width) == LinearAlgebra.Rank([.. page, .. ret], width), $"seed {seed}: the return tells more than the coaching figures");

        // Hours are shown exactly where the sessions are, in the return as in the coaching figures.
        foreach (var p in Periods())
        {
            var sessions = ReturnDisclosure.Disclose(Rule, Sessions, p, q => Measure(exact, q), (_, _) => throw new InvalidOperationException());
            var hours = ReturnDisclosure.Disclose(Rule, Hours, p, _ => ReturnMeasure.Hours(1), (_, _) => sessions);
            Assert.Equal(sessions.IsSuppressed, hours.IsSuppressed);
        }
    }

    [Fact]
    public void TheSearch_FindsTheLeak_WhenTheQuartersAreDisclosedOnTheirOwn()
    {
        // Before the return was disclosed against the coaching figures, it counted its quarters on their own.
        var leaks = Enumerable.Range(1, 300).Count(seed =>
        {
            var exact = RandomFigures(seed);
            var (page, ret, width) = Equations(FunderSees(exact, p => ReturnMeasure.Count(Measure(exact, p).Numerator)));
            return Derivable([.. page, .. ret], width).Any();
        });
        Assert.True(leaks > 0, "no random pool leaked");
    }
}
